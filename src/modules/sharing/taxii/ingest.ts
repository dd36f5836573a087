import { sql } from 'kysely';
import { type TlpLabel, tlpDefinition } from '../../../core/access/tlp.ts';
import type { Visibility } from '../../../core/access/visibility.ts';
import type { Trx } from '../../../core/db/transaction.ts';
import { notFound } from '../../../core/http/errors.ts';
import { collectionVisibility } from '../collections/collection-access.ts';
import type { SharingObjectsTable } from '../sharing.tables.ts';
import { tlpLabelOfMarkingRefs } from '../stix/markings.ts';
import { validateStixObject } from '../stix/validate.ts';
import { formatMicros, nowMicros, parseMicros, versionKey } from './timestamps.ts';

/** One object's outcome, as TAXII's status resource lists it. */
export interface StatusDetail {
  id: string;
  version: string;
  message?: string;
}

export interface PutObjectsOptions {
  /** The organization sharing the objects (owner of the stored rows); `null` for the instance itself. */
  ownerOrgId: string | null;
  /** The audience of these objects; the collection's visibility when absent. */
  visibility?: Visibility;
  /**
   * A label these objects carry at least: an object marked more restrictively keeps its own marking, an
   * unmarked or less restrictive one gets this. Without it, unmarked objects get the collection's default.
   */
  tlp?: Exclude<TlpLabel, 'TLP:RED'>;
}

export interface PutObjectsResult {
  successes: StatusDetail[];
  failures: StatusDetail[];
  /** How many rows were added (objects already in the collection count as successes, not additions). */
  addedCount: number;
}

const INSERT_CHUNK = 400;
const LOOKUP_CHUNK = 500;

interface Candidate {
  index: number;
  stixId: string;
  type: string;
  specVersion: string;
  /** '' when the object has neither `modified` nor `created`. */
  version: string;
  /** The version as the client wrote it, for status details. */
  versionText: string;
  tlp: TlpLabel;
  raw: string;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stricter(a: TlpLabel, b: TlpLabel): TlpLabel {
  return tlpDefinition(a).rank >= tlpDefinition(b).rank ? a : b;
}

function labelOf(
  object: Record<string, unknown>,
  defaultTlp: TlpLabel,
  floor: TlpLabel | undefined,
): TlpLabel {
  const refs = Array.isArray(object.object_marking_refs)
    ? object.object_marking_refs.filter((ref): ref is string => typeof ref === 'string')
    : [];
  const marked = tlpLabelOfMarkingRefs(refs);
  if (floor) return marked ? stricter(marked, floor) : floor;
  return marked ?? defaultTlp;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * Adds STIX 2.1 objects to a collection inside the caller's transaction: each object is validated on its
 * own schema, labelled (its TLP marking, else the collection's default), and stored once per version
 * (`modified`, else `created`; objects with neither have one version). A version already there is a
 * success, not a second row. TLP:RED objects are refused: RED is for named people, and a collection
 * serves organizations. Each stored row gets a `date_added` later than any before it in the collection:
 * the collection row stays locked until the caller commits, so concurrent writers take turns and paging
 * by `date_added` never skips a row committed late.
 */
export async function putObjects(
  trx: Trx,
  collectionId: string,
  objects: readonly unknown[],
  options: PutObjectsOptions,
): Promise<PutObjectsResult> {
  // The no-op update takes the row lock on PostgreSQL (SQLite has one writer anyway) and reads the row.
  const collection = await trx
    .updateTable('sharing_collections')
    .set({ last_date_added: sql`last_date_added` })
    .where('id', '=', collectionId)
    .where('retired_at', 'is', null)
    .returning(['default_tlp', 'visibility', 'last_date_added'])
    .executeTakeFirst();
  if (!collection) throw notFound('Collection');
  const defaultTlp = collection.default_tlp as TlpLabel;
  const visibility = options.visibility ?? collectionVisibility(collection);

  const successes: StatusDetail[] = [];
  const failures: StatusDetail[] = [];
  const candidates: Candidate[] = [];
  objects.forEach((object, index) => {
    const id = isPlainObject(object) && typeof object.id === 'string' ? object.id : `objects[${index}]`;
    const versionText =
      isPlainObject(object) && typeof (object.modified ?? object.created) === 'string'
        ? String(object.modified ?? object.created)
        : '';
    let validation: ReturnType<typeof validateStixObject>;
    let raw = '';
    try {
      validation = validateStixObject(object);
      if (validation.ok) raw = JSON.stringify(object);
    } catch {
      // Thousands of nested arrays in a custom property overflow the stack of a recursive walk.
      failures.push({ id, version: versionText, message: 'the object is nested too deeply' });
      return;
    }
    if (!validation.ok || !isPlainObject(object)) {
      const errors = validation.ok ? [] : validation.errors;
      failures.push({ id, version: versionText, message: errors.slice(0, 5).join('; ') });
      return;
    }
    const version = versionText === '' ? '' : versionKey(versionText);
    if (version === null) {
      failures.push({ id, version: versionText, message: 'modified/created is not a valid timestamp' });
      return;
    }
    const tlp = labelOf(object, defaultTlp, options.tlp);
    if (tlp === 'TLP:RED') {
      failures.push({
        id,
        version: versionText,
        message: 'TLP:RED objects are not shared through collections: RED reaches named people only',
      });
      return;
    }
    candidates.push({
      index,
      stixId: id,
      type: object.type as string,
      specVersion: typeof object.spec_version === 'string' ? object.spec_version : '2.1',
      version,
      versionText,
      tlp,
      raw,
    });
  });

  // Which versions are already stored, and which objects already have some version.
  const existing = new Map<string, string>();
  const idsWithRows = new Set<string>();
  const distinctIds = [...new Set(candidates.map((c) => c.stixId))];
  for (const ids of chunks(distinctIds, LOOKUP_CHUNK)) {
    const rows = await trx
      .selectFrom('sharing_objects')
      .select(['stix_id', 'version', 'date_added'])
      .where('collection_id', '=', collectionId)
      .where('stix_id', 'in', ids)
      .execute();
    for (const row of rows) {
      existing.set(`${row.stix_id}\u0001${row.version}`, row.date_added);
      idsWithRows.add(row.stix_id);
    }
  }

  const fresh: Candidate[] = [];
  const seen = new Set<string>();
  const newVersionsPerId = new Map<string, number>();
  const outcome = new Map<number, StatusDetail>();
  for (const candidate of candidates) {
    const key = `${candidate.stixId}\u0001${candidate.version}`;
    const stored = existing.get(key);
    if (stored !== undefined || seen.has(key)) {
      outcome.set(candidate.index, {
        id: candidate.stixId,
        version: candidate.versionText || (stored ?? ''),
        message: 'already in the collection',
      });
      continue;
    }
    seen.add(key);
    fresh.push(candidate);
    newVersionsPerId.set(candidate.stixId, (newVersionsPerId.get(candidate.stixId) ?? 0) + 1);
  }

  const lastMicros = collection.last_date_added ? parseMicros(collection.last_date_added) : 0;
  const base = Math.max(nowMicros(), lastMicros + 1);
  const rows: SharingObjectsTable[] = fresh.map((candidate, offset) => {
    const isOnlyVersion = !idsWithRows.has(candidate.stixId) && newVersionsPerId.get(candidate.stixId) === 1;
    const dateAdded = formatMicros(base + offset);
    outcome.set(candidate.index, { id: candidate.stixId, version: candidate.versionText || dateAdded });
    return {
      collection_id: collectionId,
      date_added: dateAdded,
      stix_id: candidate.stixId,
      type: candidate.type,
      spec_version: candidate.specVersion,
      version: candidate.version,
      // Objects seen for the first time are both their first and latest version; the others are settled below.
      is_latest: isOnlyVersion ? 1 : 0,
      is_first: isOnlyVersion ? 1 : 0,
      tlp: candidate.tlp,
      visibility,
      owner_org_id: options.ownerOrgId,
      raw: candidate.raw,
    };
  });
  for (const batch of chunks(rows, INSERT_CHUNK)) {
    await trx.insertInto('sharing_objects').values(batch).execute();
  }

  const unsettled = [...new Set(rows.filter((row) => row.is_latest === 0).map((row) => row.stix_id))];
  for (const ids of chunks(unsettled, LOOKUP_CHUNK)) {
    await sql`
      UPDATE sharing_objects SET
        is_latest = CASE WHEN version = (SELECT MAX(s.version) FROM sharing_objects s
          WHERE s.collection_id = sharing_objects.collection_id AND s.stix_id = sharing_objects.stix_id) THEN 1 ELSE 0 END,
        is_first = CASE WHEN version = (SELECT MIN(s.version) FROM sharing_objects s
          WHERE s.collection_id = sharing_objects.collection_id AND s.stix_id = sharing_objects.stix_id) THEN 1 ELSE 0 END
      WHERE collection_id = ${collectionId} AND stix_id IN (${sql.join(ids)})`.execute(trx);
  }

  if (rows.length > 0) {
    await trx
      .updateTable('sharing_collections')
      .set({ last_date_added: formatMicros(base + rows.length - 1) })
      .where('id', '=', collectionId)
      .execute();
  }

  for (const candidate of candidates) {
    const detail = outcome.get(candidate.index);
    if (detail) successes.push(detail);
  }
  return { successes, failures, addedCount: rows.length };
}

/**
 * Removes every version of the given objects from a collection (an incident withdrawn, say), in the
 * caller's transaction. Returns how many rows went.
 */
export async function deleteObjects(
  trx: Trx,
  collectionId: string,
  stixIds: readonly string[],
): Promise<number> {
  let removed = 0;
  for (const ids of chunks([...new Set(stixIds)], LOOKUP_CHUNK)) {
    const result = await trx
      .deleteFrom('sharing_objects')
      .where('collection_id', '=', collectionId)
      .where('stix_id', 'in', ids)
      .executeTakeFirst();
    removed += Number(result.numDeletedRows);
  }
  return removed;
}

import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { type Actor, can, readScope } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction } from '../../../core/db/transaction.ts';
import { AppError, notFound } from '../../../core/http/errors.ts';
import { decodeStringCursor, encodeCursor } from '../../../core/http/pagination.ts';
import { tlpLabelOfMarkingRefs } from '../../sharing/index.ts';
import { checkAttribution, insertDraftAttributions } from '../attributions.service.ts';
import { presentIncident } from '../incidents.presenter.ts';
import { findAttributionRows, findCorrectionRowsOf, findIncidentRows } from '../incidents.repository.ts';
import {
  Attribution,
  type AttributionInput,
  CreateIncident,
  type IncidentOut,
  type IncidentQuery,
} from '../incidents.schemas.ts';
import {
  checkFields,
  type Fields,
  getRecordingOrganization,
  incidentResource,
  insertDraft,
} from '../incidents.service.ts';
import { incidentsToStixBundle } from '../stix/export.ts';
import { stixExportOptions } from './stix-options.ts';

/** The most records one export answer holds; the rest follow with the cursor. */
export const EXPORT_PAGE_LIMIT = 1000;
/** The most records one import may create. */
export const IMPORT_LIMIT = 5000;

const ImportedFields = Type.Omit(CreateIncident, ['orgId']);

/** Readable incidents in full, in the list's order, a page at a time: what JSON, CSV and STIX exports hold. */
export async function findExportPage(
  ctx: AppContext,
  actor: Actor,
  query: Omit<IncidentQuery, 'q'>,
  limit: number,
): Promise<{ incidents: IncidentOut[]; nextCursor: string | null }> {
  const before = decodeStringCursor(query.cursor);
  const rows = await findIncidentRows(ctx.db, {
    scope: readScope(actor),
    ...(query.type ? { type: query.type } : {}),
    ...(query.country ? { country: query.country } : {}),
    ...(query.sector ? { sector: query.sector } : {}),
    ...(query.norm ? { norm: query.norm } : {}),
    ...(query.actor ? { actorId: query.actor } : {}),
    ...(query.orgId ? { orgId: query.orgId } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    // Exports carry published records unless a state is asked for (an organization exporting its drafts).
    editorialStates: [query.editorialState ?? 'published'],
    ...(before ? { beforeSortKey: before } : {}),
    limit: limit + 1,
  });
  // Paging follows the rows examined, so a row the policy drops never ends the export early.
  const examined = rows.slice(0, limit);
  const page = examined.filter((row) => can(actor, 'incident.read', incidentResource(row)));
  const ids = page.map((row) => row.id);
  const [attributions, corrections] = await Promise.all([
    findAttributionRows(ctx.db, ids),
    findCorrectionRowsOf(ctx.db, ids),
  ]);
  const attributionsOf = groupBy(attributions, (row) => row.incident_id);
  const correctionsOf = groupBy(corrections, (row) => row.incident_id);
  const incidents = page.map((row) =>
    presentIncident(row, attributionsOf.get(row.id) ?? [], correctionsOf.get(row.id) ?? [], {
      canEdit: false,
      canReview: false,
    }),
  );
  const last = examined[examined.length - 1];
  return { incidents, nextCursor: rows.length > limit && last ? encodeCursor(last.sort_key) : null };
}

function groupBy<Row>(rows: Row[], keyOf: (row: Row) => string): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

export function stixBundleOf(ctx: AppContext, incidents: IncidentOut[]) {
  return incidentsToStixBundle(incidents, stixExportOptions(ctx));
}

export interface ParsedImport {
  format: 'stix' | 'csv';
  layout: string | null;
  incidents: Array<{ ref: string; input: Fields; attributions: AttributionInput[] }>;
  /** STIX objects the import does not map, kept as sent. */
  kept: object[];
  problems: Array<{ ref: string | null; message: string }>;
}

/**
 * Writes what an import understood as drafts of the organization, all in one transaction, with the objects
 * it did not map kept beside it. A record that fails the incident rules is left out and reported with the
 * parser's own problems; nothing else is left half-done.
 */
export async function importIncidents(ctx: AppContext, actor: Actor, orgId: string, parsed: ParsedImport) {
  const org = await getRecordingOrganization(ctx, actor, orgId);
  if (parsed.incidents.length > IMPORT_LIMIT)
    throw new AppError(
      413,
      'import_too_large',
      `At most ${IMPORT_LIMIT} incidents per import; split the file.`,
    );
  const problems = [...parsed.problems];
  // Kept objects are shown to every member of the organization; TLP:RED is for named people only, so such an
  // object is left out and said so, rather than kept.
  const keptObjects = parsed.kept.filter((object) => {
    const record = object as { id?: unknown; object_marking_refs?: unknown };
    const refs = Array.isArray(record.object_marking_refs)
      ? record.object_marking_refs.filter((ref) => typeof ref === 'string')
      : [];
    if (tlpLabelOfMarkingRefs(refs) !== 'TLP:RED') return true;
    problems.push({
      ref: typeof record.id === 'string' ? record.id : null,
      message: 'Not kept: marked TLP:RED.',
    });
    return false;
  });
  const accepted: ParsedImport['incidents'] = [];
  for (const candidate of parsed.incidents) {
    // A TLP:RED record reaches named people only: the person importing it is named, or nobody could read it.
    if (candidate.input.tlp === 'TLP:RED' && actor.type === 'user')
      candidate.input.participantUserIds = [
        ...new Set([...(candidate.input.participantUserIds ?? []), actor.userId]),
      ];
    try {
      if (!Value.Check(ImportedFields, candidate.input))
        throw new AppError(
          422,
          'invalid_incident',
          [...Value.Errors(ImportedFields, candidate.input)][0]?.message ?? 'invalid',
        );
      for (const attribution of candidate.attributions) {
        if (!Value.Check(Attribution, attribution))
          throw new AppError(422, 'invalid_attribution', 'An attribution is not valid.');
        checkAttribution(attribution);
      }
      await checkFields(ctx, candidate.input);
      accepted.push(candidate);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      problems.push({ ref: candidate.ref, message: error.message });
    }
  }
  const importId = newId('imp');
  const createdIds = await inTransaction(ctx, async (trx) => {
    const ids: string[] = [];
    for (const candidate of accepted) {
      const row = await insertDraft(trx, actor, org, candidate.input);
      await insertDraftAttributions(ctx, trx, actor, row, candidate.attributions);
      ids.push(row.id);
    }
    await trx
      .insertInto('incident_imports')
      .values({
        id: importId,
        org_id: org.id,
        format: parsed.format,
        layout: parsed.layout,
        incident_ids: JSON.stringify(ids),
        problems: JSON.stringify(problems),
        kept_count: keptObjects.length,
        created_by: actor.type === 'user' ? actor.userId : null,
        created_at: nowIso(),
      })
      .execute();
    const kept = keptObjects.map((object, position) => {
      const record = object as { id?: unknown; type?: unknown };
      return {
        import_id: importId,
        position,
        stix_id: typeof record.id === 'string' ? record.id.slice(0, 200) : null,
        type: typeof record.type === 'string' ? record.type.slice(0, 100) : null,
        object: JSON.stringify(object),
      };
    });
    for (let start = 0; start < kept.length; start += 200) {
      await trx
        .insertInto('incident_import_objects')
        .values(kept.slice(start, start + 200))
        .execute();
    }
    await recordAudit(trx, {
      actor,
      orgId: org.id,
      action: 'incident.imported',
      subjectType: 'incident_import',
      subjectId: importId,
      summary: `Imported ${ids.length} incident drafts from ${parsed.format}${parsed.layout ? ` (${parsed.layout})` : ''}; ${problems.length} problems; ${keptObjects.length} objects kept.`,
    });
    return ids;
  });
  return {
    id: importId,
    format: parsed.format,
    layout: parsed.layout,
    incidentIds: createdIds,
    problems,
    keptCount: keptObjects.length,
  };
}

/** An import as its organization sees it, with the objects it kept. */
export async function getImport(ctx: AppContext, actor: Actor, id: string) {
  const row = await ctx.db.selectFrom('incident_imports').selectAll().where('id', '=', id).executeTakeFirst();
  // Imports are drafts' material: only members of the organization that may record for it see them.
  const org = row
    ? await ctx.db
        .selectFrom('organizations')
        .select(['id', 'verification_status'])
        .where('id', '=', row.org_id)
        .executeTakeFirst()
    : undefined;
  if (
    !row ||
    !org ||
    !can(actor, 'incident.record', {
      type: 'organization',
      id: org.id,
      verificationStatus: org.verification_status as 'verified',
    })
  )
    throw notFound('Import');
  const kept = await ctx.db
    .selectFrom('incident_import_objects')
    .select('object')
    .where('import_id', '=', id)
    .orderBy('position')
    .execute();
  return {
    id: row.id,
    format: row.format,
    layout: row.layout,
    incidentIds: JSON.parse(row.incident_ids) as string[],
    problems: JSON.parse(row.problems) as ParsedImport['problems'],
    keptCount: row.kept_count,
    kept: kept.map((object) => JSON.parse(object.object) as Record<string, unknown>),
    createdAt: row.created_at,
  };
}

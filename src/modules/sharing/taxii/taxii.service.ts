import { randomUUID } from 'node:crypto';
import { type Actor, can, readScope } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { nowIso } from '../../../core/db/ids.ts';
import { inTransaction } from '../../../core/db/transaction.ts';
import {
  type AppError,
  badRequest,
  forbidden,
  notFound,
  unauthenticated,
} from '../../../core/http/errors.ts';
import {
  collectionParticipantOrgIds,
  collectionResource,
  writingOrgIdOf,
} from '../collections/collection-access.ts';
import {
  type CollectionRow,
  findActiveCollectionRows,
  findCollectionRow,
} from '../collections/collections.repository.ts';
import { objectRecord, readableObjectsCondition } from './audience.ts';
import { encodeNext, type FilterSupport, isStixId, parseTaxiiFilter, type TaxiiFilter } from './filters.ts';
import { putObjects } from './ingest.ts';
import { STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE } from './media.ts';
import { findObjectPage, hasReadableObject, type ObjectRow } from './objects.repository.ts';
import { findStatusRow, insertStatus, presentStatus } from './statuses.ts';
import { presentVersion } from './timestamps.ts';

/** Where the server lives, and its one API root (paths relative to PUBLIC_URL). */
export const DISCOVERY_PATH = '/taxii2/';
export const API_ROOT_PATH = '/taxii2/api/';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A TAXII answer: the JSON text and the paging headers when the resource has them. */
export interface TaxiiBody {
  body: string;
  dateAddedFirst?: string;
  dateAddedLast?: string;
}

export function apiRootUrl(ctx: AppContext): string {
  return `${ctx.config.publicUrl}${API_ROOT_PATH}`;
}

/** The largest add-objects request accepted, as the API root advertises it: the instance's upload limit. */
export function maxContentLength(ctx: AppContext): number {
  return ctx.config.uploadLimitBytes;
}

export function discovery(ctx: AppContext): string {
  const host = new URL(ctx.config.publicUrl).host;
  return JSON.stringify({
    title: `Common Ground (${host})`,
    description:
      'STIX 2.1 threat and incident information shared by the organizations of this Common Ground instance, under TLP 2.0 and each collection’s visibility.',
    contact: `The secretariat of ${ctx.config.publicUrl}`,
    default: apiRootUrl(ctx),
    api_roots: [apiRootUrl(ctx)],
  });
}

export function apiRoot(ctx: AppContext): string {
  return JSON.stringify({
    title: 'Common Ground collections',
    description: 'Collections of STIX 2.1 objects, one per community, TLP level or dataset.',
    versions: [TAXII_MEDIA_TYPE],
    max_content_length: maxContentLength(ctx),
  });
}

function presentCollection(actor: Actor, row: CollectionRow): Record<string, unknown> {
  const resource = collectionResource(row);
  return {
    id: row.id,
    title: row.title,
    ...(row.description ? { description: row.description } : {}),
    ...(row.alias ? { alias: row.alias } : {}),
    can_read: can(actor, 'sharing.collection.read', resource),
    can_write: can(actor, 'sharing.collection.write', resource),
    media_types: [STIX_MEDIA_TYPE],
  };
}

/** Nobody learns more than the policy lets them: anonymous readers are asked to sign in, others are told "not found". */
function hidden(actor: Actor): AppError {
  return actor.type === 'anonymous'
    ? unauthenticated('Sign in with an API token (HTTP Basic password or Bearer) to reach this collection.')
    : notFound('Collection');
}

async function readableCollection(ctx: AppContext, actor: Actor, id: string): Promise<CollectionRow> {
  const row = UUID.test(id) ? await findCollectionRow(ctx.db, id) : undefined;
  if (!row || row.retired_at !== null || !can(actor, 'sharing.collection.read', collectionResource(row))) {
    throw hidden(actor);
  }
  return row;
}

export async function listCollections(ctx: AppContext, actor: Actor): Promise<string> {
  const rows = (await findActiveCollectionRows(ctx.db)).filter((row) =>
    can(actor, 'sharing.collection.read', collectionResource(row)),
  );
  return JSON.stringify(
    rows.length === 0 ? {} : { collections: rows.map((row) => presentCollection(actor, row)) },
  );
}

export async function getCollection(ctx: AppContext, actor: Actor, id: string): Promise<string> {
  return JSON.stringify(presentCollection(actor, await readableCollection(ctx, actor, id)));
}

interface Page {
  rows: ObjectRow[];
  more: boolean;
  next?: string;
}

/** Reads one page the reader may see: filtered in SQL, then each row passes the policy as well. */
async function readPage(
  ctx: AppContext,
  actor: Actor,
  collection: CollectionRow,
  filter: TaxiiFilter,
  withRaw: boolean,
): Promise<Page> {
  const participants = collectionParticipantOrgIds(collection);
  const fetched = await findObjectPage(
    ctx.db,
    collection.id,
    readableObjectsCondition(readScope(actor), participants),
    filter,
    { withRaw },
  );
  const more = fetched.length > filter.limit;
  const window = more ? fetched.slice(0, filter.limit) : fetched;
  const rows = window.filter((row) => can(actor, 'record.read', objectRecord(row, participants)));
  const last = window[window.length - 1];
  return { rows, more, ...(more && last ? { next: encodeNext(last.date_added) } : {}) };
}

function pageBounds(rows: ObjectRow[]): Pick<TaxiiBody, 'dateAddedFirst' | 'dateAddedLast'> {
  const first = rows[0];
  const last = rows[rows.length - 1];
  return first && last ? { dateAddedFirst: first.date_added, dateAddedLast: last.date_added } : {};
}

function pagingPrefix(page: Page): string {
  return `{"more":${page.more}${page.next ? `,"next":${JSON.stringify(page.next)}` : ''}`;
}

/** The stored JSON texts, joined as they are: a page is never parsed and serialized again. */
function envelope(page: Page): TaxiiBody {
  const objects = page.rows.length === 0 ? '' : `,"objects":[${page.rows.map((row) => row.raw).join(',')}]`;
  return { body: `${pagingPrefix(page)}${objects}}`, ...pageBounds(page.rows) };
}

function shownVersion(row: ObjectRow): string {
  return row.version === '' ? row.date_added : presentVersion(row.version);
}

const ALL_FILTERS: FilterSupport = { id: true, type: true, version: true };

export async function getObjects(
  ctx: AppContext,
  actor: Actor,
  collectionId: string,
  query: Record<string, unknown>,
): Promise<TaxiiBody> {
  const collection = await readableCollection(ctx, actor, collectionId);
  const filter = parseTaxiiFilter(query, ALL_FILTERS);
  return envelope(await readPage(ctx, actor, collection, filter, true));
}

export async function getManifest(
  ctx: AppContext,
  actor: Actor,
  collectionId: string,
  query: Record<string, unknown>,
): Promise<TaxiiBody> {
  const collection = await readableCollection(ctx, actor, collectionId);
  const page = await readPage(ctx, actor, collection, parseTaxiiFilter(query, ALL_FILTERS), false);
  const records = page.rows.map((row) => ({
    id: row.stix_id,
    date_added: row.date_added,
    version: shownVersion(row),
    media_type: STIX_MEDIA_TYPE,
  }));
  const objects = records.length === 0 ? '' : `,"objects":${JSON.stringify(records)}`;
  return { body: `${pagingPrefix(page)}${objects}}`, ...pageBounds(page.rows) };
}

async function readableObjectCollection(
  ctx: AppContext,
  actor: Actor,
  collectionId: string,
  objectId: string,
): Promise<CollectionRow> {
  const collection = await readableCollection(ctx, actor, collectionId);
  const readable = readableObjectsCondition(readScope(actor), collectionParticipantOrgIds(collection));
  if (!isStixId(objectId) || !(await hasReadableObject(ctx.db, collection.id, objectId, readable))) {
    throw notFound('Object');
  }
  return collection;
}

export async function getObject(
  ctx: AppContext,
  actor: Actor,
  collectionId: string,
  objectId: string,
  query: Record<string, unknown>,
): Promise<TaxiiBody> {
  const collection = await readableObjectCollection(ctx, actor, collectionId, objectId);
  const filter = { ...parseTaxiiFilter(query, { id: false, type: false, version: true }), ids: [objectId] };
  return envelope(await readPage(ctx, actor, collection, filter, true));
}

export async function getVersions(
  ctx: AppContext,
  actor: Actor,
  collectionId: string,
  objectId: string,
  query: Record<string, unknown>,
): Promise<TaxiiBody> {
  const collection = await readableObjectCollection(ctx, actor, collectionId, objectId);
  const filter = { ...parseTaxiiFilter(query, { id: false, type: false, version: false }), ids: [objectId] };
  const page = await readPage(ctx, actor, collection, filter, false);
  const versions = page.rows.length === 0 ? '' : `,"versions":${JSON.stringify(page.rows.map(shownVersion))}`;
  return { body: `${pagingPrefix(page)}${versions}}`, ...pageBounds(page.rows) };
}

function parseEnvelope(text: string): unknown[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest('malformed_json', 'The request body is not valid JSON.');
  }
  const objects =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as { objects?: unknown }).objects
      : undefined;
  if (!Array.isArray(objects)) {
    throw badRequest('invalid_envelope', 'Send a TAXII envelope: {"objects": [ …STIX objects… ]}.');
  }
  if (objects.length === 0) throw badRequest('empty_envelope', 'The envelope holds no objects.');
  return objects;
}

/**
 * Adds an envelope's objects to a collection and answers with the status resource. Objects are processed
 * before the answer, so the status is always complete; it stays readable at /status/{id}/ for a week.
 */
export async function addObjects(
  ctx: AppContext,
  actor: Actor,
  collectionId: string,
  bodyText: string,
): Promise<string> {
  const requestTimestamp = nowIso();
  const collection = await readableCollection(ctx, actor, collectionId);
  if (!can(actor, 'sharing.collection.write', collectionResource(collection))) {
    throw forbidden('You may read this collection but not add to it.');
  }
  const objects = parseEnvelope(bodyText);
  const ownerOrgId = writingOrgIdOf(actor, collection);
  const status = await inTransaction(ctx, async (trx) => {
    const result = await putObjects(trx, collection.id, objects, { ownerOrgId });
    const row = {
      id: randomUUID(),
      collection_id: collection.id,
      org_id: ownerOrgId,
      user_id: actor.type === 'user' ? actor.userId : null,
      status: 'complete',
      request_timestamp: requestTimestamp,
      total_count: objects.length,
      success_count: result.successes.length,
      failure_count: result.failures.length,
      pending_count: 0,
      successes: JSON.stringify(result.successes),
      failures: JSON.stringify(result.failures),
      created_at: nowIso(),
    };
    await insertStatus(trx, row);
    // Last in the transaction: the audit chain's lock is then held only until the commit.
    await recordAudit(trx, {
      actor,
      orgId: ownerOrgId,
      action: 'sharing.objects_added',
      subjectType: 'sharing_collection',
      subjectId: collection.id,
      summary: `Added ${result.addedCount} of ${objects.length} STIX objects to collection "${collection.title}" (${result.failures.length} refused); status ${row.id}`,
    });
    return row;
  });
  return JSON.stringify(presentStatus(status));
}

export async function getStatus(ctx: AppContext, actor: Actor, statusId: string): Promise<string> {
  const row = UUID.test(statusId) ? await findStatusRow(ctx.db, statusId) : undefined;
  // A status is the poster's: their organization's members and the poster themselves read it.
  const isReadable =
    row !== undefined &&
    can(actor, 'record.read', {
      type: 'record',
      visibility: 'participants',
      tlp: null,
      ownerOrgId: row.org_id,
      participantOrgIds: [],
      participantUserIds: row.user_id ? [row.user_id] : [],
    });
  if (!row || !isReadable) {
    throw actor.type === 'anonymous' ? unauthenticated() : notFound('Status');
  }
  return JSON.stringify(presentStatus(row));
}

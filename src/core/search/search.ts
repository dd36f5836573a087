import { type RawBuilder, sql } from 'kysely';
import type { ReadScope } from '../access/audience.ts';
import { isVisibility, type Visibility } from '../access/visibility.ts';
import type { Db, Dialect } from '../db/database.ts';
import { badRequest } from '../http/errors.ts';
import { decodeCursor, encodeCursor } from '../http/pagination.ts';
import type { IndexRow, SearchEngine } from './engine.ts';
import { postgresSearch } from './postgres.ts';
import { sqliteSearch } from './sqlite.ts';
import { buildSnippet, toIndexText, toQueryTerms } from './text.ts';

/**
 * Full-text search over what modules publish. A module indexes a record when it is published or
 * changed (in the same transaction as the change) and removes it when it is withdrawn. The index
 * knows a document's visibility and owner organization, not its TLP label: index only records whose
 * label does not narrow that audience (none, or TLP:CLEAR), and only organization-owned
 * 'participants' records, since participant organizations other than the owner are not recorded.
 */

export interface SearchDocumentInput {
  /** What kind of record: lower case, no colon, e.g. `contributions`. */
  source: string;
  sourceId: string;
  title: string;
  /** Plain text (no HTML or Markdown markup); shown in snippets. */
  body: string;
  /** BCP 47 tag of the text, when known. */
  language?: string | null;
  /** The record's path in the web app, e.g. `/participation/contributions/abc`. */
  url: string;
  visibility: Visibility;
  /** The owner organization: its members always find the document, and alone with 'participants'. */
  orgId?: string | null;
  /** ISO 8601 timestamp; newer documents come first among equally relevant ones. */
  publishedAt: string;
}

export interface SearchQuery {
  /** What the user typed. Every word must match; the last one may be the start of a word. */
  q: string;
  /** Only these sources; omitted for all. An empty list matches nothing. */
  sources?: string[];
  /** Only documents in this language or a variant of it (`zh` finds `zh-Hans`). */
  language?: string;
  /** 1 to 100; 20 when omitted. */
  limit?: number;
  cursor?: string;
}

export interface SearchHit {
  source: string;
  sourceId: string;
  title: string;
  /**
   * An excerpt of the body in plain text, each matched word between STX (U+0002) and ETX (U+0003),
   * exported as MATCH_START and MATCH_END. Never HTML: the UI escapes the text, then turns the marks
   * into highlighting.
   */
  snippet: string;
  url: string;
  language: string | null;
  publishedAt: string;
}

export interface SearchResults {
  items: SearchHit[];
  nextCursor: string | null;
  /** Counting every match would cost as much as ranking them all again; results carry no total. */
  total?: never;
}

export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 100;
/**
 * Hits past this many are not served. Cursors are offsets (see decodeOffset), and each page costs as
 * much as ranking every match, so a deep page costs no more, but nobody reads past the first pages of
 * a relevance-ordered list and a bound keeps crawlers from walking the whole index this way.
 */
export const MAX_SEARCH_RESULTS = 1000;

const SOURCE_NAME = /^[a-z][a-z0-9_.-]*$/;

const ENGINES: Record<Dialect, SearchEngine> = { sqlite: sqliteSearch, postgres: postgresSearch };

export function searchDocumentId(source: string, sourceId: string): string {
  return `${source}:${sourceId}`;
}

/** BCP 47 in canonical case (`zh-hans` → `zh-Hans`), or null when not a valid tag. */
function canonicalLanguage(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

// PostgreSQL text cannot hold NUL; the HTTP layer refuses it, but records may come from elsewhere.
const withoutNul = (text: string) => text.replaceAll('\0', '');

function toIndexRow(doc: SearchDocumentInput): IndexRow {
  if (!SOURCE_NAME.test(doc.source)) throw new Error(`invalid search source name: ${doc.source}`);
  if (!isVisibility(doc.visibility)) throw new Error(`invalid visibility: ${String(doc.visibility)}`);
  const publishedAt = new Date(doc.publishedAt);
  if (Number.isNaN(publishedAt.getTime())) throw new Error(`invalid publishedAt: ${doc.publishedAt}`);
  let language: string | null = null;
  if (doc.language) {
    language = canonicalLanguage(doc.language);
    if (!language) throw new Error(`invalid language tag: ${doc.language}`);
  }
  const title = withoutNul(doc.title);
  const body = withoutNul(doc.body);
  return {
    id: searchDocumentId(doc.source, doc.sourceId),
    source: doc.source,
    source_id: doc.sourceId,
    title,
    body,
    language,
    url: doc.url,
    visibility: doc.visibility,
    org_id: doc.orgId ?? null,
    // One format, so that ordering by the text column orders by time.
    published_at: publishedAt.toISOString(),
    indexTitle: toIndexText(title),
    indexBody: toIndexText(body),
  };
}

/** Runs in the caller's transaction when given one, otherwise in its own. */
function inTransactionOf(db: Db, work: (db: Db) => Promise<void>): Promise<void> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

/** Adds a document to the index or replaces it. */
export async function indexDocument(db: Db, dialect: Dialect, doc: SearchDocumentInput): Promise<void> {
  const row = toIndexRow(doc);
  await inTransactionOf(db, (trx) => ENGINES[dialect].upsert(trx, [row]));
}

/** Adds or replaces many documents with multi-row statements; the last of repeated ids wins. */
export async function indexDocuments(db: Db, dialect: Dialect, docs: SearchDocumentInput[]): Promise<void> {
  const rows = new Map<string, IndexRow>();
  for (const doc of docs) {
    const row = toIndexRow(doc);
    rows.set(row.id, row);
  }
  if (rows.size === 0) return;
  await inTransactionOf(db, (trx) => ENGINES[dialect].upsert(trx, [...rows.values()]));
}

/** Removes a document; nothing happens when it is not indexed. */
export async function removeDocument(
  db: Db,
  _dialect: Dialect,
  source: string,
  sourceId: string,
): Promise<void> {
  // Portable: on SQLite a trigger removes the words from the FTS5 table, on PostgreSQL they are in the row.
  await db.deleteFrom('search_documents').where('id', '=', searchDocumentId(source, sourceId)).execute();
}

/** Who may see a document, from the reader's scope, on `search_documents AS d`. */
function visibilityCondition(scope: ReadScope): RawBuilder<unknown> {
  if (scope.isSystem) return sql`1 = 1`;
  const visibilities: Visibility[] = ['public'];
  if (scope.isSignedIn) visibilities.push('registered');
  if (scope.isCommunity) visibilities.push('community');
  const byAudience = sql`d.visibility IN (${sql.join(visibilities)})`;
  if (scope.orgIds.length === 0) return byAudience;
  // The owner organization's members see its documents at every visibility (audience.ts: the involved
  // belong to every wider audience).
  return sql`(${byAudience} OR d.org_id IN (${sql.join(scope.orgIds)}))`;
}

/**
 * Cursors are offsets into the ranked list. A keyset cursor (rank, published_at, id) would not be more
 * stable: bm25 and ts_rank_cd scores change whenever any document is indexed, and either way every
 * page ranks all matches. So a document indexed between two requests may shift a hit across a page
 * boundary, as it would with any relevance-ordered list.
 */
function decodeOffset(cursor: string | undefined): number {
  const value = decodeCursor(cursor);
  if (value === undefined) return 0;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw badRequest('invalid_cursor', 'The cursor is not valid; start again without it.');
  }
  return value;
}

function limitOf(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_SEARCH_LIMIT;
  return Math.min(MAX_SEARCH_LIMIT, Math.max(1, Math.trunc(limit)));
}

const NO_RESULTS: SearchResults = { items: [], nextCursor: null };

/**
 * The documents the reader may see that contain every term of the query, most relevant first (bm25 on
 * SQLite, ts_rank_cd on PostgreSQL), then newest first. Any input is safe: the engine query is built
 * from normalized terms, never from the user's syntax, and a query with no words finds nothing. Throws
 * only on a cursor that is not one of ours (a 400 problem).
 */
export async function searchDocuments(
  db: Db,
  dialect: Dialect,
  scope: ReadScope,
  query: SearchQuery,
): Promise<SearchResults> {
  const offset = decodeOffset(query.cursor);
  const limit = Math.min(limitOf(query.limit), MAX_SEARCH_RESULTS - offset);
  const terms = toQueryTerms(query.q);
  if (terms.length === 0 || query.sources?.length === 0 || limit <= 0) return NO_RESULTS;
  const conditions = [visibilityCondition(scope)];
  if (query.sources) conditions.push(sql`d.source IN (${sql.join(query.sources)})`);
  if (query.language) {
    const language = canonicalLanguage(query.language);
    if (!language) return NO_RESULTS;
    conditions.push(sql`(d.language = ${language} OR d.language LIKE ${`${language}-%`})`);
  }
  const rows = await ENGINES[dialect].findPage(db, {
    terms,
    filter: sql.join(conditions, sql` AND `),
    // One more than the page tells whether another page follows.
    limit: limit + 1,
    offset,
  });
  const pageRows = rows.slice(0, limit);
  const hasMore = rows.length > limit && offset + limit < MAX_SEARCH_RESULTS;
  return {
    items: pageRows.map((row) => ({
      source: row.source,
      sourceId: row.source_id,
      title: row.title,
      snippet: buildSnippet(row.body, terms),
      url: row.url,
      language: row.language,
      publishedAt: row.published_at,
    })),
    nextCursor: hasMore ? encodeCursor(offset + limit) : null,
  };
}

import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { chunksOf, type IndexRow, type PageRequest, type PageRow, type SearchEngine } from './engine.ts';

/*
 * SQLite keeps the words in the contentless FTS5 table `search_index` (migration 0004): it stores the
 * index only, since search_documents holds the display text. Its rows are tied to search_documents by
 * `index_rowid`, an explicit column because a plain table's rowid may change on VACUUM. A trigger
 * removes the index row when a document is deleted; inserts are written here, because the indexed
 * words are prepared in JavaScript.
 */

// 11 parameters a row: 5,500 a statement, under SQLite's limit of 32,766.
const CHUNK_SIZE = 500;
// bm25 column weights (title, body): the same 2.5 ratio as PostgreSQL's default weights for A and B.
const TITLE_WEIGHT = 2.5;
const BODY_WEIGHT = 1.0;

/** An FTS5 query: each term quoted (so nothing in it is syntax), all required, the last a prefix. */
export function toMatchExpression(terms: string[]): string {
  const quoted = terms.map((term) => `"${term.replaceAll('"', '""')}"`);
  quoted[quoted.length - 1] += '*';
  return quoted.join(' ');
}

async function upsertChunk(db: Db, rows: IndexRow[]): Promise<void> {
  // New documents take numbers after the highest in use; updated ones keep theirs (the conflict
  // clause leaves index_rowid alone), so a few numbers go unused, which does no harm.
  const { top } = await db
    .selectFrom('search_documents')
    .select((eb) => eb.fn.coalesce(eb.fn.max('index_rowid'), eb.lit(0)).as('top'))
    .executeTakeFirstOrThrow();
  const stored = await db
    .insertInto('search_documents')
    .values(
      rows.map((row, i) => ({
        id: row.id,
        index_rowid: Number(top) + i + 1,
        source: row.source,
        source_id: row.source_id,
        visibility: row.visibility,
        org_id: row.org_id,
        language: row.language,
        published_at: row.published_at,
        url: row.url,
        title: row.title,
        body: row.body,
      })),
    )
    .onConflict((oc) =>
      oc.column('id').doUpdateSet((eb) => ({
        source: eb.ref('excluded.source'),
        source_id: eb.ref('excluded.source_id'),
        visibility: eb.ref('excluded.visibility'),
        org_id: eb.ref('excluded.org_id'),
        language: eb.ref('excluded.language'),
        published_at: eb.ref('excluded.published_at'),
        url: eb.ref('excluded.url'),
        title: eb.ref('excluded.title'),
        body: eb.ref('excluded.body'),
      })),
    )
    .returning(['id', 'index_rowid'])
    .execute();
  const rowidById = new Map(stored.map((s) => [s.id, Number(s.index_rowid)]));
  const values = rows.map((row) => sql`(${rowidById.get(row.id)!}, ${row.indexTitle}, ${row.indexBody})`);
  // A contentless table with contentless_delete=1 replaces the words of an existing rowid.
  await sql`INSERT OR REPLACE INTO search_index (rowid, title, body) VALUES ${sql.join(values)}`.execute(db);
}

async function findPage(db: Db, request: PageRequest): Promise<PageRow[]> {
  const match = toMatchExpression(request.terms);
  // The inner query ranks every match but carries only keys; the display text of the page's rows is
  // read afterwards. CROSS JOIN keeps SQLite from driving the join from search_documents, which would
  // run the full-text query once per document; INDEXED BY names the covering index (migration 0004)
  // because the planner, after ANALYZE, may prefer the narrower unique one and then read every row.
  const { rows } = await sql<PageRow>`
    WITH page AS (
      SELECT d.id AS id, m.rank AS rank, d.published_at AS published_at
      FROM (
        SELECT rowid AS index_rowid, bm25(search_index, ${sql.lit(TITLE_WEIGHT)}, ${sql.lit(BODY_WEIGHT)}) AS rank
        FROM search_index
        WHERE search_index MATCH ${match}
      ) AS m
      CROSS JOIN search_documents AS d INDEXED BY search_documents_index_filters ON d.index_rowid = m.index_rowid
      WHERE ${request.filter}
      ORDER BY m.rank, d.published_at DESC, d.id
      LIMIT ${request.limit} OFFSET ${request.offset}
    )
    SELECT d.id, d.source, d.source_id, d.title, d.body, d.url, d.language, d.published_at
    FROM page JOIN search_documents AS d ON d.id = page.id
    ORDER BY page.rank, page.published_at DESC, page.id`.execute(db);
  return rows;
}

export const sqliteSearch: SearchEngine = {
  async upsert(db, rows) {
    for (const chunk of chunksOf(rows, CHUNK_SIZE)) await upsertChunk(db, chunk);
  },
  findPage,
};

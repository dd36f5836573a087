import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import { chunksOf, type IndexRow, type PageRequest, type PageRow, type SearchEngine } from './engine.ts';

/*
 * PostgreSQL keeps the words in search_documents.search_vector (migration 0004), a tsvector under the
 * 'simple' configuration (lower case, no stop words, no stemming: content comes in many languages),
 * title weighted A and body B, with a GIN index.
 */

// 12 parameters a row: 12,000 a statement, under PostgreSQL's limit of 65,535.
const CHUNK_SIZE = 1000;
// ts_rank_cd normalization 1 divides by 1 + log(length), so long documents do not win by length alone.
const RANK_NORMALIZATION = 1;

/**
 * A to_tsquery expression: each term quoted as one lexeme, all required (&), the last a prefix (:*).
 * Terms hold only letters, digits and marks (text.ts), so quoting is belt and braces. to_tsquery runs
 * the terms through the same parser and 'simple' dictionary as the documents.
 */
export function toTsQuery(terms: string[]): string {
  const quoted = terms.map((term) => `'${term.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`);
  quoted[quoted.length - 1] += ':*';
  return quoted.join(' & ');
}

const vectorOf = (row: IndexRow) =>
  sql<string>`setweight(to_tsvector('simple', ${row.indexTitle}), 'A') || setweight(to_tsvector('simple', ${row.indexBody}), 'B')`;

async function upsertChunk(db: Db, rows: IndexRow[]): Promise<void> {
  await db
    .insertInto('search_documents')
    .values(
      rows.map((row) => ({
        id: row.id,
        source: row.source,
        source_id: row.source_id,
        visibility: row.visibility,
        org_id: row.org_id,
        language: row.language,
        published_at: row.published_at,
        url: row.url,
        title: row.title,
        body: row.body,
        search_vector: vectorOf(row),
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
        search_vector: eb.ref('excluded.search_vector'),
      })),
    )
    .execute();
}

async function findPage(db: Db, request: PageRequest): Promise<PageRow[]> {
  // The inner query ranks every match but carries only keys; display text is read for the page's rows.
  const { rows } = await sql<PageRow>`
    WITH page AS (
      SELECT d.id AS id, ts_rank_cd(d.search_vector, query.q, ${sql.lit(RANK_NORMALIZATION)}) AS rank, d.published_at AS published_at
      FROM search_documents AS d, (SELECT to_tsquery('simple', ${toTsQuery(request.terms)}) AS q) AS query
      WHERE d.search_vector @@ query.q AND ${request.filter}
      ORDER BY rank DESC, d.published_at DESC, d.id
      LIMIT ${request.limit} OFFSET ${request.offset}
    )
    SELECT d.id, d.source, d.source_id, d.title, d.body, d.url, d.language, d.published_at
    FROM page JOIN search_documents AS d ON d.id = page.id
    ORDER BY page.rank DESC, page.published_at DESC, page.id`.execute(db);
  return rows;
}

export const postgresSearch: SearchEngine = {
  async upsert(db, rows) {
    for (const chunk of chunksOf(rows, CHUNK_SIZE)) await upsertChunk(db, chunk);
  },
  findPage,
};

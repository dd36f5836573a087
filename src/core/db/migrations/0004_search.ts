import { type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The full-text search index (src/core/search). search_documents holds what a hit shows and who may
 * see it, in portable columns; the words live where each engine indexes them best:
 *  - SQLite: the contentless FTS5 table search_index, tied by search_documents.index_rowid, emptied
 *    by a trigger when a document is deleted;
 *  - PostgreSQL: the tsvector column search_vector with a GIN index.
 * Both receive words already normalized and segmented in JavaScript (src/core/search/text.ts);
 * `unicode61 remove_diacritics 2` is what SQLite would otherwise do and changes nothing for them.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('search_documents')
    .addColumn('id', 'text', (c) => c.primaryKey().notNull())
    .$call((table) =>
      isPostgres
        ? table.addColumn('search_vector', sql`tsvector`, (c) => c.notNull())
        : table.addColumn('index_rowid', 'integer', (c) => c.notNull()),
    )
    // The columns searches filter on come before the display text, so SQLite reads them without
    // stepping over the body.
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text')
    .addColumn('language', 'text')
    .addColumn('published_at', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('search_documents_source_published')
    .on('search_documents')
    .columns(['source', 'published_at'])
    .execute();
  if (isPostgres) {
    await sql`CREATE INDEX search_documents_vector ON search_documents USING gin (search_vector)`.execute(db);
    return;
  }
  await db.schema
    .createIndex('search_documents_index_rowid')
    .on('search_documents')
    .column('index_rowid')
    .unique()
    .execute();
  // A search reads these columns for every match (to filter, then to break ties in rank): from this
  // index it takes one lookup a match instead of two, which halves the time of queries matching many.
  await db.schema
    .createIndex('search_documents_index_filters')
    .on('search_documents')
    .columns(['index_rowid', 'visibility', 'org_id', 'source', 'language', 'published_at', 'id'])
    .execute();
  // prefix='2 3': the last query term is a prefix, and short prefixes would otherwise scan many terms.
  await sql`CREATE VIRTUAL TABLE search_index USING fts5(
    title, body,
    content='', contentless_delete=1,
    tokenize='unicode61 remove_diacritics 2',
    prefix='2 3'
  )`.execute(db);
  await sql`CREATE TRIGGER search_documents_deleted AFTER DELETE ON search_documents
    BEGIN DELETE FROM search_index WHERE rowid = old.index_rowid; END`.execute(db);
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (!isPostgres) {
    await sql`DROP TRIGGER IF EXISTS search_documents_deleted`.execute(db);
    await sql`DROP TABLE IF EXISTS search_index`.execute(db);
  }
  await db.schema.dropTable('search_documents').ifExists().execute();
}

import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Written contributions: statements, position papers and written inputs, uploaded as PDF or Markdown,
// moderated, then published with attribution.

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('submitted_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('meeting_label', 'text')
    .addColumn('agenda_item', 'text')
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('file_size', 'integer')
    .addColumn('file_sha256', 'text')
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('moderation_note', 'text')
    .addColumn('moderated_by', 'text')
    .addColumn('published_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('statements_process')
    .on('statements')
    .columns(['process_id', 'status', 'id'])
    .execute();
  await db.schema
    .createIndex('statements_org')
    .on('statements')
    .columns(['org_id', 'status', 'id'])
    .execute();
  await db.schema.createIndex('statements_queue').on('statements').columns(['status', 'id']).execute();

  // The original file, apart from the row so listings never read it.
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('statement_files')
    .addColumn('statement_id', 'text', (c) => c.primaryKey().references('statements.id').onDelete('cascade'))
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('data', sql.raw(binary), (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('statement_files').execute();
  await db.schema.dropTable('statements').execute();
}

import type { Kysely } from 'kysely';

// What changed in the participation module, for Atom feeds and e-mail digests, and who follows what.

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('participation_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('process_id', 'text')
    .addColumn('group_id', 'text')
    .addColumn('draft_id', 'text')
    .addColumn('measure_id', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  for (const column of ['process_id', 'group_id', 'draft_id', 'measure_id']) {
    await db.schema
      .createIndex(`participation_events_${column}`)
      .on('participation_events')
      .columns([column, 'id'])
      .execute();
  }

  await db.schema
    .createTable('follows')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('follows_pk', ['user_id', 'subject_type', 'subject_id'])
    .execute();

  await db.schema
    .createTable('follow_digests')
    .addColumn('user_id', 'text', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('last_event_id', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['follow_digests', 'follows', 'participation_events'])
    await db.schema.dropTable(table).execute();
}

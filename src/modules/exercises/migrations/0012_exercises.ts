import type { Kysely } from 'kysely';

// Communication checks: a ping to every POC in a filter, with one-click acknowledgements.

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('communication_checks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('filter', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('target_count', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('communication_check_targets')
    .addColumn('check_id', 'text', (c) => c.notNull().references('communication_checks.id'))
    .addColumn('poc_id', 'text', (c) => c.notNull().references('poc_entries.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('country_code', 'text')
    .addColumn('region_code', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addPrimaryKeyConstraint('communication_check_targets_pk', ['check_id', 'poc_id'])
    .execute();
  await db.schema
    .createIndex('communication_check_targets_poc')
    .on('communication_check_targets')
    .columns(['poc_id', 'check_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('communication_check_targets').execute();
  await db.schema.dropTable('communication_checks').execute();
}

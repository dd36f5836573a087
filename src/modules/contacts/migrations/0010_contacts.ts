import type { Kysely } from 'kysely';

// Points of contact: an organization's diplomatic, policy and technical POCs, with their channels,
// languages, hours, OpenPGP key, services and freshness (confirmed_at, valid_until).

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('poc_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('hotline', 'text')
    .addColumn('messenger', 'text')
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('working_hours', 'text')
    .addColumn('openpgp_key', 'text')
    .addColumn('openpgp_fingerprint', 'text')
    .addColumn('openpgp_expires_at', 'text')
    .addColumn('services', 'text', (c) => c.notNull())
    .addColumn('nominated_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('confirmed_at', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('reminder_sent_at', 'text')
    .addColumn('expiry_escalated_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema.createIndex('poc_entries_org').on('poc_entries').columns(['org_id', 'role']).execute();
  await db.schema.createIndex('poc_entries_user').on('poc_entries').column('user_id').execute();
  // The freshness job walks entries by the end of their validity.
  await db.schema.createIndex('poc_entries_valid_until').on('poc_entries').column('valid_until').execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('poc_entries').execute();
}

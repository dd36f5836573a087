import type { Kysely } from 'kysely';

// Advisories: one per case, edited in reviewed revisions, published as CSAF 2.0 security advisory and VEX.

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('disclosure_advisories')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().unique().references('disclosure_cases.id'))
    .addColumn('tracking_id', 'text', (c) => c.notNull().unique())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('tlp', 'text', (c) => c.notNull())
    .addColumn('publish_on_embargo_exit', 'integer', (c) => c.notNull())
    .addColumn('published_versions', 'text', (c) => c.notNull())
    .addColumn('initial_release_date', 'text')
    .addColumn('current_release_date', 'text')
    .addColumn('csaf_json', 'text')
    .addColumn('vex_json', 'text')
    .addColumn('csaf_sha256', 'text')
    .addColumn('csaf_signature', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema
    .createIndex('disclosure_advisories_published')
    .on('disclosure_advisories')
    .columns(['status', 'tlp', 'published_at'])
    .execute();

  await db.schema
    .createTable('disclosure_advisory_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('advisory_id', 'text', (c) => c.notNull().references('disclosure_advisories.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('remediation', 'text', (c) => c.notNull())
    .addColumn('references', 'text', (c) => c.notNull())
    .addColumn('change_note', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('review_status', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
    .addColumn('review_note', 'text')
    .addColumn('reviewed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('disclosure_advisory_revisions_number', ['advisory_id', 'number'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('disclosure_advisory_revisions').execute();
  await db.schema.dropTable('disclosure_advisories').execute();
}

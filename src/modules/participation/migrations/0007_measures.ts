import type { Kysely } from 'kysely';

// The CBM repository: measures (seeded from the OSCE, OAS and UN lists, and accepted proposals),
// their links to the UN norms, States' implementation reports, and proposals under moderation.

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('measures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('number', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('citation', 'text', (c) => c.notNull())
    .addColumn('adopted', 'text')
    .addColumn('proposed_by_org', 'text', (c) => c.references('organizations.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('measures_source')
    .on('measures')
    .columns(['source', 'number', 'key'])
    .execute();

  await db.schema
    .createTable('measure_norms')
    .addColumn('measure_id', 'text', (c) => c.notNull().references('measures.id').onDelete('cascade'))
    .addColumn('norm_code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('measure_norms_pk', ['measure_id', 'norm_code'])
    .execute();
  await db.schema
    .createIndex('measure_norms_norm')
    .on('measure_norms')
    .columns(['norm_code', 'measure_id'])
    .execute();

  await db.schema
    .createTable('measure_implementations')
    .addColumn('measure_id', 'text', (c) => c.notNull().references('measures.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('measure_implementations_pk', ['measure_id', 'org_id'])
    .execute();

  await db.schema
    .createTable('measure_proposals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('measure_id', 'text', (c) => c.references('measures.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('submitted_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('url', 'text')
    .addColumn('norms', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('moderation_note', 'text')
    .addColumn('moderated_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('measure_proposals_status')
    .on('measure_proposals')
    .columns(['status', 'kind', 'id'])
    .execute();
  await db.schema
    .createIndex('measure_proposals_measure')
    .on('measure_proposals')
    .columns(['measure_id', 'status'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['measure_proposals', 'measure_implementations', 'measure_norms', 'measures']) {
    await db.schema.dropTable(table).execute();
  }
}

import type { Kysely } from 'kysely';

// Processes, accreditation, thematic groups, drafts with revisions, consultations and contributions.

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('processes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('modalities', 'text', (c) => c.notNull())
    .addColumn('objection_period_days', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('accreditation_applications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('ecosoc_number', 'text')
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('circulation_ends_at', 'text')
    .addColumn('decision_note', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('accreditation_applications_process')
    .on('accreditation_applications')
    .columns(['process_id', 'status', 'org_id'])
    .execute();
  await db.schema
    .createIndex('accreditation_applications_org')
    .on('accreditation_applications')
    .columns(['org_id', 'process_id'])
    .execute();
  // The deadline job looks for circulating applications whose period has ended.
  await db.schema
    .createIndex('accreditation_applications_due')
    .on('accreditation_applications')
    .columns(['status', 'circulation_ends_at'])
    .execute();

  await db.schema
    .createTable('accreditation_objections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('application_id', 'text', (c) =>
      c.notNull().references('accreditation_applications.id').onDelete('cascade'),
    )
    .addColumn('state_org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('objected_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('accreditation_objections_once', ['application_id', 'state_org_id'])
    .execute();

  await db.schema
    .createTable('working_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mandate', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('working_groups_process')
    .on('working_groups')
    .columns(['process_id', 'name'])
    .execute();

  await db.schema
    .createTable('group_chairs')
    .addColumn('group_id', 'text', (c) => c.notNull().references('working_groups.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_chairs_pk', ['group_id', 'user_id'])
    .execute();
  await db.schema.createIndex('group_chairs_user').on('group_chairs').column('user_id').execute();

  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('working_groups.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'org_id'])
    .execute();
  await db.schema.createIndex('group_members_org').on('group_members').column('org_id').execute();

  await db.schema
    .createTable('drafts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('group_id', 'text', (c) => c.references('working_groups.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('current_revision', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('drafts_process').on('drafts').columns(['process_id', 'updated_at']).execute();

  await db.schema
    .createTable('draft_revisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draft_id', 'text', (c) => c.notNull().references('drafts.id').onDelete('cascade'))
    .addColumn('number', 'integer')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('draft_revisions_number', ['draft_id', 'number'])
    .execute();

  await db.schema
    .createTable('draft_blocks')
    .addColumn('revision_id', 'text', (c) => c.notNull().references('draft_revisions.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('block_key', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('number', 'integer')
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('draft_blocks_pk', ['revision_id', 'position'])
    .execute();

  await db.schema
    .createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('draft_id', 'text', (c) => c.notNull().references('drafts.id'))
    .addColumn('revision_number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('consultations_draft')
    .on('consultations')
    .columns(['draft_id', 'opens_at'])
    .execute();

  await db.schema
    .createTable('contributions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultations.id'))
    .addColumn('draft_id', 'text', (c) => c.notNull().references('drafts.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('block_key', 'text')
    .addColumn('revision_number', 'integer', (c) => c.notNull())
    .addColumn('paragraph_number', 'integer')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('proposed_text', 'text')
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('author_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disposition', 'text')
    .addColumn('disposition_reason', 'text')
    .addColumn('disposed_at', 'text')
    .addColumn('disposed_by', 'text')
    .execute();
  // The draft page counts comments per paragraph; the paragraph view lists them in order.
  await db.schema
    .createIndex('contributions_paragraph')
    .on('contributions')
    .columns(['draft_id', 'block_key', 'created_at'])
    .execute();
  await db.schema
    .createIndex('contributions_consultation')
    .on('contributions')
    .columns(['consultation_id', 'created_at', 'id'])
    .execute();
  await db.schema
    .createIndex('contributions_org')
    .on('contributions')
    .columns(['org_id', 'created_at'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'contributions',
    'consultations',
    'draft_blocks',
    'draft_revisions',
    'drafts',
    'group_members',
    'group_chairs',
    'working_groups',
    'accreditation_objections',
    'accreditation_applications',
    'processes',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

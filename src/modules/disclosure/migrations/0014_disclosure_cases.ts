import { type Kysely, sql } from 'kysely';

// Coordinated disclosure cases: participants with roles and invitation links, per-product statuses,
// statements awaiting approval, the all-participants and private threads, and embargoes with their history.

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('disclosure_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().unique().references('vulnerability_reports.id'))
    .addColumn('program_id', 'text', (c) => c.notNull().references('disclosure_programs.id'))
    .addColumn('coordinator_org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('cve_id', 'text')
    .addColumn('target_days', 'integer')
    .addColumn('target_date', 'text', (c) => c.notNull())
    .addColumn('exploited_at', 'text')
    .addColumn('public_at', 'text')
    .addColumn('published_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createIndex('disclosure_cases_coordinator')
    .on('disclosure_cases')
    .columns(['coordinator_org_id', 'id'])
    .execute();

  await db.schema
    .createTable('disclosure_case_participants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('disclosure_cases.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'text')
    .addColumn('responded_at', 'text')
    .addColumn('reminder_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_reminder_at', 'text')
    .addColumn('removed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disclosure_case_participants_case')
    .on('disclosure_case_participants')
    .columns(['case_id', 'role', 'id'])
    .execute();
  await db.schema
    .createIndex('disclosure_case_participants_org')
    .on('disclosure_case_participants')
    .columns(['org_id', 'case_id'])
    .execute();
  await db.schema
    .createIndex('disclosure_case_participants_reminder')
    .on('disclosure_case_participants')
    .columns(['next_reminder_at'])
    .execute();

  await db.schema
    .createTable('disclosure_case_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('participant_id', 'text', (c) => c.notNull().references('disclosure_case_participants.id'))
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('disclosure_case_products')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('disclosure_cases.id'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('disclosure_case_participants.id'))
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('justification', 'text')
    .addColumn('impact_statement', 'text')
    .addColumn('remediation', 'text')
    .addColumn('updated_by_participant_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disclosure_case_products_case')
    .on('disclosure_case_products')
    .columns(['case_id', 'participant_id'])
    .execute();

  await db.schema
    .createTable('disclosure_case_statements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('disclosure_cases.id'))
    .addColumn('participant_id', 'text', (c) => c.notNull().references('disclosure_case_participants.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_note', 'text')
    .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'text', (c) => c.notNull())
    .addColumn('reviewed_at', 'text')
    .execute();
  await db.schema
    .createIndex('disclosure_case_statements_case')
    .on('disclosure_case_statements')
    .columns(['case_id', 'participant_id'])
    .execute();

  await db.schema
    .createTable('disclosure_case_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('disclosure_cases.id'))
    .addColumn('channel_participant_id', 'text', (c) => c.references('disclosure_case_participants.id'))
    .addColumn('author_participant_id', 'text', (c) =>
      c.notNull().references('disclosure_case_participants.id'),
    )
    .addColumn('author_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disclosure_case_messages_case')
    .on('disclosure_case_messages')
    .columns(['case_id', 'channel_participant_id', 'id'])
    .execute();

  await db.schema
    .createTable('disclosure_embargoes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('disclosure_cases.id'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('proposed_ends_at', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('exit_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('activated_at', 'text')
    .addColumn('exited_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // At most one embargo that has not exited, per case; SQLite and PostgreSQL both index partially.
  await db.schema
    .createIndex('disclosure_embargoes_open')
    .on('disclosure_embargoes')
    .column('case_id')
    .unique()
    .where(sql.ref('state'), '<>', 'exited')
    .execute();
  await db.schema
    .createIndex('disclosure_embargoes_due')
    .on('disclosure_embargoes')
    .columns(['state', 'ends_at'])
    .execute();

  await db.schema
    .createTable('disclosure_embargo_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('embargo_id', 'text', (c) => c.notNull().references('disclosure_embargoes.id'))
    .addColumn('case_id', 'text', (c) => c.notNull().references('disclosure_cases.id'))
    .addColumn('from_state', 'text', (c) => c.notNull())
    .addColumn('to_state', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disclosure_embargo_events_case')
    .on('disclosure_embargo_events')
    .columns(['case_id', 'id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'disclosure_embargo_events',
    'disclosure_embargoes',
    'disclosure_case_messages',
    'disclosure_case_statements',
    'disclosure_case_products',
    'disclosure_case_links',
    'disclosure_case_participants',
    'disclosure_cases',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

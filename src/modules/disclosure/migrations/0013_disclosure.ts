import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Vulnerability disclosure, first part: programs, reports with their reporter's secret link, the thread
// between reporter and coordinators, attachments, SSVC decisions and the intake limit per client address.

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('disclosure_programs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('scope_in', 'text', (c) => c.notNull())
    .addColumn('scope_out', 'text', (c) => c.notNull())
    .addColumn('safe_harbor', 'text', (c) => c.notNull())
    .addColumn('disclosure_policy', 'text', (c) => c.notNull())
    .addColumn('disclosure_days', 'integer', (c) => c.notNull())
    .addColumn('acknowledge_days', 'integer', (c) => c.notNull())
    .addColumn('triage_days', 'integer', (c) => c.notNull())
    .addColumn('resolve_days', 'integer', (c) => c.notNull())
    .addColumn('languages', 'text', (c) => c.notNull())
    .addColumn('accepts_anonymous', 'integer', (c) => c.notNull())
    .addColumn('offers_credit', 'integer', (c) => c.notNull())
    .addColumn('openpgp_key', 'text')
    .addColumn('openpgp_fingerprint', 'text')
    .addColumn('openpgp_expires_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .execute();
  await db.schema
    .createIndex('disclosure_programs_org')
    .on('disclosure_programs')
    .columns(['org_id'])
    .execute();
  await db.schema
    .createIndex('disclosure_programs_status')
    .on('disclosure_programs')
    .columns(['status', 'id'])
    .execute();

  await db.schema
    .createTable('vulnerability_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('program_id', 'text', (c) => c.notNull().references('disclosure_programs.id'))
    .addColumn('language', 'text')
    .addColumn('reporter_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('reporter_secret_hash', 'text', (c) => c.notNull())
    .addColumn('reporter_email', 'text')
    .addColumn('credit', 'text', (c) => c.notNull())
    .addColumn('credit_name', 'text')
    .addColumn('is_encrypted', 'integer', (c) => c.notNull())
    .addColumn('content', 'text')
    .addColumn('ciphertext', 'text')
    .addColumn('title', 'text')
    .addColumn('product', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('priority', 'text')
    .addColumn('assignee_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('close_reason', 'text')
    .addColumn('duplicate_of', 'text')
    .addColumn('exploitation', 'text', (c) => c.notNull())
    .addColumn('publicity', 'text', (c) => c.notNull())
    .addColumn('cvss_v3_vector', 'text')
    .addColumn('cvss_v3_score', 'real')
    .addColumn('cvss_v4_vector', 'text')
    .addColumn('cvss_v4_score', 'real')
    .addColumn('cwe_ids', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('vulnerability_reports_queue')
    .on('vulnerability_reports')
    .columns(['program_id', 'status', 'id'])
    .execute();
  await db.schema
    .createIndex('vulnerability_reports_reporter')
    .on('vulnerability_reports')
    .columns(['reporter_user_id', 'id'])
    .execute();

  await db.schema
    .createTable('vulnerability_report_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('vulnerability_reports.id'))
    .addColumn('author_role', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('is_encrypted', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('vulnerability_report_messages_report')
    .on('vulnerability_report_messages')
    .columns(['report_id', 'id'])
    .execute();

  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('vulnerability_report_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('vulnerability_reports.id'))
    .addColumn('message_id', 'text', (c) => c.references('vulnerability_report_messages.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', sql.raw(binary), (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('vulnerability_report_attachments_report')
    .on('vulnerability_report_attachments')
    .columns(['report_id'])
    .execute();

  await db.schema
    .createTable('disclosure_ssvc_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('report_id', 'text', (c) => c.notNull().references('vulnerability_reports.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('table_key', 'text', (c) => c.notNull())
    .addColumn('table_version', 'text', (c) => c.notNull())
    .addColumn('inputs', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('rationale', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disclosure_ssvc_decisions_report')
    .on('disclosure_ssvc_decisions')
    .columns(['report_id', 'kind', 'id'])
    .execute();

  await db.schema
    .createTable('disclosure_intake_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('disclosure_intake_counters').execute();
  await db.schema.dropTable('disclosure_ssvc_decisions').execute();
  await db.schema.dropTable('vulnerability_report_attachments').execute();
  await db.schema.dropTable('vulnerability_report_messages').execute();
  await db.schema.dropTable('vulnerability_reports').execute();
  await db.schema.dropTable('disclosure_programs').execute();
}

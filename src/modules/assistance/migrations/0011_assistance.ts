import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Requests for assistance: the structured template, each recipient organization's lifecycle, the POCs
// named on the request, the thread of messages and hashed attachments.

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('assistance_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('sender_org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('sender_poc_id', 'text', (c) => c.notNull().references('poc_entries.id'))
    .addColumn('sender_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('tlp', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('detected_at', 'text')
    .addColumn('incident_status', 'text', (c) => c.notNull())
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('impact_level', 'text', (c) => c.notNull())
    .addColumn('is_cross_border', 'integer', (c) => c.notNull())
    .addColumn('assistance_requested', 'text', (c) => c.notNull())
    .addColumn('assistance_details', 'text', (c) => c.notNull())
    .addColumn('actions_taken', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('response_language', 'text', (c) => c.notNull())
    .addColumn('acknowledge_by', 'text', (c) => c.notNull())
    .addColumn('respond_by', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closure_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assistance_requests_sender')
    .on('assistance_requests')
    .columns(['sender_org_id', 'id'])
    .execute();

  await db.schema
    .createTable('assistance_recipients')
    .addColumn('request_id', 'text', (c) => c.notNull().references('assistance_requests.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'text')
    .addColumn('decision', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('responded_at', 'text')
    .addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_escalation_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assistance_recipients_pk', ['request_id', 'org_id'])
    .execute();
  await db.schema
    .createIndex('assistance_recipients_inbox')
    .on('assistance_recipients')
    .columns(['org_id', 'request_id'])
    .execute();
  // The escalation job looks only at rows with a pending deadline.
  await db.schema
    .createIndex('assistance_recipients_escalation')
    .on('assistance_recipients')
    .column('next_escalation_at')
    .execute();

  await db.schema
    .createTable('assistance_recipient_pocs')
    .addColumn('request_id', 'text', (c) => c.notNull().references('assistance_requests.id'))
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('poc_id', 'text', (c) => c.notNull().references('poc_entries.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('added_at_level', 'integer', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('assistance_recipient_pocs_pk', ['request_id', 'poc_id'])
    .execute();
  await db.schema
    .createIndex('assistance_recipient_pocs_user')
    .on('assistance_recipient_pocs')
    .columns(['user_id', 'request_id'])
    .execute();

  await db.schema
    .createTable('assistance_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('assistance_requests.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('to_org_id', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assistance_messages_request')
    .on('assistance_messages')
    .columns(['request_id', 'id'])
    .execute();

  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
  await db.schema
    .createTable('assistance_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('assistance_requests.id'))
    .addColumn('message_id', 'text', (c) => c.references('assistance_messages.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', sql.raw(binary), (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('assistance_attachments_request')
    .on('assistance_attachments')
    .columns(['request_id', 'message_id'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assistance_attachments').execute();
  await db.schema.dropTable('assistance_messages').execute();
  await db.schema.dropTable('assistance_recipient_pocs').execute();
  await db.schema.dropTable('assistance_recipients').execute();
  await db.schema.dropTable('assistance_requests').execute();
}

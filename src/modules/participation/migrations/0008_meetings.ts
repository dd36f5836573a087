import type { Kysely } from 'kysely';

// Meetings of a process or group: sessions with agenda items and a speakers' list in which
// stakeholders have dedicated slots. Statements attach to a meeting's agenda item.

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meetings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('process_id', 'text', (c) => c.notNull().references('processes.id'))
    .addColumn('group_id', 'text', (c) => c.references('working_groups.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meetings_process')
    .on('meetings')
    .columns(['process_id', 'starts_at'])
    .execute();
  await db.schema.createIndex('meetings_group').on('meetings').columns(['group_id', 'starts_at']).execute();

  await db.schema
    .createTable('agenda_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('meeting_id', 'text', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('stakeholder_slots', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('agenda_items_meeting')
    .on('agenda_items')
    .columns(['meeting_id', 'position'])
    .execute();

  await db.schema
    .createTable('speakers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agenda_item_id', 'text', (c) => c.notNull().references('agenda_items.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('speaker_name', 'text', (c) => c.notNull())
    .addColumn('slot', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('speakers_once', ['agenda_item_id', 'org_id'])
    .execute();

  await db.schema.alterTable('statements').addColumn('meeting_id', 'text').execute();
  await db.schema.alterTable('statements').addColumn('agenda_item_id', 'text').execute();
  await db.schema
    .createIndex('statements_agenda_item')
    .on('statements')
    .columns(['agenda_item_id', 'status'])
    .execute();
}

// biome-ignore lint/suspicious/noExplicitAny: see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('statements_agenda_item').execute();
  await db.schema.alterTable('statements').dropColumn('agenda_item_id').execute();
  await db.schema.alterTable('statements').dropColumn('meeting_id').execute();
  for (const table of ['speakers', 'agenda_items', 'meetings']) await db.schema.dropTable(table).execute();
}

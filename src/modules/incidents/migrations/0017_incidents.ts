import type { Kysely } from 'kysely';

// The incident record. Lists that are only read with the record (victims, responses, sources, questions of
// law) are JSON columns; the dimensions that lists filter and statistics count (types, countries, sectors,
// norms, participants) are also written to side tables that index them.

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('incident_actors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // Lower-cased, spaces folded: "APT 28" and "apt28" are one actor.
    .addColumn('name_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('started_on', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('types', 'text', (c) => c.notNull())
    .addColumn('countries', 'text', (c) => c.notNull())
    .addColumn('sectors', 'text', (c) => c.notNull())
    .addColumn('victims', 'text', (c) => c.notNull())
    .addColumn('impacts', 'text', (c) => c.notNull())
    .addColumn('harm', 'text', (c) => c.notNull())
    .addColumn('responses', 'text', (c) => c.notNull())
    .addColumn('norms', 'text', (c) => c.notNull())
    .addColumn('law_questions', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('intensity', 'integer', (c) => c.notNull())
    .addColumn('tlp', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('participant_org_ids', 'text', (c) => c.notNull())
    .addColumn('participant_user_ids', 'text', (c) => c.notNull())
    .addColumn('editorial_state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('submitted_by', 'text', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'text')
    .addColumn('published_at', 'text')
    // The earliest attribution's date, kept with the record for "time to attribution" statistics.
    .addColumn('first_attributed_on', 'text')
    // JSON array of the attributed actors' ids, kept with the record for statistics.
    .addColumn('actor_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // Raised on every change from one shared sequence: statistics caches reload what moved past theirs.
    .addColumn('change_seq', 'integer', (c) => c.notNull())
    // Start date (0000-00-00 when unknown) and id: lists run newest first on one portable key.
    .addColumn('sort_key', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('incidents_sort').on('incidents').column('sort_key').execute();
  await db.schema
    .createIndex('incidents_state_sort')
    .on('incidents')
    .columns(['editorial_state', 'sort_key'])
    .execute();
  await db.schema.createIndex('incidents_org').on('incidents').columns(['org_id', 'updated_at']).execute();
  await db.schema.createIndex('incidents_change_seq').on('incidents').column('change_seq').execute();

  for (const [table, column] of [
    ['incident_types', 'type'],
    ['incident_countries', 'country'],
    ['incident_sectors', 'sector'],
    ['incident_norms', 'code'],
  ] as const) {
    await db.schema
      .createTable(table)
      .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
      .addColumn(column, 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint(`${table}_pk`, ['incident_id', column])
      .execute();
    await db.schema.createIndex(`${table}_by_value`).on(table).columns([column, 'incident_id']).execute();
  }

  await db.schema
    .createTable('incident_participants')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    // 'org' or 'user'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_participants_pk', ['incident_id', 'kind', 'participant_id'])
    .execute();
  await db.schema
    .createIndex('incident_participants_by_participant')
    .on('incident_participants')
    .columns(['participant_id', 'incident_id'])
    .execute();

  await db.schema
    .createTable('incident_attributions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('attributor_kind', 'text', (c) => c.notNull())
    .addColumn('attributor_name', 'text', (c) => c.notNull())
    .addColumn('attributor_country', 'text')
    .addColumn('attributed_on', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.notNull().references('incident_actors.id'))
    // What this attribution says of the actor: kept with the claim, since the claim may be a draft or under
    // TLP:AMBER while the actor is shared with every record that names it.
    .addColumn('actor_aliases', 'text', (c) => c.notNull())
    .addColumn('sponsor_country', 'text')
    .addColumn('confidence', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_attributions_incident')
    .on('incident_attributions')
    .columns(['incident_id', 'attributed_on'])
    .execute();
  await db.schema
    .createIndex('incident_attributions_actor')
    .on('incident_attributions')
    .columns(['actor_id', 'incident_id'])
    .execute();

  await db.schema
    .createTable('incident_corrections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    // 'correction' or 'withdrawal'
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('made_by', 'text', (c) => c.references('users.id'))
    .addColumn('made_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_corrections_incident')
    .on('incident_corrections')
    .columns(['incident_id', 'made_at'])
    .execute();

  // Imports of STIX bundles and CSV files: what was created, what was not understood and kept as sent.
  await db.schema
    .createTable('incident_imports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    // stix | csv
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('layout', 'text')
    .addColumn('incident_ids', 'text', (c) => c.notNull())
    .addColumn('problems', 'text', (c) => c.notNull())
    .addColumn('kept_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('incident_imports_org')
    .on('incident_imports')
    .columns(['org_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('incident_import_objects')
    .addColumn('import_id', 'text', (c) => c.notNull().references('incident_imports.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('stix_id', 'text')
    .addColumn('type', 'text')
    .addColumn('object', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_import_objects_pk', ['import_id', 'position'])
    .execute();

  // The STIX objects of its own an incident has put into the instance's TAXII collection, so that a correction
  // or a withdrawal takes out exactly those, including objects the new version no longer has.
  await db.schema
    .createTable('incident_shared_objects')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('stix_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_shared_objects_pk', ['incident_id', 'stix_id'])
    .execute();

  // One row: the last change sequence handed out (see incidents.change_seq).
  await db.schema
    .createTable('incident_sequence')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('incident_sequence').values({ id: 1, last_seq: 0 }).execute();
}

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'incident_sequence',
    'incident_shared_objects',
    'incident_import_objects',
    'incident_imports',
    'incident_corrections',
    'incident_attributions',
    'incident_participants',
    'incident_norms',
    'incident_sectors',
    'incident_countries',
    'incident_types',
    'incidents',
    'incident_actors',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

import type { Kysely } from 'kysely';

// TAXII 2.1 sharing: collections, the objects in them (one row per version, JSON text kept as served),
// the status resources of add requests, and the feeds an organization polls from other servers.

// biome-ignore lint/suspicious/noExplicitAny: migrations run before the typed schema exists
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sharing_collections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('instance_key', 'text', (c) => c.unique())
    .addColumn('alias', 'text', (c) => c.unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('member_org_ids', 'text', (c) => c.notNull())
    .addColumn('writer_org_ids', 'text', (c) => c.notNull())
    .addColumn('default_tlp', 'text', (c) => c.notNull())
    .addColumn('last_date_added', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('retired_at', 'text')
    .execute();

  await db.schema
    .createTable('sharing_objects')
    .addColumn('collection_id', 'text', (c) => c.notNull().references('sharing_collections.id'))
    .addColumn('date_added', 'text', (c) => c.notNull())
    .addColumn('stix_id', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('spec_version', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('is_latest', 'integer', (c) => c.notNull())
    .addColumn('is_first', 'integer', (c) => c.notNull())
    .addColumn('tlp', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('raw', 'text', (c) => c.notNull())
    // Pages run in date_added order within a collection: the key itself is the paging index.
    .addPrimaryKeyConstraint('sharing_objects_pk', ['collection_id', 'date_added'])
    .execute();
  // One row per version: re-posting a version finds it here instead of adding a duplicate.
  await db.schema
    .createIndex('sharing_objects_version')
    .on('sharing_objects')
    .columns(['collection_id', 'stix_id', 'version'])
    .unique()
    .execute();
  await db.schema
    .createIndex('sharing_objects_type')
    .on('sharing_objects')
    .columns(['collection_id', 'type', 'date_added'])
    .execute();

  await db.schema
    .createTable('sharing_statuses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('collection_id', 'text', (c) => c.notNull().references('sharing_collections.id'))
    .addColumn('org_id', 'text', (c) => c.references('organizations.id'))
    .addColumn('user_id', 'text', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('request_timestamp', 'text', (c) => c.notNull())
    .addColumn('total_count', 'integer', (c) => c.notNull())
    .addColumn('success_count', 'integer', (c) => c.notNull())
    .addColumn('failure_count', 'integer', (c) => c.notNull())
    .addColumn('pending_count', 'integer', (c) => c.notNull())
    .addColumn('successes', 'text', (c) => c.notNull())
    .addColumn('failures', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('sharing_statuses_created')
    .on('sharing_statuses')
    .column('created_at')
    .execute();

  await db.schema
    .createTable('sharing_feeds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('api_root_url', 'text', (c) => c.notNull())
    .addColumn('remote_collection_id', 'text', (c) => c.notNull())
    .addColumn('auth_type', 'text', (c) => c.notNull())
    .addColumn('auth_username', 'text')
    .addColumn('auth_secret', 'text')
    .addColumn('local_collection_id', 'text', (c) => c.notNull().references('sharing_collections.id'))
    .addColumn('interval_minutes', 'integer', (c) => c.notNull())
    .addColumn('is_enabled', 'integer', (c) => c.notNull())
    .addColumn('added_after', 'text')
    .addColumn('next_run_at', 'text', (c) => c.notNull())
    .addColumn('lease_until', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sharing_feeds_org').on('sharing_feeds').columns(['org_id', 'id']).execute();
  await db.schema
    .createIndex('sharing_feeds_due')
    .on('sharing_feeds')
    .columns(['is_enabled', 'next_run_at'])
    .execute();

  await db.schema
    .createTable('sharing_feed_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('feed_id', 'text', (c) => c.notNull().references('sharing_feeds.id').onDelete('cascade'))
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('finished_at', 'text')
    .addColumn('pages', 'integer', (c) => c.notNull())
    .addColumn('objects_received', 'integer', (c) => c.notNull())
    .addColumn('objects_added', 'integer', (c) => c.notNull())
    .addColumn('objects_rejected', 'integer', (c) => c.notNull())
    .addColumn('added_after_from', 'text')
    .addColumn('added_after_to', 'text')
    .addColumn('error', 'text')
    .execute();
  await db.schema
    .createIndex('sharing_feed_runs_feed')
    .on('sharing_feed_runs')
    .columns(['feed_id', 'id'])
    .execute();
}

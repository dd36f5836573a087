// The sharing module's tables, merged into the one Database interface by declaration merging.
// Conventions as in core/db/tables.ts: ISO text timestamps, integer booleans, JSON as text.

/** A TAXII 2.1 collection: one per community, TLP level or dataset. */
export interface SharingCollectionsTable {
  /** A UUID, as TAXII requires of collection ids. */
  id: string;
  /** The name of a collection the instance keeps for itself (e.g. `incidents`); null for others. */
  instance_key: string | null;
  /** TAXII's optional user-friendly label, unique on the instance. */
  alias: string | null;
  title: string;
  description: string;
  /** null: a collection of the instance, run by the platform admins. */
  owner_org_id: string | null;
  /** public | registered | community | participants; fixed at creation (objects are shared under it). */
  visibility: string;
  /** JSON array of organization ids: the collection's members (AMBER objects reach them). */
  member_org_ids: string;
  /** JSON array of organization ids that may add objects besides the owner. */
  writer_org_ids: string;
  /** The TLP label of objects that carry no TLP marking of their own (never TLP:RED). */
  default_tlp: string;
  /** The last `date_added` handed out: each insert takes a later one, under this row's lock. */
  last_date_added: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  retired_at: string | null;
}

/** One version of one STIX object in one collection, with the JSON text served as it is. */
export interface SharingObjectsTable {
  collection_id: string;
  /** Microsecond ISO time (`2026-01-01T00:00:00.000000Z`), strictly increasing within a collection. */
  date_added: string;
  stix_id: string;
  type: string;
  spec_version: string;
  /** `modified`, else `created`, as a 9-digit-fraction timestamp that sorts as text; '' when neither. */
  version: string;
  /** 1 on the newest version (by `version`) of this object in this collection. */
  is_latest: number;
  /** 1 on the oldest version of this object in this collection. */
  is_first: number;
  /** The object's TLP label (its marking, else the collection's default). */
  tlp: string;
  visibility: string;
  /** The organization that shared the object. */
  owner_org_id: string | null;
  /** The object's JSON text. */
  raw: string;
}

/** The outcome of one TAXII "add objects" request (its status resource). */
export interface SharingStatusesTable {
  id: string;
  collection_id: string;
  /** The organization the objects were added for. */
  org_id: string | null;
  user_id: string | null;
  /** complete | pending */
  status: string;
  request_timestamp: string;
  total_count: number;
  success_count: number;
  failure_count: number;
  pending_count: number;
  /** JSON arrays of status details `{ id, version, message? }`. */
  successes: string;
  failures: string;
  created_at: string;
}

/** A remote TAXII 2.1 collection an organization polls into a local collection. */
export interface SharingFeedsTable {
  id: string;
  org_id: string;
  name: string;
  /** The remote API root, ending in a slash. */
  api_root_url: string;
  remote_collection_id: string;
  /** none | basic | bearer */
  auth_type: string;
  auth_username: string | null;
  /** The password or token, encrypted with a key derived from the instance key; never returned. */
  auth_secret: string | null;
  local_collection_id: string;
  interval_minutes: number;
  is_enabled: number;
  /** The remote X-TAXII-Date-Added-Last of the last page stored: the next poll asks for what came after. */
  added_after: string | null;
  next_run_at: string;
  /** A run in progress holds the feed until this time, so processes never poll the same feed twice. */
  lease_until: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

/** One poll of a feed. */
export interface SharingFeedRunsTable {
  id: string;
  feed_id: string;
  /** schedule | manual */
  trigger: string;
  started_at: string;
  finished_at: string | null;
  pages: number;
  objects_received: number;
  objects_added: number;
  objects_rejected: number;
  added_after_from: string | null;
  added_after_to: string | null;
  error: string | null;
}

declare module '../../core/db/tables.ts' {
  interface Database {
    sharing_collections: SharingCollectionsTable;
    sharing_objects: SharingObjectsTable;
    sharing_statuses: SharingStatusesTable;
    sharing_feeds: SharingFeedsTable;
    sharing_feed_runs: SharingFeedRunsTable;
  }
}

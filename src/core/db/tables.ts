import type { Generated } from 'kysely';

// Portable column conventions, the same on SQLite and PostgreSQL:
// - timestamps are ISO 8601 UTC text (`2026-01-01T00:00:00.000Z`), which sorts correctly as text;
// - booleans are integers 0/1;
// - structured values are JSON text.

export interface InstanceSettingsTable {
  key: string;
  value: string;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  totp_secret: string | null;
  totp_pending_secret: string | null;
  totp_enabled_at: string | null;
  /** Set by migration 0003; absent from rows written before it, so optional on insert. */
  totp_last_step?: number | null;
  is_platform_admin: number;
  locale: string;
  created_at: string;
  updated_at: string;
  disabled_at: string | null;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  token_hash: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
  revoked_at: string | null;
}

export interface LoginAttemptsTable {
  key: string;
  failures: number;
  last_failure_at: string;
  locked_until: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  org_id: string;
  name: string;
  token_hash: string;
  token_prefix: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** Signed, expiring, single-use links other than invitations: first-admin setup and password reset. */
export interface OneTimeTokensTable {
  id: string;
  purpose: string;
  token_hash: string;
  user_id: string | null;
  email: string | null;
  payload: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface InvitationsTable {
  id: string;
  org_id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_by: string | null;
  revoked_at: string | null;
}

export interface OrganizationsTable {
  id: string;
  name: string;
  kind: string;
  country_code: string | null;
  website: string | null;
  description: string | null;
  verification_status: string;
  verification_note: string | null;
  verified_at: string | null;
  verified_by: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface MembershipsTable {
  org_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

export interface AuditEventsTable {
  seq: number;
  id: string;
  at: string;
  actor_user_id: string | null;
  actor_label: string;
  org_id: string | null;
  action: string;
  subject_type: string;
  subject_id: string | null;
  summary: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  last_seq: number;
  last_hash: string;
}

export interface OutboxTable {
  id: string;
  channel: string;
  topic: string;
  org_id: string | null;
  payload: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  created_at: string;
  delivered_at: string | null;
  last_error: string | null;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  org_id: string | null;
  topic: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface WebhookEndpointsTable {
  id: string;
  org_id: string;
  url: string;
  description: string;
  secret: string;
  event_types: string;
  status: string;
  consecutive_failures: number;
  disabled_at: string | null;
  disabled_reason: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookDeliveriesTable {
  id: string;
  endpoint_id: string;
  message_id: string;
  attempt: number;
  at: string;
  status_code: number | null;
  is_success: number;
  error: string | null;
  duration_ms: number;
}

export interface IdempotencyKeysTable {
  actor_key: string;
  key: string;
  method: string;
  route: string;
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  created_at: string;
}

export interface CountriesTable {
  code: string;
  alpha3: string;
  numeric_code: string;
  region_code: string | null;
  subregion_code: string | null;
  intermediate_region_code: string | null;
  names: string;
}

export interface RegionsTable {
  code: string;
  level: string;
  parent_code: string | null;
  names: string;
}

export interface ChangeCountersTable {
  name: string;
  value: number;
}

/** Published records as the search index holds them (src/core/search, migration 0004). */
export interface SearchDocumentsTable {
  /** `${source}:${source_id}` */
  id: string;
  source: string;
  source_id: string;
  title: string;
  /** Plain display text; snippets are cut from it. */
  body: string;
  /** BCP 47, canonical case. */
  language: string | null;
  /** The record's path in the web app. */
  url: string;
  visibility: string;
  /** The owner organization, whose members see the document whatever its visibility. */
  org_id: string | null;
  published_at: string;
  /** SQLite only: the document's row in the FTS5 table `search_index`. */
  index_rowid?: number;
  /** PostgreSQL only: the weighted tsvector of title and body. */
  search_vector?: string;
}

export interface Database {
  change_counters: ChangeCountersTable;
  instance_settings: InstanceSettingsTable;
  users: UsersTable;
  recovery_codes: RecoveryCodesTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  api_tokens: ApiTokensTable;
  one_time_tokens: OneTimeTokensTable;
  invitations: InvitationsTable;
  organizations: OrganizationsTable;
  memberships: MembershipsTable;
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  outbox: OutboxTable;
  notifications: NotificationsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  idempotency_keys: IdempotencyKeysTable;
  countries: CountriesTable;
  regions: RegionsTable;
  search_documents: SearchDocumentsTable;
}

export type { Generated };

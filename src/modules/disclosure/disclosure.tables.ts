// The disclosure module's tables, merged into the one Database interface by declaration merging.
// Conventions as in core/db/tables.ts: ISO text timestamps, integer booleans, JSON as text.

/** A vulnerability disclosure program an organization publishes: scope, terms, targets and key. */
export interface DisclosureProgramsTable {
  id: string;
  org_id: string;
  name: string;
  /** draft | published | retired */
  status: string;
  /** JSON arrays of lines, as the organization wrote them. */
  scope_in: string;
  scope_out: string;
  /** full | partial | none */
  safe_harbor: string;
  /** coordinated | discretionary | non_disclosure */
  disclosure_policy: string;
  /** Days after which the reporter may publish by default under coordinated disclosure: 45, 90 or 120. */
  disclosure_days: number;
  acknowledge_days: number;
  triage_days: number;
  resolve_days: number;
  /** JSON array of BCP 47 tags reports are accepted in. */
  languages: string;
  accepts_anonymous: number;
  offers_credit: number;
  /** The program's OpenPGP public key: reports may be encrypted to it in the browser. */
  openpgp_key: string | null;
  openpgp_fingerprint: string | null;
  openpgp_expires_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

/** A vulnerability report to a program, from a signed-in researcher or one without an account. */
export interface VulnerabilityReportsTable {
  id: string;
  program_id: string;
  /** BCP 47 tag of the language the report is written in, when said. */
  language: string | null;
  /** The signed-in researcher, or null. */
  reporter_user_id: string | null;
  /** SHA-256 of the secret of the reporter's link (hex); the secret itself is never stored. */
  reporter_secret_hash: string;
  /** Where the reporter asked to be told of changes (no secret is ever mailed). */
  reporter_email: string | null;
  /** name | anonymous | none: how the reporter wants to be credited. */
  credit: string;
  credit_name: string | null;
  is_encrypted: number;
  /** JSON of the report's fields when sent in clear; null when encrypted. */
  content: string | null;
  /** The armored OpenPGP message when encrypted in the browser. */
  ciphertext: string | null;
  /** Written by the coordinators at triage (an encrypted report has none until then). */
  title: string | null;
  product: string | null;
  /** received | acknowledged | tracked | coordinating | closed */
  status: string;
  /** low | medium | high | critical, or null before triage */
  priority: string | null;
  assignee_user_id: string | null;
  /** out_of_scope | duplicate | not_a_vulnerability | spam | declined | resolved */
  close_reason: string | null;
  duplicate_of: string | null;
  /** yes | no | unknown: as the reporter said, then as the coordinators established. */
  exploitation: string;
  publicity: string;
  cvss_v3_vector: string | null;
  cvss_v3_score: number | null;
  cvss_v4_vector: string | null;
  cvss_v4_score: number | null;
  /** JSON array of CWE ids, e.g. ["CWE-79"]. */
  cwe_ids: string;
  acknowledged_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

/** The exchange between the reporter and the program's coordinators. */
export interface VulnerabilityReportMessagesTable {
  id: string;
  report_id: string;
  /** reporter | coordinator */
  author_role: string;
  author_user_id: string | null;
  is_encrypted: number;
  body: string;
  created_at: string;
}

/** Files sent with a report or a message; stored as received (ciphertext when encrypted in the browser). */
export interface VulnerabilityReportAttachmentsTable {
  id: string;
  report_id: string;
  message_id: string | null;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  data: Buffer;
  created_at: string;
}

/** An SSVC decision, with the inputs it was taken on and the table that decided it. */
export interface DisclosureSsvcDecisionsTable {
  id: string;
  report_id: string;
  /** triage | publish */
  kind: string;
  table_key: string;
  table_version: string;
  /** JSON object of decision point key to value key. */
  inputs: string;
  outcome: string;
  rationale: string;
  decided_by: string;
  decided_at: string;
}

/** Report submissions per client address and hour, shared by every app process. */
export interface DisclosureIntakeCountersTable {
  /** A keyed hash of the client address and the hour: addresses are not kept. */
  key: string;
  count: number;
  expires_at: string;
}

/** A coordinated disclosure case opened from a report: participants, statuses, threads, embargo, advisory. */
export interface DisclosureCasesTable {
  id: string;
  report_id: string;
  program_id: string;
  coordinator_org_id: string;
  title: string;
  /** What the participants are told about the vulnerability (Markdown); the coordinators write it. */
  summary: string;
  /** open | closed */
  status: string;
  cve_id: string | null;
  /** The preset the target date was set from (45, 90 or 120 days), or null for a date set by hand. */
  target_days: number | null;
  /** The date the coordinators aim to publish by (UTC). */
  target_date: string;
  /** When exploitation or public disclosure was recorded: either ends an embargo. */
  exploited_at: string | null;
  public_at: string | null;
  /** When the case's advisory was published: statuses and approved statements become visible to all. */
  published_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

/** Someone taking part in a case, in one role; vendors and affected owners may be organizations or just an address. */
export interface DisclosureCaseParticipantsTable {
  id: string;
  case_id: string;
  /** reporter | coordinator | vendor | affected_owner | observer */
  role: string;
  org_id: string | null;
  user_id: string | null;
  /** What the participant is called in the case (an organization's or a team's name). */
  name: string;
  /** Where invitations and reminders go when there is no organization on the platform. */
  email: string | null;
  invited_at: string;
  /** The first time someone acted for the participant (opened the case, answered, stated). */
  joined_at: string | null;
  /** The first answer: a status, a statement or a message. Reminders stop then. */
  responded_at: string | null;
  /** Reminders and escalations sent so far (see reminders.ts), claimed one step at a time. */
  reminder_level: number;
  next_reminder_at: string | null;
  removed_at: string | null;
  created_at: string;
}

/** A secret link standing for a participant, mailed with an invitation or a reminder. */
export interface DisclosureCaseLinksTable {
  id: string;
  participant_id: string;
  secret_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

/** A vendor's status for one product and version: affected, not affected (with a VEX justification), fixed, under investigation, or no response yet. */
export interface DisclosureCaseProductsTable {
  id: string;
  case_id: string;
  participant_id: string;
  product: string;
  version: string;
  status: string;
  justification: string | null;
  impact_statement: string | null;
  remediation: string | null;
  /** Who set the status last: a participant id, or null while nobody has answered. */
  updated_by_participant_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A participant's statement, published only once the coordinators approve it. */
export interface DisclosureCaseStatementsTable {
  id: string;
  case_id: string;
  participant_id: string;
  body: string;
  /** submitted | approved | rejected */
  status: string;
  review_note: string | null;
  reviewed_by: string | null;
  submitted_at: string;
  reviewed_at: string | null;
}

/** A message in a case: to all participants (channel null) or in one participant's private thread with the coordinators. */
export interface DisclosureCaseMessagesTable {
  id: string;
  case_id: string;
  channel_participant_id: string | null;
  author_participant_id: string;
  author_user_id: string | null;
  body: string;
  created_at: string;
}

/** An embargo: proposed → active ⇄ revise → exited; at most one not exited per case. */
export interface DisclosureEmbargoesTable {
  id: string;
  case_id: string;
  state: string;
  /** When the embargo ends (UTC). */
  ends_at: string;
  /** A revision's proposed end, while the state is `revise`. */
  proposed_ends_at: string | null;
  reason: string;
  /** expired | exploited | public | published | coordinator | withdrawn */
  exit_reason: string | null;
  created_at: string;
  activated_at: string | null;
  exited_at: string | null;
  updated_at: string;
}

/** Every change of an embargo, for its history and its notices. */
export interface DisclosureEmbargoEventsTable {
  id: string;
  embargo_id: string;
  case_id: string;
  from_state: string;
  to_state: string;
  ends_at: string;
  note: string;
  actor_label: string;
  created_at: string;
}

/** A case's advisory: edited in revisions, reviewed by a second coordinator, published as CSAF 2.0. */
export interface DisclosureAdvisoriesTable {
  id: string;
  case_id: string;
  /** Unique per instance, e.g. CG-2026-0001; the CSAF tracking id. */
  tracking_id: string;
  /** draft | in_review | approved | published */
  status: string;
  /** CLEAR advisories are public and in the CSAF provider directory; others stay with the case's participants. */
  tlp: string;
  /** Set when publication was asked for while an embargo held: the advisory goes out when it exits. */
  publish_on_embargo_exit: number;
  /** The published versions, JSON [{ number, date, summary }]: the CSAF revision history. */
  published_versions: string;
  initial_release_date: string | null;
  current_release_date: string | null;
  /** The published documents, exactly as served, with the security advisory's hash and signature. */
  csaf_json: string | null;
  vex_json: string | null;
  csaf_sha256: string | null;
  csaf_signature: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

/** One revision of an advisory's text; a revision is reviewed by someone other than its author. */
export interface DisclosureAdvisoryRevisionsTable {
  id: string;
  advisory_id: string;
  number: number;
  title: string;
  summary: string;
  details: string;
  remediation: string;
  /** JSON [{ url, summary }] */
  references: string;
  /** Why this revision was written (the CSAF revision summary when it is published). */
  change_note: string;
  author_user_id: string;
  /** pending | approved | changes_requested */
  review_status: string;
  reviewed_by: string | null;
  review_note: string | null;
  reviewed_at: string | null;
  created_at: string;
}

/**
 * A State program's aggregate vulnerabilities-equities figures for a period: how many vulnerabilities were
 * disclosed and how many retained. Only the numbers are recorded, never the vulnerabilities.
 */
export interface DisclosureEquitiesTable {
  id: string;
  program_id: string;
  /** A year (2026), a half (2026-H1) or a quarter (2026-Q1). */
  period: string;
  disclosed_count: number;
  retained_count: number;
  note: string;
  recorded_by: string;
  recorded_at: string;
}

declare module '../../core/db/tables.ts' {
  interface Database {
    disclosure_programs: DisclosureProgramsTable;
    vulnerability_reports: VulnerabilityReportsTable;
    vulnerability_report_messages: VulnerabilityReportMessagesTable;
    vulnerability_report_attachments: VulnerabilityReportAttachmentsTable;
    disclosure_ssvc_decisions: DisclosureSsvcDecisionsTable;
    disclosure_intake_counters: DisclosureIntakeCountersTable;
    disclosure_cases: DisclosureCasesTable;
    disclosure_case_participants: DisclosureCaseParticipantsTable;
    disclosure_case_links: DisclosureCaseLinksTable;
    disclosure_case_products: DisclosureCaseProductsTable;
    disclosure_case_statements: DisclosureCaseStatementsTable;
    disclosure_case_messages: DisclosureCaseMessagesTable;
    disclosure_embargoes: DisclosureEmbargoesTable;
    disclosure_embargo_events: DisclosureEmbargoEventsTable;
    disclosure_advisories: DisclosureAdvisoriesTable;
    disclosure_advisory_revisions: DisclosureAdvisoryRevisionsTable;
    disclosure_equities: DisclosureEquitiesTable;
  }
}

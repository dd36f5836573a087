// The participation module's tables, merged into the one Database interface by declaration merging,
// so core stays free of module imports while every query is typed. Conventions as in core/db/tables.ts.

export interface ProcessesTable {
  id: string;
  title: string;
  /** How stakeholders take part, in Markdown: the rules a newcomer reads first. */
  modalities: string;
  /** How long a non-objection application circulates to the States. */
  objection_period_days: number;
  status: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface AccreditationApplicationsTable {
  id: string;
  process_id: string;
  org_id: string;
  route: string;
  ecosoc_number: string | null;
  statement: string;
  status: string;
  circulation_ends_at: string | null;
  /** Set by the secretariat when it turns an application down or gives a reason for an outcome. */
  decision_note: string | null;
  decided_at: string | null;
  decided_by: string | null;
  submitted_by: string;
  created_at: string;
  updated_at: string;
}

export interface AccreditationObjectionsTable {
  id: string;
  application_id: string;
  state_org_id: string;
  /** The general reason the objecting State gives; only the secretariat and that State read it. */
  reason: string;
  objected_by: string;
  created_at: string;
}

export interface WorkingGroupsTable {
  id: string;
  process_id: string;
  name: string;
  mandate: string;
  created_at: string;
  updated_at: string;
}

export interface GroupChairsTable {
  group_id: string;
  user_id: string;
  created_at: string;
}

export interface GroupMembersTable {
  group_id: string;
  org_id: string;
  joined_at: string;
}

export interface DraftsTable {
  id: string;
  process_id: string;
  group_id: string | null;
  title: string;
  summary: string;
  /** Number of the latest published revision; 0 while the draft is still in preparation. */
  current_revision: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface DraftRevisionsTable {
  id: string;
  draft_id: string;
  /** 1, 2, …; the working copy (at most one per draft) has no number until it is published. */
  number: number | null;
  note: string;
  published_at: string | null;
  published_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DraftBlocksTable {
  revision_id: string;
  position: number;
  /** Stable across revisions: comments anchor to it, whatever the paragraph's number becomes. */
  block_key: string;
  kind: string;
  /** Display number of a paragraph in this revision (1, 2, …); null for section headings. */
  number: number | null;
  text: string;
}

export interface ConsultationsTable {
  id: string;
  draft_id: string;
  revision_number: number;
  title: string;
  opens_at: string;
  closes_at: string;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ContributionsTable {
  id: string;
  consultation_id: string;
  draft_id: string;
  kind: string;
  /** The paragraph commented on or amended; null for a general comment. */
  block_key: string | null;
  revision_number: number;
  paragraph_number: number | null;
  body: string;
  proposed_text: string | null;
  org_id: string;
  author_id: string;
  created_at: string;
  disposition: string | null;
  disposition_reason: string | null;
  disposed_at: string | null;
  disposed_by: string | null;
}

export interface StatementsTable {
  id: string;
  process_id: string;
  org_id: string;
  submitted_by: string;
  kind: string;
  title: string;
  /** BCP 47 tag of the text. */
  language: string;
  /** The session or meeting it was delivered at, and the agenda item, as the contributor names them. */
  meeting_label: string | null;
  agenda_item: string | null;
  format: string;
  file_name: string | null;
  file_size: number | null;
  file_sha256: string | null;
  /** The Markdown source, or the text extracted from the PDF: what search indexes. */
  body_text: string;
  status: string;
  moderation_note: string | null;
  moderated_by: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  /** Added by migration 0008: the meeting and agenda item the statement was delivered under. */
  meeting_id?: string | null;
  agenda_item_id?: string | null;
}

export interface StatementFilesTable {
  statement_id: string;
  content_type: string;
  data: Uint8Array;
}

export interface MeasuresTable {
  id: string;
  /** `osce-01`, `oas-03`, `un-poc-directory` for the seeded lists; `community-…` for accepted proposals. */
  key: string;
  source: string;
  number: number | null;
  /** JSON object of texts by language (all six for seeded measures, the proposer's for others). */
  title: string;
  summary: string;
  citation: string;
  adopted: string | null;
  proposed_by_org: string | null;
  created_at: string;
  updated_at: string;
}

export interface MeasureNormsTable {
  measure_id: string;
  norm_code: string;
}

export interface MeasureImplementationsTable {
  measure_id: string;
  org_id: string;
  status: string;
  note: string;
  updated_by: string;
  updated_at: string;
}

export interface MeasureProposalsTable {
  id: string;
  kind: string;
  measure_id: string | null;
  org_id: string;
  submitted_by: string;
  title: string;
  body: string;
  url: string | null;
  /** JSON array of the norm codes a proposed measure supports. */
  norms: string;
  language: string;
  status: string;
  moderation_note: string | null;
  moderated_by: string | null;
  decided_at: string | null;
  created_at: string;
}

export interface MeetingsTable {
  id: string;
  process_id: string;
  group_id: string | null;
  title: string;
  description: string;
  location: string;
  starts_at: string;
  ends_at: string;
  cancelled_at: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface AgendaItemsTable {
  id: string;
  meeting_id: string;
  position: number;
  title: string;
  /** Places on this item's speakers' list kept for stakeholders; States speak in their own order. */
  stakeholder_slots: number;
}

export interface SpeakersTable {
  id: string;
  agenda_item_id: string;
  org_id: string;
  speaker_name: string;
  /** `state` or `stakeholder`: which part of the list the organization speaks in. */
  slot: string;
  /** `listed`, or `waitlisted` when the stakeholder slots are taken. */
  status: string;
  requested_by: string;
  created_at: string;
}

export interface ParticipationEventsTable {
  id: string;
  kind: string;
  /** What the event concerns, at every level a reader may follow. */
  process_id: string | null;
  group_id: string | null;
  draft_id: string | null;
  measure_id: string | null;
  title: string;
  summary: string;
  /** Path in the web app. */
  url: string;
  created_at: string;
}

export interface FollowsTable {
  user_id: string;
  subject_type: string;
  subject_id: string;
  created_at: string;
}

export interface FollowDigestsTable {
  user_id: string;
  /** The newest event the last digest covered; ids sort by time. */
  last_event_id: string;
  sent_at: string;
}

declare module '../../core/db/tables.ts' {
  interface Database {
    processes: ProcessesTable;
    accreditation_applications: AccreditationApplicationsTable;
    accreditation_objections: AccreditationObjectionsTable;
    working_groups: WorkingGroupsTable;
    group_chairs: GroupChairsTable;
    group_members: GroupMembersTable;
    drafts: DraftsTable;
    draft_revisions: DraftRevisionsTable;
    draft_blocks: DraftBlocksTable;
    consultations: ConsultationsTable;
    contributions: ContributionsTable;
    statements: StatementsTable;
    statement_files: StatementFilesTable;
    measures: MeasuresTable;
    measure_norms: MeasureNormsTable;
    measure_implementations: MeasureImplementationsTable;
    measure_proposals: MeasureProposalsTable;
    meetings: MeetingsTable;
    agenda_items: AgendaItemsTable;
    speakers: SpeakersTable;
    participation_events: ParticipationEventsTable;
    follows: FollowsTable;
    follow_digests: FollowDigestsTable;
  }
}

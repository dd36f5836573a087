import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../core/db/tables.ts';
import type {
  DisclosureSsvcDecisionsTable,
  VulnerabilityReportAttachmentsTable,
  VulnerabilityReportMessagesTable,
  VulnerabilityReportsTable,
} from '../disclosure.tables.ts';

type Reader = Kysely<Database>;

export type ReportRow = VulnerabilityReportsTable & {
  program_name: string;
  program_org_id: string;
  program_status: string;
  program_acknowledge_days: number;
  org_name: string;
  assignee_name: string | null;
};
export type MessageRow = VulnerabilityReportMessagesTable & { author_name: string | null };
export type AttachmentMetaRow = Omit<VulnerabilityReportAttachmentsTable, 'data'>;
export type DecisionRow = DisclosureSsvcDecisionsTable & { decided_by_name: string };
export type ReportListRow = ReportRow & { triage_outcome: string | null };

function selectReports(db: Reader) {
  return db
    .selectFrom('vulnerability_reports as r')
    .innerJoin('disclosure_programs as p', 'p.id', 'r.program_id')
    .innerJoin('organizations as o', 'o.id', 'p.org_id')
    .leftJoin('users as a', 'a.id', 'r.assignee_user_id')
    .selectAll('r')
    .select([
      'p.name as program_name',
      'p.org_id as program_org_id',
      'p.status as program_status',
      'p.acknowledge_days as program_acknowledge_days',
      'o.name as org_name',
      'a.display_name as assignee_name',
    ]);
}

export function findReportRow(db: Reader, id: string): Promise<ReportRow | undefined> {
  return selectReports(db).where('r.id', '=', id).executeTakeFirst();
}

export interface ReportFilters {
  /** Reports of programs run by these organizations (the reader's verified ones)… */
  triageOrgIds: readonly string[];
  /** …or, instead, the reports this account sent. */
  reporterUserId?: string;
  programId?: string;
  status?: string;
  priority?: string;
  assigneeUserId?: string;
  beforeId?: string;
  limit: number;
}

/** The queue, newest first, with each report's latest SSVC triage outcome. */
export function findReportRows(db: Reader, filters: ReportFilters): Promise<ReportListRow[]> {
  let query = selectReports(db).select((eb) =>
    eb
      .selectFrom('disclosure_ssvc_decisions as d')
      .select('d.outcome')
      .whereRef('d.report_id', '=', 'r.id')
      .where('d.kind', '=', 'triage')
      .orderBy('d.id', 'desc')
      .limit(1)
      .as('triage_outcome'),
  );
  if (filters.reporterUserId) query = query.where('r.reporter_user_id', '=', filters.reporterUserId);
  else if (filters.triageOrgIds.length > 0) query = query.where('p.org_id', 'in', filters.triageOrgIds);
  else query = query.where(sql<boolean>`1 = 0`);
  if (filters.programId) query = query.where('r.program_id', '=', filters.programId);
  if (filters.status) query = query.where('r.status', '=', filters.status);
  if (filters.priority) query = query.where('r.priority', '=', filters.priority);
  if (filters.assigneeUserId) query = query.where('r.assignee_user_id', '=', filters.assigneeUserId);
  if (filters.beforeId) query = query.where('r.id', '<', filters.beforeId);
  return query
    .orderBy('r.id', 'desc')
    .limit(filters.limit + 1)
    .execute() as Promise<ReportListRow[]>;
}

export function findMessageRows(db: Reader, reportId: string): Promise<MessageRow[]> {
  return db
    .selectFrom('vulnerability_report_messages as m')
    .leftJoin('users as u', 'u.id', 'm.author_user_id')
    .selectAll('m')
    .select('u.display_name as author_name')
    .where('m.report_id', '=', reportId)
    .orderBy('m.id')
    .execute();
}

export function findAttachmentMetaRows(db: Reader, reportId: string): Promise<AttachmentMetaRow[]> {
  return db
    .selectFrom('vulnerability_report_attachments')
    .select(['id', 'report_id', 'message_id', 'file_name', 'media_type', 'size', 'sha256', 'created_at'])
    .where('report_id', '=', reportId)
    .orderBy('id')
    .execute();
}

export function findAttachmentRow(db: Reader, reportId: string, id: string) {
  return db
    .selectFrom('vulnerability_report_attachments')
    .selectAll()
    .where('report_id', '=', reportId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findDecisionRows(db: Reader, reportId: string): Promise<DecisionRow[]> {
  return db
    .selectFrom('disclosure_ssvc_decisions as d')
    .innerJoin('users as u', 'u.id', 'd.decided_by')
    .selectAll('d')
    .select('u.display_name as decided_by_name')
    .where('d.report_id', '=', reportId)
    .orderBy('d.id')
    .execute();
}

/** Whether the user is an active member of the organization (an assignee must be). */
export async function isActiveMember(db: Reader, orgId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.user_id')
    .where('m.org_id', '=', orgId)
    .where('m.user_id', '=', userId)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** Active members of an organization, to tell of a new report. */
export function findMemberUserIds(db: Reader, orgId: string): Promise<{ user_id: string }[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.user_id')
    .where('m.org_id', '=', orgId)
    .where('u.disabled_at', 'is', null)
    .execute();
}

/** Address and interface language of accounts, to write to them in their language. */
export function findUserContacts(
  db: Reader,
  userIds: readonly string[],
): Promise<{ id: string; email: string; locale: string }[]> {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('users')
    .select(['id', 'email', 'locale'])
    .where('id', 'in', userIds)
    .where('disabled_at', 'is', null)
    .execute();
}

/** Active admins of an organization. */
export function findAdminUserIds(db: Reader, orgId: string): Promise<{ user_id: string }[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('m.user_id')
    .where('m.org_id', '=', orgId)
    .where('m.role', '=', 'org_admin')
    .where('u.disabled_at', 'is', null)
    .execute();
}

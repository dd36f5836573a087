import type {
  AttachmentMetaRow,
  DecisionRow,
  MessageRow,
  ReportListRow,
  ReportRow,
} from './reports.repository.ts';

const DAY = 86_400_000;

function presentAttachment(row: AttachmentMetaRow) {
  return {
    id: row.id,
    fileName: row.file_name,
    mediaType: row.media_type,
    size: row.size,
    sha256: row.sha256,
  };
}

/** When the program promised to acknowledge the report, from its response targets. */
export function acknowledgeBy(row: Pick<ReportRow, 'created_at' | 'program_acknowledge_days'>): string {
  return new Date(Date.parse(row.created_at) + row.program_acknowledge_days * DAY).toISOString();
}

function isAcknowledgeOverdue(row: ReportRow, now: string): boolean {
  return row.acknowledged_at === null && row.status !== 'closed' && acknowledgeBy(row) < now;
}

export function presentDecision(row: DecisionRow) {
  return {
    id: row.id,
    kind: row.kind,
    tableKey: row.table_key,
    tableVersion: row.table_version,
    inputs: JSON.parse(row.inputs) as Record<string, string>,
    outcome: row.outcome,
    rationale: row.rationale,
    decidedBy: row.decided_by_name,
    decidedAt: row.decided_at,
  };
}

function presentCvss(vector: string | null, score: number | null, severityOf: (score: number) => string) {
  return vector !== null && score !== null ? { vector, baseScore: score, severity: severityOf(score) } : null;
}

/** CVSS qualitative severity (the same bands in 3.1 and 4.0). */
export function cvssSeverity(score: number): string {
  if (score === 0) return 'NONE';
  if (score < 4) return 'LOW';
  if (score < 7) return 'MEDIUM';
  if (score < 9) return 'HIGH';
  return 'CRITICAL';
}

export interface ReportView {
  report: ReportRow;
  messages: readonly MessageRow[];
  attachments: readonly AttachmentMetaRow[];
  decisions: readonly DecisionRow[];
  viewerRole: 'coordinator' | 'reporter';
  outcome: {
    caseId: string | null;
    advisory: { id: string; trackingId: string; publishedAt: string; url: string } | null;
  };
  cweName: (id: string) => string | undefined;
  now: string;
}

/**
 * A report as its coordinators or its reporter see it. The reporter sees what they sent, the status and the
 * thread; priority, assignment, scoring and SSVC decisions are the coordinators' working notes.
 */
export function presentReport(view: ReportView) {
  const { report, viewerRole } = view;
  const byMessage = new Map<string | null, AttachmentMetaRow[]>();
  for (const attachment of view.attachments) {
    byMessage.set(attachment.message_id, [...(byMessage.get(attachment.message_id) ?? []), attachment]);
  }
  const cweIds = JSON.parse(report.cwe_ids) as string[];
  return {
    id: report.id,
    programId: report.program_id,
    programName: report.program_name,
    orgName: report.org_name,
    status: report.status,
    closeReason: report.close_reason,
    duplicateOf: viewerRole === 'coordinator' ? report.duplicate_of : null,
    isEncrypted: report.is_encrypted === 1,
    content: report.content ? JSON.parse(report.content) : null,
    ciphertext: report.ciphertext,
    language: report.language,
    credit: {
      choice: report.credit,
      name: report.credit_name,
    },
    attachments: (byMessage.get(null) ?? []).map(presentAttachment),
    messages: view.messages.map((message) => ({
      id: message.id,
      authorRole: message.author_role,
      // Coordinators write as the program; their names are not the reporter's business.
      authorName: viewerRole === 'coordinator' ? message.author_name : null,
      isEncrypted: message.is_encrypted === 1,
      body: message.body,
      attachments: (byMessage.get(message.id) ?? []).map(presentAttachment),
      createdAt: message.created_at,
    })),
    acknowledgedAt: report.acknowledged_at,
    closedAt: report.closed_at,
    createdAt: report.created_at,
    updatedAt: report.updated_at,
    viewerRole,
    caseId: view.outcome.caseId,
    advisory: view.outcome.advisory,
    triage:
      viewerRole === 'coordinator'
        ? {
            title: report.title,
            product: report.product,
            priority: report.priority,
            assigneeUserId: report.assignee_user_id,
            assigneeName: report.assignee_name,
            exploitation: report.exploitation,
            publicity: report.publicity,
            cvssV3: presentCvss(report.cvss_v3_vector, report.cvss_v3_score, cvssSeverity),
            cvssV4: presentCvss(report.cvss_v4_vector, report.cvss_v4_score, cvssSeverity),
            cwes: cweIds.map((id) => ({ id, name: view.cweName(id) ?? null })),
            reporterEmail: report.reporter_email,
            reporterUserId: report.reporter_user_id,
            decisions: view.decisions.map(presentDecision),
            acknowledgeBy: acknowledgeBy(report),
            isAcknowledgeOverdue: isAcknowledgeOverdue(report, view.now),
          }
        : null,
  };
}

/**
 * A row of a list. To its reporter (the `mine` list) it shows what the reporter sent and the status only:
 * priority, assignment, SSVC outcome and score are the coordinators' working notes.
 */
export function presentReportSummary(
  row: ReportListRow,
  now: string,
  viewerRole: 'coordinator' | 'reporter',
) {
  const isCoordinator = viewerRole === 'coordinator';
  return {
    id: row.id,
    programId: row.program_id,
    programName: row.program_name,
    title: row.title,
    product: row.product,
    isEncrypted: row.is_encrypted === 1,
    status: row.status,
    closeReason: row.close_reason,
    priority: isCoordinator ? row.priority : null,
    assigneeName: isCoordinator ? row.assignee_name : null,
    triageOutcome: isCoordinator ? row.triage_outcome : null,
    cvssScore: isCoordinator ? (row.cvss_v4_score ?? row.cvss_v3_score) : null,
    isAcknowledgeOverdue: isAcknowledgeOverdue(row, now),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

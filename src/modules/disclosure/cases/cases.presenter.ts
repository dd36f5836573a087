import type { CaseViewer } from './case-access.ts';
import type {
  CaseMessageRow,
  CaseRow,
  EmbargoEventRow,
  EmbargoRow,
  ParticipantRow,
  ProductRow,
  StatementRow,
} from './cases.repository.ts';

export function casePath(id: string): string {
  return `/disclosure/cases/${id}`;
}

function presentProduct(row: ProductRow) {
  return {
    id: row.id,
    participantId: row.participant_id,
    product: row.product,
    version: row.version,
    status: row.status,
    justification: row.justification,
    impactStatement: row.impact_statement,
    remediation: row.remediation,
    updatedAt: row.updated_at,
  };
}

function presentStatement(row: StatementRow) {
  return {
    id: row.id,
    participantId: row.participant_id,
    body: row.body,
    status: row.status,
    reviewNote: row.review_note,
    submittedAt: row.submitted_at,
    reviewedAt: row.reviewed_at,
  };
}

export function presentEmbargo(row: EmbargoRow, events: readonly EmbargoEventRow[]) {
  return {
    id: row.id,
    state: row.state,
    endsAt: row.ends_at,
    proposedEndsAt: row.proposed_ends_at,
    reason: row.reason,
    exitReason: row.exit_reason,
    createdAt: row.created_at,
    activatedAt: row.activated_at,
    exitedAt: row.exited_at,
    events: events.map((event) => ({
      fromState: event.from_state,
      toState: event.to_state,
      endsAt: event.ends_at,
      note: event.note,
      actor: event.actor_label,
      createdAt: event.created_at,
    })),
  };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

function countStatuses(products: readonly ProductRow[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const product of products) counts[product.status] = (counts[product.status] ?? 0) + 1;
  return counts;
}

export interface CaseView {
  row: CaseRow;
  participants: readonly ParticipantRow[];
  products: readonly ProductRow[];
  statements: readonly StatementRow[];
  messages: readonly CaseMessageRow[];
  embargo: { row: EmbargoRow; events: readonly EmbargoEventRow[] } | null;
  advisory: { id: string; trackingId: string; status: string; publishedAt: string | null } | null;
  viewer: CaseViewer;
}

/**
 * A case as one viewer may see it. Before publication a vendor sees its own statuses and statements only, so
 * "no response yet" of one vendor never shows as anything to another; after publication statuses and
 * approved statements are everyone's.
 */
export function presentCase(view: CaseView) {
  const { row, viewer } = view;
  const isPublished = row.published_at !== null;
  const ownIds = new Set(viewer.participations.map((participant) => participant.id));
  const productsBy = groupBy(view.products, (product) => product.participant_id);
  const statementsBy = groupBy(view.statements, (statement) => statement.participant_id);
  const names = new Map(view.participants.map((participant) => [participant.id, participant]));
  return {
    id: row.id,
    reportId: row.report_id,
    programId: row.program_id,
    coordinatorOrgId: row.coordinator_org_id,
    coordinatorName: row.coordinator_name,
    title: row.title,
    summary: row.summary,
    status: row.status,
    cveId: row.cve_id,
    cvss: {
      v3:
        row.cvss_v3_vector && row.cvss_v3_score !== null
          ? { vector: row.cvss_v3_vector, baseScore: row.cvss_v3_score }
          : null,
      v4:
        row.cvss_v4_vector && row.cvss_v4_score !== null
          ? { vector: row.cvss_v4_vector, baseScore: row.cvss_v4_score }
          : null,
    },
    cweIds: JSON.parse(row.cwe_ids) as string[],
    targetDays: row.target_days,
    targetDate: row.target_date,
    exploitedAt: row.exploited_at,
    publicAt: row.public_at,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    closedAt: row.closed_at,
    viewer: {
      isCoordinator: viewer.isCoordinator,
      participantIds: [...ownIds],
      roles: [
        ...new Set([
          ...(viewer.isCoordinator ? ['coordinator'] : []),
          ...viewer.participations.map((p) => p.role),
        ]),
      ],
    },
    participants: view.participants
      .filter((participant) => viewer.isCoordinator || participant.removed_at === null)
      .map((participant) => {
        const isOwn = ownIds.has(participant.id);
        const seesAll = viewer.isCoordinator || isOwn;
        const products = productsBy.get(participant.id) ?? [];
        const statements = statementsBy.get(participant.id) ?? [];
        return {
          id: participant.id,
          role: participant.role,
          name: participant.name,
          orgId: participant.org_id,
          email: viewer.isCoordinator ? participant.email : null,
          invitedAt: participant.invited_at,
          joinedAt: seesAll ? participant.joined_at : null,
          respondedAt: seesAll ? participant.responded_at : null,
          isRemoved: participant.removed_at !== null,
          products: seesAll || isPublished ? products.map(presentProduct) : null,
          statements:
            seesAll || isPublished
              ? statements
                  .filter((statement) => seesAll || statement.status === 'approved')
                  .map(presentStatement)
              : null,
          statusCounts: viewer.isCoordinator ? countStatuses(products) : null,
        };
      }),
    statusTotals: viewer.isCoordinator ? countStatuses(view.products) : null,
    embargo: view.embargo ? presentEmbargo(view.embargo.row, view.embargo.events) : null,
    advisory: view.advisory,
    messages: view.messages.map((message) => {
      const author = names.get(message.author_participant_id);
      return {
        id: message.id,
        channel: message.channel_participant_id ?? 'all',
        authorParticipantId: message.author_participant_id,
        authorName: author?.name ?? '',
        authorRole: author?.role ?? '',
        body: message.body,
        createdAt: message.created_at,
      };
    }),
  };
}

import type { Case, Participant, ProductStatus, Statement } from './types.ts';

// What the case pages compute from a case: the coordinators' filters over hundreds of participants, the
// statements awaiting review, the viewer's own participations. Pure, so it is tested without a browser.

/** Rows the participants table renders at a time; "show more" adds as many again. */
export const PARTICIPANT_PAGE = 100;

export type ParticipantFilter = {
  status: ProductStatus | '';
  role: string;
  /** Part of a name or an address, in any case. */
  text: string;
  isRemovedShown: boolean;
};

export const NO_FILTER: ParticipantFilter = { status: '', role: '', text: '', isRemovedShown: false };

/** Roles that answer for products; the others (observer, reporter) only read and write. */
export const ANSWERING_ROLES: readonly string[] = ['vendor', 'affected_owner'];

/**
 * Whether a participant has not answered for `status`: a product of theirs in that status or, for "no
 * response yet", also one who answers for products and has neither listed any nor said anything.
 */
function hasStatus(participant: Participant, status: ProductStatus): boolean {
  if ((participant.statusCounts?.[status] ?? 0) > 0) return true;
  return (
    status === 'no_response' &&
    ANSWERING_ROLES.includes(participant.role) &&
    participant.respondedAt === null &&
    (participant.products?.length ?? 0) === 0
  );
}

const fold = (text: string) => text.normalize('NFKC').toLocaleLowerCase();

/** The invited participants (never the coordinator) that pass the filter, in invitation order. */
export function filterParticipants(
  participants: readonly Participant[],
  filter: ParticipantFilter,
): Participant[] {
  const text = fold(filter.text.trim());
  return participants.filter(
    (participant) =>
      participant.role !== 'coordinator' &&
      (filter.isRemovedShown || !participant.isRemoved) &&
      (!filter.role || participant.role === filter.role) &&
      (!filter.status || hasStatus(participant, filter.status)) &&
      (!text || fold(participant.name).includes(text) || fold(participant.email ?? '').includes(text)),
  );
}

export type PendingStatement = { participant: Participant; statement: Statement };

/** Statements submitted and not yet reviewed, oldest first: the coordinators' queue. */
export function statementsAwaitingReview(caseRecord: Case): PendingStatement[] {
  return caseRecord.participants
    .flatMap((participant) =>
      (participant.statements ?? [])
        .filter((statement) => statement.status === 'submitted')
        .map((statement) => ({ participant, statement })),
    )
    .sort((a, b) => a.statement.submittedAt.localeCompare(b.statement.submittedAt));
}

/** The participants the viewer acts as (a vendor's member who is also the reporter acts as both). */
export function ownParticipants(caseRecord: Case): Participant[] {
  const own = new Set(caseRecord.viewer.participantIds);
  return caseRecord.participants.filter((participant) => own.has(participant.id));
}

/** Whether an embargo is in force or on its way: proposed, active, or under revision. */
export function isEmbargoOpen(caseRecord: Case): boolean {
  const state = caseRecord.embargo?.state;
  return state === 'proposed' || state === 'active' || state === 'revise';
}

/** Whether a new embargo could be proposed: none is open and nothing made the vulnerability public. */
export function canProposeEmbargo(caseRecord: Case): boolean {
  return (
    caseRecord.status === 'open' &&
    !isEmbargoOpen(caseRecord) &&
    !caseRecord.exploitedAt &&
    !caseRecord.publicAt &&
    !caseRecord.publishedAt
  );
}

/** Messages of one channel (`all` or a participant's private thread), oldest first. */
export function messagesOf(caseRecord: Case, channel: string) {
  return caseRecord.messages
    .filter((message) => message.channel === channel)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** How many messages each private thread holds, for the coordinators' choice of thread. */
export function privateThreadCounts(caseRecord: Case): Map<string, number> {
  const counts = new Map<string, number>();
  for (const message of caseRecord.messages) {
    if (message.channel !== 'all') counts.set(message.channel, (counts.get(message.channel) ?? 0) + 1);
  }
  return counts;
}

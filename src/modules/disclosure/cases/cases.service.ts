import type { Static } from 'typebox';
import type { Actor } from '../../../core/access/index.ts';
import { can } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction, type Trx } from '../../../core/db/transaction.ts';
import { AppError, conflict, unprocessable } from '../../../core/http/errors.ts';
import { decodeStringCursor, toPage } from '../../../core/http/pagination.ts';
import { getReadableReport } from '../reports/reports.service.ts';
import { type CaseViewer, getCoordinatedCase, getViewableCase, type LoadedCase } from './case-access.ts';
import { notifyCase } from './case-notify.ts';
import { presentCase } from './cases.presenter.ts';
import {
  findCaseIdOfReport,
  findCaseMessageRows,
  findCaseRows,
  findCurrentEmbargoRow,
  findEmbargoEventRows,
  findProductRows,
  findStatementRows,
} from './cases.repository.ts';
import type { CaseEvent, CaseQuery, OpenCase, UpdateCase } from './cases.schemas.ts';
import { exitOpenEmbargo } from './embargo.service.ts';

const DAY = 86_400_000;
/** Messages a case page shows, newest kept; older ones stay in the database and the audit trail. */
const MESSAGE_PAGE = 300;
export const DEFAULT_TARGET_DAYS = 45;

function targetFrom(input: { targetDays?: number; targetDate?: string }, from: number) {
  if (input.targetDate) {
    const at = Date.parse(input.targetDate);
    if (Number.isNaN(at) || at <= Date.now())
      throw unprocessable('invalid_target_date', 'The target date must be in the future.');
    return { target_days: null, target_date: new Date(at).toISOString() };
  }
  const days = input.targetDays ?? DEFAULT_TARGET_DAYS;
  return { target_days: days, target_date: new Date(from + days * DAY).toISOString() };
}

/** Assembles what the viewer may see of a case and presents it. */
export async function presentCaseFor(
  ctx: AppContext | { db: Trx },
  loaded: LoadedCase & { viewer: CaseViewer },
) {
  const { row, viewer } = loaded;
  const ownIds = viewer.participations.map((participant) => participant.id);
  const [products, statements, messages, embargo, advisory] = await Promise.all([
    findProductRows(ctx.db, row.id),
    findStatementRows(ctx.db, row.id),
    findCaseMessageRows(
      ctx.db,
      row.id,
      { all: true, participantIds: viewer.isCoordinator ? 'every' : ownIds },
      MESSAGE_PAGE,
    ),
    findCurrentEmbargoRow(ctx.db, row.id),
    ctx.db
      .selectFrom('disclosure_advisories')
      .select(['id', 'tracking_id', 'status', 'published_at'])
      .where('case_id', '=', row.id)
      .executeTakeFirst(),
  ]);
  return presentCase({
    row,
    participants: loaded.participants,
    products,
    statements,
    messages,
    embargo: embargo ? { row: embargo, events: await findEmbargoEventRows(ctx.db, embargo.id) } : null,
    advisory: advisory
      ? {
          id: advisory.id,
          trackingId: advisory.tracking_id,
          status: advisory.status,
          publishedAt: advisory.published_at,
        }
      : null,
    viewer,
  });
}

export async function getCase(ctx: AppContext, actor: Actor, id: string) {
  const loaded = await getViewableCase(ctx, actor, id);
  await markJoined(ctx, loaded.viewer);
  return presentCaseFor(ctx, loaded);
}

/** The first visit of a participant counts as joining the case. */
async function markJoined(ctx: AppContext, viewer: CaseViewer) {
  const ids = viewer.participations.filter((participant) => participant.joined_at === null).map((p) => p.id);
  if (ids.length === 0) return;
  await ctx.db
    .updateTable('disclosure_case_participants')
    .set({ joined_at: nowIso() })
    .where('id', 'in', ids)
    .where('joined_at', 'is', null)
    .execute();
}

/** Opens a case from a report the actor triages; the report becomes `coordinating`. */
export async function openCase(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
  input: Static<typeof OpenCase>,
) {
  const { row: report, role } = await getReadableReport(ctx, actor, reportId);
  if (role !== 'coordinator')
    throw new AppError(403, 'forbidden', 'Only the coordinators of the program open cases.');
  if (await findCaseIdOfReport(ctx.db, reportId))
    throw conflict('case_exists', 'This report already has a case.');
  if (report.status === 'closed')
    throw conflict('invalid_transition', 'Reopen the report before opening a case.');
  const now = nowIso();
  const id = newId('case');
  const target = targetFrom(input, Date.parse(now));
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('disclosure_cases')
      .values({
        id,
        report_id: reportId,
        program_id: report.program_id,
        coordinator_org_id: report.program_org_id,
        title: input.title.trim(),
        summary: input.summary,
        status: 'open',
        cve_id: null,
        ...target,
        exploited_at: report.exploitation === 'yes' ? now : null,
        public_at: report.publicity === 'yes' ? now : null,
        published_at: null,
        created_by: actor.type === 'user' ? actor.userId : '',
        created_at: now,
        updated_at: now,
        closed_at: null,
      })
      .execute();
    // The coordinating organization and the reporter take part from the start.
    await trx
      .insertInto('disclosure_case_participants')
      .values([
        participantValues(id, 'coordinator', { orgId: report.program_org_id, name: report.org_name }, now),
        participantValues(
          id,
          'reporter',
          { userId: report.reporter_user_id, name: report.credit_name ?? 'Reporter' },
          now,
        ),
      ])
      .execute();
    await trx
      .updateTable('vulnerability_reports')
      .set({
        status: 'coordinating',
        updated_at: now,
        ...(report.acknowledged_at === null ? { acknowledged_at: now } : {}),
      })
      .where('id', '=', reportId)
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: report.program_org_id,
      action: 'disclosure_case.opened',
      subjectType: 'disclosure_case',
      subjectId: id,
      summary: `Case ${id} opened from report ${reportId}`,
    });
  });
  return getCase(ctx, actor, id);
}

export function participantValues(
  caseId: string,
  role: string,
  who: { orgId?: string | null; userId?: string | null; email?: string | null; name: string },
  now: string,
) {
  return {
    id: newId('cp'),
    case_id: caseId,
    role,
    org_id: who.orgId ?? null,
    user_id: who.userId ?? null,
    name: who.name,
    email: who.email ?? null,
    invited_at: now,
    joined_at: role === 'coordinator' ? now : null,
    responded_at: role === 'coordinator' ? now : null,
    reminder_level: 0,
    next_reminder_at: null,
    removed_at: null,
    created_at: now,
  };
}

export async function listCases(ctx: AppContext, actor: Actor, query: Static<typeof CaseQuery>) {
  if (actor.type !== 'user') throw new AppError(401, 'authentication_required', 'Sign in to continue.');
  const limit = query.limit ?? 50;
  const memberOrgIds = actor.memberships.map((membership) => membership.orgId);
  const coordinatorOrgIds = memberOrgIds.filter((orgId) =>
    can(actor, 'disclosure.case.coordinate', { type: 'disclosure_case', coordinatorOrgId: orgId }),
  );
  const rows = await findCaseRows(ctx.db, {
    coordinatorOrgIds,
    memberOrgIds,
    userId: actor.userId,
    ...(query.status ? { status: query.status } : {}),
    ...(query.cursor ? { beforeId: decodeStringCursor(query.cursor) } : {}),
    limit,
  });
  return toPage(
    rows,
    limit,
    (row) => row.id,
    (row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      coordinatorName: row.coordinator_name,
      targetDate: row.target_date,
      embargoState: row.embargo_state ?? null,
      embargoEndsAt: row.embargo_ends_at ?? null,
      vendorCount: Number(row.vendor_count ?? 0),
      createdAt: row.created_at,
      isCoordinator: coordinatorOrgIds.includes(row.coordinator_org_id),
    }),
  );
}

export async function updateCase(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Static<typeof UpdateCase>,
) {
  const { row, participants } = await getCoordinatedCase(ctx, actor, id);
  const now = nowIso();
  const target =
    input.targetDays || input.targetDate ? targetFrom(input, Date.parse(row.created_at)) : undefined;
  if (target && Date.parse(target.target_date) <= Date.now()) {
    throw unprocessable(
      'invalid_target_date',
      'That preset would put the target date in the past; give a date.',
    );
  }
  if (input.status && input.status === row.status)
    throw conflict('invalid_transition', `The case is already ${row.status}.`);
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('disclosure_cases')
      .set({
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        ...(input.cveId !== undefined ? { cve_id: input.cveId } : {}),
        ...(target ?? {}),
        ...(input.status ? { status: input.status, closed_at: input.status === 'closed' ? now : null } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: row.coordinator_org_id,
      action: input.status
        ? `disclosure_case.${input.status === 'closed' ? 'closed' : 'reopened'}`
        : 'disclosure_case.updated',
      subjectType: 'disclosure_case',
      subjectId: id,
      summary: `Case ${id}: ${Object.keys(input).join(', ')}`,
    });
    if (target) {
      // A new target date restarts the reminder schedule of those who have not answered.
      await trx
        .updateTable('disclosure_case_participants')
        .set({ next_reminder_at: now })
        .where('case_id', '=', id)
        .where('responded_at', 'is', null)
        .where('removed_at', 'is', null)
        .execute();
      await notifyCase(ctx, trx, {
        row: { ...row, target_date: target.target_date },
        event: 'target_changed',
        participants: participants.filter((participant) => participant.role !== 'coordinator'),
      });
    }
  });
  return getCase(ctx, actor, id);
}

/**
 * Records exploitation in the wild or public disclosure: either ends an active or proposed embargo, and every
 * participant is told.
 */
export async function recordCaseEvent(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Static<typeof CaseEvent>,
) {
  const { row, participants } = await getCoordinatedCase(ctx, actor, id);
  const column = input.kind === 'exploited' ? 'exploited_at' : 'public_at';
  if (row[column] !== null)
    throw conflict('already_recorded', `The case already records that it is ${input.kind}.`);
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('disclosure_cases')
      .set({ [column]: now, updated_at: now })
      .where('id', '=', id)
      .execute();
    await trx
      .updateTable('vulnerability_reports')
      .set({ [input.kind === 'exploited' ? 'exploitation' : 'publicity']: 'yes', updated_at: now })
      .where('id', '=', row.report_id)
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: row.coordinator_org_id,
      action: `disclosure_case.${input.kind}`,
      subjectType: 'disclosure_case',
      subjectId: id,
      summary: `Case ${id}: ${input.kind}${input.note ? ` (${input.note})` : ''}`,
    });
    await exitOpenEmbargo(ctx, trx, { row, participants }, input.kind, 'coordinator', input.note ?? '');
    await notifyCase(ctx, trx, {
      row,
      event: 'case_event',
      toCoordinators: true,
      participants: participants.filter((participant) => participant.role !== 'coordinator'),
    });
  });
  return getCase(ctx, actor, id);
}

import type { Static } from 'typebox';
import type { Actor } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction, type Trx } from '../../../core/db/transaction.ts';
import { AppError, conflict, unprocessable } from '../../../core/http/errors.ts';
import { publishScheduledAdvisory } from '../advisories/publish.ts';
import { getViewableCase, type LoadedCase, loadCase } from './case-access.ts';
import { notifyCase } from './case-notify.ts';
import { type EmbargoRow, findCurrentEmbargoRow } from './cases.repository.ts';
import type { EmbargoTransition, ProposeEmbargo } from './cases.schemas.ts';

/**
 * Embargoes follow Vultron's states: none → proposed → active ⇄ revise → exited. A case has at most one
 * embargo that has not exited (a partial unique index holds that even against concurrent proposals). Times are
 * stored in UTC; pages show them in each viewer's zone. Recording exploitation or public disclosure, publishing
 * the advisory, or reaching the end exits the embargo; every change is told to every participant.
 */
const YEAR = 366 * 86_400_000;

function futureInstant(value: string | undefined, field: string): string {
  const at = value ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at))
    throw unprocessable('invalid_embargo_end', `${field} is required: an ISO 8601 time with a zone.`);
  if (at <= Date.now()) throw unprocessable('invalid_embargo_end', `${field} must be in the future.`);
  if (at > Date.now() + YEAR) throw unprocessable('invalid_embargo_end', `${field} must be within a year.`);
  return new Date(at).toISOString();
}

/**
 * Who acted, as every participant may read it: the coordinating organization or the participant's name in the
 * case, never a person's address (the audit log keeps who exactly).
 */
export function embargoActorLabel(
  loaded: LoadedCase,
  actor: { isCoordinator: boolean; participantName?: string } | 'system',
) {
  if (actor === 'system') return 'system';
  if (actor.isCoordinator)
    return loaded.participants.find((p) => p.role === 'coordinator')?.name ?? loaded.row.coordinator_name;
  return actor.participantName ?? '';
}

async function recordEvent(
  trx: Trx,
  embargo: EmbargoRow,
  toState: string,
  endsAt: string,
  actorLabel: string,
  note: string,
  now: string,
) {
  await trx
    .insertInto('disclosure_embargo_events')
    .values({
      id: newId('embe'),
      embargo_id: embargo.id,
      case_id: embargo.case_id,
      from_state: embargo.state,
      to_state: toState,
      ends_at: endsAt,
      note,
      actor_label: actorLabel,
      created_at: now,
    })
    .execute();
}

async function tellEveryone(ctx: AppContext, trx: Trx, loaded: LoadedCase, endsAt: string | null) {
  await notifyCase(ctx, trx, {
    row: loaded.row,
    event: 'embargo_changed',
    toCoordinators: true,
    participants: loaded.participants.filter((participant) => participant.role !== 'coordinator'),
    embargoEndsAt: endsAt,
  });
}

export async function proposeEmbargo(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: Static<typeof ProposeEmbargo>,
) {
  const loaded = await getViewableCase(ctx, actor, caseId);
  if (!loaded.viewer.isCoordinator)
    throw new AppError(403, 'forbidden', 'Only the coordinators propose an embargo.');
  const { row } = loaded;
  if (row.exploited_at || row.public_at || row.published_at) {
    throw conflict(
      'embargo_not_possible',
      'The vulnerability is exploited or public, or the advisory is out: no embargo can hold.',
    );
  }
  const endsAt = futureInstant(input.endsAt, 'endsAt');
  const now = nowIso();
  const id = newId('emb');
  try {
    await inTransaction(ctx, async (trx) => {
      const open = await findCurrentEmbargoRow(trx, caseId);
      if (open && open.state !== 'exited')
        throw conflict('embargo_exists', 'The case already has an embargo.');
      const embargo: EmbargoRow = {
        id,
        case_id: caseId,
        state: 'proposed',
        ends_at: endsAt,
        proposed_ends_at: null,
        reason: input.reason,
        exit_reason: null,
        created_at: now,
        activated_at: null,
        exited_at: null,
        updated_at: now,
      };
      await trx.insertInto('disclosure_embargoes').values(embargo).execute();
      await recordEvent(
        trx,
        { ...embargo, state: 'none' },
        'proposed',
        endsAt,
        embargoActorLabel(loaded, { isCoordinator: true }),
        input.reason,
        now,
      );
      await recordAudit(trx, {
        actor,
        orgId: row.coordinator_org_id,
        action: 'disclosure_embargo.proposed',
        subjectType: 'disclosure_case',
        subjectId: caseId,
        summary: `Embargo proposed for case ${caseId} until ${endsAt}`,
      });
      await tellEveryone(ctx, trx, loaded, endsAt);
    });
  } catch (error) {
    // Two proposals at once: the partial unique index lets one through.
    if (!(error instanceof AppError) && /unique|duplicate/i.test(String((error as Error).message))) {
      throw conflict('embargo_exists', 'The case already has an embargo.');
    }
    throw error;
  }
}

/** Which actions apply in which state, and whether only the coordinators may take them. */
const TRANSITIONS: Record<string, { from: readonly string[]; to: string; coordinatorOnly: boolean }> = {
  activate: { from: ['proposed'], to: 'active', coordinatorOnly: true },
  propose_revision: { from: ['active'], to: 'revise', coordinatorOnly: false },
  accept_revision: { from: ['revise'], to: 'active', coordinatorOnly: true },
  reject_revision: { from: ['revise'], to: 'active', coordinatorOnly: true },
  exit: { from: ['proposed', 'active', 'revise'], to: 'exited', coordinatorOnly: true },
};

export async function transitionEmbargo(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: Static<typeof EmbargoTransition>,
) {
  const loaded = await getViewableCase(ctx, actor, caseId);
  const rule = TRANSITIONS[input.action];
  if (!rule) throw unprocessable('invalid_action', 'Unknown embargo action.');
  if (rule.coordinatorOnly && !loaded.viewer.isCoordinator) {
    throw new AppError(
      403,
      'forbidden',
      'Only the coordinators may do this; participants may propose a revision.',
    );
  }
  const proposedEnd = input.action === 'propose_revision' ? futureInstant(input.endsAt, 'endsAt') : null;
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    const embargo = await findCurrentEmbargoRow(trx, caseId);
    if (!embargo || !rule.from.includes(embargo.state)) {
      throw conflict(
        'invalid_transition',
        `The embargo is ${embargo?.state ?? 'not set'}; "${input.action}" does not apply.`,
      );
    }
    const endsAt =
      input.action === 'accept_revision' ? (embargo.proposed_ends_at ?? embargo.ends_at) : embargo.ends_at;
    if (input.action === 'activate' && Date.parse(embargo.ends_at) <= Date.now()) {
      throw conflict('invalid_transition', 'The proposed end has passed; propose a new embargo.');
    }
    const changed = await trx
      .updateTable('disclosure_embargoes')
      .set({
        state: rule.to,
        ends_at: endsAt,
        proposed_ends_at: proposedEnd,
        ...(input.action === 'activate' ? { activated_at: now } : {}),
        ...(rule.to === 'exited'
          ? { exited_at: now, exit_reason: embargo.state === 'proposed' ? 'withdrawn' : 'coordinator' }
          : {}),
        updated_at: now,
      })
      .where('id', '=', embargo.id)
      .where('state', '=', embargo.state)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1)
      throw conflict('invalid_transition', 'The embargo changed meanwhile; reload.');
    const label = embargoActorLabel(loaded, {
      isCoordinator: loaded.viewer.isCoordinator,
      ...(loaded.viewer.participations[0] ? { participantName: loaded.viewer.participations[0].name } : {}),
    });
    await recordEvent(trx, embargo, rule.to, proposedEnd ?? endsAt, label, input.note ?? '', now);
    await recordAudit(trx, {
      actor,
      orgId: loaded.row.coordinator_org_id,
      action: `disclosure_embargo.${input.action}`,
      subjectType: 'disclosure_case',
      subjectId: caseId,
      summary: `Embargo of case ${caseId}: ${embargo.state} → ${rule.to}`,
    });
    await tellEveryone(ctx, trx, loaded, rule.to === 'exited' ? null : endsAt);
    if (rule.to === 'exited') await publishScheduledAdvisory(ctx, trx, caseId);
  });
}

/** Ends the case's open embargo, if any, in the caller's transaction (exploitation, publicity, publication). */
export async function exitOpenEmbargo(
  ctx: AppContext,
  trx: Trx,
  loaded: LoadedCase,
  reason: string,
  by: 'coordinator' | 'system',
  note: string,
): Promise<boolean> {
  const embargo = await findCurrentEmbargoRow(trx, loaded.row.id);
  if (!embargo || embargo.state === 'exited') return false;
  // The expiry job read the end before this transaction: a revision accepted meanwhile moved it.
  if (reason === 'expired' && Date.parse(embargo.ends_at) > Date.now()) return false;
  const now = nowIso();
  const changed = await trx
    .updateTable('disclosure_embargoes')
    .set({ state: 'exited', exit_reason: reason, exited_at: now, proposed_ends_at: null, updated_at: now })
    .where('id', '=', embargo.id)
    .where('state', '=', embargo.state)
    .executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1) return false;
  const label = embargoActorLabel(loaded, by === 'system' ? 'system' : { isCoordinator: true });
  await recordEvent(trx, embargo, 'exited', embargo.ends_at, label, note || reason, now);
  await tellEveryone(ctx, trx, loaded, null);
  // An advisory approved to go out at the embargo's end goes out now.
  await publishScheduledAdvisory(ctx, trx, loaded.row.id);
  return true;
}

/** The job: active embargoes whose end has come exit by themselves, each claimed once across processes. */
export async function expireEmbargoes(ctx: AppContext, now = new Date()): Promise<number> {
  const due = await ctx.db
    .selectFrom('disclosure_embargoes')
    .select(['id', 'case_id'])
    .where('state', 'in', ['active', 'revise'])
    .where('ends_at', '<=', now.toISOString())
    .limit(100)
    .execute();
  let exited = 0;
  for (const embargo of due) {
    await inTransaction(ctx, async (trx) => {
      const loaded = await loadCase(trx, embargo.case_id);
      if (!loaded) return;
      if (await exitOpenEmbargo(ctx, trx, loaded, 'expired', 'system', 'The embargo ended.')) {
        exited += 1;
        await recordAudit(trx, {
          actor: { type: 'system', label: 'embargo-expiry' },
          orgId: loaded.row.coordinator_org_id,
          action: 'disclosure_embargo.expired',
          subjectType: 'disclosure_case',
          subjectId: embargo.case_id,
          summary: `Embargo of case ${embargo.case_id} ended`,
        });
      }
    });
  }
  return exited;
}

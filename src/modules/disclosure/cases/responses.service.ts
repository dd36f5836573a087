import type { Static } from 'typebox';
import type { Actor } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction, type Trx } from '../../../core/db/transaction.ts';
import { AppError, conflict, notFound, unprocessable } from '../../../core/http/errors.ts';
import { getViewableCase } from './case-access.ts';
import { notifyCase } from './case-notify.ts';
import type { ParticipantRow } from './cases.repository.ts';
import type {
  AddProducts,
  PostCaseMessage,
  ReviewStatement,
  SubmitStatement,
  UpdateProduct,
} from './cases.schemas.ts';
import { getCase } from './cases.service.ts';
import { insertProducts } from './participants.service.ts';

type Viewable = Awaited<ReturnType<typeof getViewableCase>>;

/** The participant an action is taken for: the coordinators name it; a participant acts as itself. */
function actingFor(
  loaded: Viewable,
  participantId: string | undefined,
  roles: readonly string[],
): ParticipantRow {
  const { viewer, participants } = loaded;
  if (participantId) {
    const participant = participants.find((p) => p.id === participantId && p.removed_at === null);
    if (!participant) throw notFound('Participant');
    if (!viewer.isCoordinator && !viewer.participations.some((p) => p.id === participantId)) {
      throw new AppError(403, 'forbidden', 'You do not act for this participant.');
    }
    if (!roles.includes(participant.role))
      throw unprocessable('wrong_role', `This is for a ${roles.join(' or ')}.`);
    return participant;
  }
  const own = viewer.participations.filter((p) => roles.includes(p.role));
  if (own.length !== 1) {
    throw unprocessable('participant_required', 'Say which participant this is for (participantId).');
  }
  return own[0] as ParticipantRow;
}

/** A participant's first answer stops its reminders. */
async function markResponded(trx: Trx, participant: ParticipantRow, now: string) {
  if (participant.responded_at !== null) return;
  await trx
    .updateTable('disclosure_case_participants')
    .set({ responded_at: now, next_reminder_at: null, ...(participant.joined_at ? {} : { joined_at: now }) })
    .where('id', '=', participant.id)
    .where('responded_at', 'is', null)
    .execute();
}

function assertOpen(loaded: Viewable) {
  if (loaded.row.status !== 'open') throw conflict('case_closed', 'The case is closed.');
}

export async function addProducts(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: Static<typeof AddProducts>,
) {
  const loaded = await getViewableCase(ctx, actor, caseId);
  assertOpen(loaded);
  const participant = actingFor(loaded, input.participantId, ['vendor']);
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await insertProducts(trx, caseId, participant.id, input.products, now);
    await recordAudit(trx, {
      actor,
      orgId: loaded.row.coordinator_org_id,
      action: 'disclosure_case.products_added',
      subjectType: 'disclosure_case',
      subjectId: caseId,
      summary: `${input.products.length} product(s) of "${participant.name}" added to case ${caseId}`,
    });
  });
  return getCase(ctx, actor, caseId);
}

export async function updateProduct(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  productId: string,
  input: Static<typeof UpdateProduct>,
) {
  const loaded = await getViewableCase(ctx, actor, caseId);
  assertOpen(loaded);
  const product = await ctx.db
    .selectFrom('disclosure_case_products')
    .selectAll()
    .where('id', '=', productId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  // Another vendor's product is missing to this viewer, not forbidden.
  const mayEdit =
    product &&
    (loaded.viewer.isCoordinator ||
      loaded.viewer.participations.some((p) => p.id === product.participant_id));
  if (!product || !mayEdit) throw notFound('Product');
  if (input.status === 'not_affected' && !input.justification) {
    throw unprocessable(
      'justification_required',
      'Say why the product is not affected (a VEX justification).',
    );
  }
  if (input.status !== 'not_affected' && input.justification) {
    throw unprocessable('justification_unexpected', 'A justification goes with "not affected" only.');
  }
  const participant = loaded.participants.find((p) => p.id === product.participant_id) as ParticipantRow;
  const actingParticipant = loaded.viewer.participations.find((p) => p.id === product.participant_id);
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('disclosure_case_products')
      .set({
        status: input.status,
        justification: input.justification ?? null,
        impact_statement: input.impactStatement?.trim() || null,
        remediation: input.remediation?.trim() || null,
        updated_by_participant_id:
          actingParticipant?.id ?? loaded.participants.find((p) => p.role === 'coordinator')?.id ?? null,
        updated_at: now,
      })
      .where('id', '=', productId)
      .execute();
    if (actingParticipant) await markResponded(trx, participant, now);
    await recordAudit(trx, {
      actor,
      orgId: loaded.row.coordinator_org_id,
      action: 'disclosure_case.product_status',
      subjectType: 'disclosure_case',
      subjectId: caseId,
      summary: `"${participant.name}" ${product.product} ${product.version}: ${product.status} → ${input.status}`,
    });
    await notifyCase(ctx, trx, {
      row: loaded.row,
      event: 'status_changed',
      toCoordinators: true,
      ...(actingParticipant ? {} : { participants: [participant] }),
    });
  });
  return getCase(ctx, actor, caseId);
}

export async function submitStatement(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: Static<typeof SubmitStatement> & { participantId?: string },
) {
  const loaded = await getViewableCase(ctx, actor, caseId);
  assertOpen(loaded);
  const participant = actingFor(loaded, input.participantId, ['vendor', 'affected_owner']);
  if (!loaded.viewer.participations.some((p) => p.id === participant.id)) {
    throw new AppError(403, 'forbidden', 'A statement is written by the participant itself.');
  }
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('disclosure_case_statements')
      .values({
        id: newId('cst'),
        case_id: caseId,
        participant_id: participant.id,
        body: input.body,
        status: 'submitted',
        review_note: null,
        reviewed_by: null,
        submitted_at: now,
        reviewed_at: null,
      })
      .execute();
    await markResponded(trx, participant, now);
    await recordAudit(trx, {
      actor,
      orgId: loaded.row.coordinator_org_id,
      action: 'disclosure_case.statement_submitted',
      subjectType: 'disclosure_case',
      subjectId: caseId,
      summary: `Statement of "${participant.name}" submitted in case ${caseId}`,
    });
    await notifyCase(ctx, trx, { row: loaded.row, event: 'statement_submitted', toCoordinators: true });
  });
  return getCase(ctx, actor, caseId);
}

/** The coordinators approve a statement before it is published, or send it back with a note. */
export async function reviewStatement(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  statementId: string,
  input: Static<typeof ReviewStatement>,
) {
  const loaded = await getViewableCase(ctx, actor, caseId);
  if (!loaded.viewer.isCoordinator)
    throw new AppError(403, 'forbidden', 'Only the coordinators review statements.');
  const statement = await ctx.db
    .selectFrom('disclosure_case_statements')
    .selectAll()
    .where('id', '=', statementId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!statement) throw notFound('Statement');
  if (statement.status !== 'submitted')
    throw conflict('invalid_transition', `The statement is already ${statement.status}.`);
  const participant = loaded.participants.find((p) => p.id === statement.participant_id) as ParticipantRow;
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('disclosure_case_statements')
      .set({
        status: input.decision === 'approve' ? 'approved' : 'rejected',
        review_note: input.note?.trim() || null,
        reviewed_by: actor.type === 'user' ? actor.userId : null,
        reviewed_at: now,
      })
      .where('id', '=', statementId)
      .where('status', '=', 'submitted')
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: loaded.row.coordinator_org_id,
      action: `disclosure_case.statement_${input.decision === 'approve' ? 'approved' : 'rejected'}`,
      subjectType: 'disclosure_case',
      subjectId: caseId,
      summary: `Statement of "${participant.name}" ${input.decision}d in case ${caseId}`,
    });
    await notifyCase(ctx, trx, { row: loaded.row, event: 'statement_reviewed', participants: [participant] });
  });
  return getCase(ctx, actor, caseId);
}

/**
 * A message to every participant (`all`), or in one participant's private thread with the coordinators. A
 * participant writes in `all` or its own thread; the coordinators write anywhere.
 */
export async function postCaseMessage(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: Static<typeof PostCaseMessage>,
) {
  const loaded = await getViewableCase(ctx, actor, caseId);
  assertOpen(loaded);
  const { viewer, participants } = loaded;
  const channel =
    input.channel === 'all' ? null : participants.find((p) => p.id === input.channel && !p.removed_at);
  if (input.channel !== 'all' && (!channel || channel.role === 'coordinator')) throw notFound('Participant');
  const own = channel ? viewer.participations.find((p) => p.id === channel.id) : viewer.participations[0];
  if (channel && !viewer.isCoordinator && !own) throw notFound('Participant');
  // Coordinators speak as the coordinating participant; anyone else as their own participant.
  const author = viewer.isCoordinator ? participants.find((p) => p.role === 'coordinator') : own;
  if (!author) throw new AppError(403, 'forbidden', 'You do not take part in this case.');
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('disclosure_case_messages')
      .values({
        id: newId('cmsg'),
        case_id: caseId,
        channel_participant_id: channel?.id ?? null,
        author_participant_id: author.id,
        author_user_id: actor.type === 'user' ? actor.userId : null,
        body: input.body,
        created_at: now,
      })
      .execute();
    if (author.role !== 'coordinator') await markResponded(trx, author, now);
    await recordAudit(trx, {
      actor,
      orgId: loaded.row.coordinator_org_id,
      action: 'disclosure_case.message',
      subjectType: 'disclosure_case',
      subjectId: caseId,
      summary: `Message in case ${caseId} (${channel ? `private: ${channel.name}` : 'all participants'})`,
    });
    const others = channel
      ? [channel].filter((p) => p.id !== author.id)
      : participants.filter((p) => p.role !== 'coordinator' && p.id !== author.id);
    await notifyCase(ctx, trx, {
      row: loaded.row,
      event: 'message',
      toCoordinators: author.role !== 'coordinator',
      participants: others,
    });
  });
  return getCase(ctx, actor, caseId);
}

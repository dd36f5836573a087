import type { Static } from 'typebox';
import type { Actor } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction, type Trx } from '../../../core/db/transaction.ts';
import { conflict, notFound, unprocessable } from '../../../core/http/errors.ts';
import { createParticipantLink, getCoordinatedCase, participantLinkUrl } from './case-access.ts';
import { notifyCase } from './case-notify.ts';
import { findOrganizationName, type ParticipantRow } from './cases.repository.ts';
import type { InviteParticipant } from './cases.schemas.ts';
import { getCase, participantValues } from './cases.service.ts';
import { firstReminderAt } from './reminders.ts';

export async function insertProducts(
  trx: Trx,
  caseId: string,
  participantId: string,
  products: readonly { product: string; version: string }[],
  now: string,
) {
  if (products.length === 0) return;
  await trx
    .insertInto('disclosure_case_products')
    .values(
      products.map((item) => ({
        id: newId('cpr'),
        case_id: caseId,
        participant_id: participantId,
        product: item.product.trim(),
        version: item.version.trim(),
        // Nothing is assumed of a vendor that has not answered: its products show "no response yet".
        status: 'no_response',
        justification: null,
        impact_statement: null,
        remediation: null,
        updated_by_participant_id: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
}

/**
 * Invites a vendor, an affected owner or an observer: an organization of the platform (its members act for it)
 * and/or an address that receives a secret link working before anyone there has an account.
 */
export async function inviteParticipant(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  input: Static<typeof InviteParticipant>,
) {
  const loaded = await getCoordinatedCase(ctx, actor, caseId);
  if (loaded.row.status !== 'open') throw conflict('case_closed', 'The case is closed.');
  if (!input.orgId && !input.email) {
    throw unprocessable(
      'participant_unreachable',
      'Give the organization on the platform, an e-mail address, or both.',
    );
  }
  const org = input.orgId ? await findOrganizationName(ctx.db, input.orgId) : undefined;
  if (input.orgId && !org) throw notFound('Organization');
  if (org && loaded.participants.some((p) => p.org_id === org.id && p.role === input.role && !p.removed_at)) {
    throw conflict('already_participant', `${org.name} already takes part in the case as ${input.role}.`);
  }
  const name = input.name?.trim() || org?.name || input.email || '';
  const now = nowIso();
  const values = participantValues(
    caseId,
    input.role,
    { orgId: org?.id ?? null, email: input.email ?? null, name },
    now,
  );
  const participant: ParticipantRow = {
    ...values,
    next_reminder_at: input.role === 'vendor' ? firstReminderAt(now, loaded.row.target_date) : null,
  };
  let token: string | null = null;
  await inTransaction(ctx, async (trx) => {
    await trx.insertInto('disclosure_case_participants').values(participant).execute();
    await insertProducts(trx, caseId, participant.id, input.products ?? [], now);
    if (input.email) token = await createParticipantLink(trx, participant.id);
    await recordAudit(trx, {
      actor,
      orgId: loaded.row.coordinator_org_id,
      action: 'disclosure_case.participant_invited',
      subjectType: 'disclosure_case',
      subjectId: caseId,
      summary: `${input.role} "${name}" invited to case ${caseId}`,
    });
    await notifyCase(ctx, trx, {
      row: loaded.row,
      event: 'invited',
      participants: [participant],
      ...(token ? { links: new Map([[participant.id, token]]) } : {}),
    });
  });
  return {
    participantId: participant.id,
    inviteUrl: token ? participantLinkUrl(ctx.config.publicUrl, caseId, token) : null,
    case: await getCase(ctx, actor, caseId),
  };
}

function getParticipant(participants: readonly ParticipantRow[], id: string): ParticipantRow {
  const participant = participants.find((p) => p.id === id);
  if (!participant) throw notFound('Participant');
  return participant;
}

/** Removes a participant: its links stop working; what it said stays in the case. */
export async function removeParticipant(
  ctx: AppContext,
  actor: Actor,
  caseId: string,
  participantId: string,
) {
  const loaded = await getCoordinatedCase(ctx, actor, caseId);
  const participant = getParticipant(loaded.participants, participantId);
  if (participant.role === 'coordinator' || participant.role === 'reporter') {
    throw conflict('participant_required', 'The coordinator and the reporter stay in the case.');
  }
  if (participant.removed_at) throw conflict('already_removed', 'This participant was already removed.');
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('disclosure_case_participants')
      .set({ removed_at: now, next_reminder_at: null })
      .where('id', '=', participantId)
      .execute();
    await trx
      .updateTable('disclosure_case_links')
      .set({ revoked_at: now })
      .where('participant_id', '=', participantId)
      .where('revoked_at', 'is', null)
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: loaded.row.coordinator_org_id,
      action: 'disclosure_case.participant_removed',
      subjectType: 'disclosure_case',
      subjectId: caseId,
      summary: `${participant.role} "${participant.name}" removed from case ${caseId}`,
    });
  });
  return getCase(ctx, actor, caseId);
}

/** Withdraws a participant's links and mails a new one (a link went astray, or the contact changed). */
export async function reissueLink(ctx: AppContext, actor: Actor, caseId: string, participantId: string) {
  const loaded = await getCoordinatedCase(ctx, actor, caseId);
  const participant = getParticipant(loaded.participants, participantId);
  if (!participant.email || participant.removed_at) {
    throw conflict('no_link', 'Only a current participant with an e-mail address gets links.');
  }
  const now = nowIso();
  let token = '';
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('disclosure_case_links')
      .set({ revoked_at: now })
      .where('participant_id', '=', participantId)
      .where('revoked_at', 'is', null)
      .execute();
    token = await createParticipantLink(trx, participantId);
    await recordAudit(trx, {
      actor,
      orgId: loaded.row.coordinator_org_id,
      action: 'disclosure_case.link_reissued',
      subjectType: 'disclosure_case',
      subjectId: caseId,
      summary: `New link for "${participant.name}" in case ${caseId}`,
    });
    await notifyCase(ctx, trx, {
      row: loaded.row,
      event: 'invited',
      participants: [participant],
      links: new Map([[participant.id, token]]),
    });
  });
  return {
    participantId,
    inviteUrl: participantLinkUrl(ctx.config.publicUrl, caseId, token),
    case: await getCase(ctx, actor, caseId),
  };
}

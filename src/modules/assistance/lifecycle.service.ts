import { sql } from 'kysely';
import type { Static } from 'typebox';
import type { Actor } from '../../core/access/index.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { newId, nowIso } from '../../core/db/ids.ts';
import { inTransaction, type Trx } from '../../core/db/transaction.ts';
import { AppError, conflict, unauthenticated, unprocessable } from '../../core/http/errors.ts';
import { findPocHolderUserIds, findPocsHeldBy } from '../contacts/index.ts';
import type { RecipientRow } from './assistance.repository.ts';
import type { Close, Decide, PostMessage } from './assistance.schemas.ts';
import type { Decision, RequestStatus } from './codes.ts';
import type { AssistanceEvent } from './mail.ts';
import { notifyAssistance } from './notify.ts';
import { guardPersonalData } from './personal-data.ts';
import { getRequest } from './requests.service.ts';
import {
  authorizeActFor,
  currentPocsOf,
  decodeAttachments,
  getReadableRequest,
  insertAttachments,
  type LoadedRequest,
  loadRequest,
  senderPocOf,
} from './shared.ts';

const invalidTransition = (message: string) => conflict('invalid_transition', message);

function refuseIfClosed(loaded: LoadedRequest): void {
  if (loaded.request.closed_at !== null) throw invalidTransition('The request is closed.');
}

/**
 * The recipient organization the actor acts for: the one named, or the only recipient organization the
 * actor holds a POC entry of (or, failing that, belongs to, so the refusal says why).
 */
async function recipientActingFor(
  ctx: AppContext,
  actor: Actor,
  loaded: LoadedRequest,
  orgId: string | undefined,
): Promise<RecipientRow> {
  if (actor.type !== 'user') throw unauthenticated();
  let recipient: RecipientRow | undefined;
  if (orgId !== undefined) {
    recipient = loaded.recipients.find((row) => row.org_id === orgId);
    if (!recipient)
      throw unprocessable('not_a_recipient', 'That organization is not a recipient of this request.');
  } else {
    const held = new Set((await findPocsHeldBy(ctx.db, actor.userId)).map((poc) => poc.orgId));
    const memberOf = new Set(actor.memberships.map((m) => m.orgId));
    let candidates = loaded.recipients.filter((row) => held.has(row.org_id));
    if (candidates.length === 0) candidates = loaded.recipients.filter((row) => memberOf.has(row.org_id));
    if (candidates.length > 1) {
      throw unprocessable(
        'org_required',
        'You act for several recipient organizations: say which with orgId.',
      );
    }
    recipient = candidates[0];
    if (!recipient) throw new AppError(403, 'forbidden', 'You do not act for a recipient of this request.');
  }
  await authorizeActFor(ctx, actor, recipient.org_id);
  return recipient;
}

async function insertThreadEntry(
  trx: Trx,
  entry: {
    requestId: string;
    orgId: string;
    userId: string;
    kind: string;
    toOrgId: string | null;
    body: string;
  },
  now: string,
): Promise<string> {
  const id = newId('rfm');
  await trx
    .insertInto('assistance_messages')
    .values({
      id,
      request_id: entry.requestId,
      org_id: entry.orgId,
      user_id: entry.userId,
      kind: entry.kind,
      to_org_id: entry.toOrgId,
      body: entry.body,
      created_at: now,
    })
    .execute();
  return id;
}

async function touchRequest(trx: Trx, requestId: string, now: string): Promise<void> {
  await trx.updateTable('assistance_requests').set({ updated_at: now }).where('id', '=', requestId).execute();
}

/** Tells the sender's side of something a recipient did. */
async function notifySender(
  ctx: AppContext,
  trx: Trx,
  requestId: string,
  orgId: string,
  event: AssistanceEvent,
  extra: { decision?: Decision | null; text?: string | null } = {},
): Promise<void> {
  const loaded = await loadRequest(trx, requestId);
  if (!loaded) return;
  const recipient = loaded.recipients.find((row) => row.org_id === orgId);
  await notifyAssistance(ctx, trx, {
    event,
    request: loaded.request,
    record: loaded.record,
    recipientOrgNames: loaded.recipients.map((row) => row.org_name),
    org: recipient ? { id: recipient.org_id, name: recipient.org_name } : null,
    status: (recipient?.status as RequestStatus | undefined) ?? null,
    mailTo: await senderPocOf(trx, loaded.request),
    inAppUserIds: [loaded.request.sender_user_id],
    webhookOrgIds: [loaded.request.sender_org_id, orgId],
    ...extra,
  });
}

/** Tells the named POCs of the given recipient organizations of something the sender did. */
async function notifyRecipients(
  ctx: AppContext,
  trx: Trx,
  requestId: string,
  orgIds: readonly string[],
  event: AssistanceEvent,
  text: string | null,
): Promise<void> {
  const loaded = await loadRequest(trx, requestId);
  if (!loaded) return;
  const named = loaded.pocs.filter((poc) => orgIds.includes(poc.org_id));
  const pocIds = new Set(named.map((poc) => poc.poc_id));
  const single = orgIds.length === 1 ? loaded.recipients.find((row) => row.org_id === orgIds[0]) : undefined;
  await notifyAssistance(ctx, trx, {
    event,
    request: loaded.request,
    record: loaded.record,
    recipientOrgNames: loaded.recipients.map((row) => row.org_name),
    org: single ? { id: single.org_id, name: single.org_name } : null,
    status: (single?.status as RequestStatus | undefined) ?? (loaded.request.closed_at ? 'closed' : null),
    mailTo: await currentPocsOf(trx, orgIds, (poc) => pocIds.has(poc.id)),
    inAppUserIds: named.map((poc) => poc.user_id),
    webhookOrgIds: [loaded.request.sender_org_id, ...orgIds],
    text,
  });
}

export async function acknowledgeRequest(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { orgId?: string },
) {
  const loaded = await getReadableRequest(ctx, actor, id);
  const recipient = await recipientActingFor(ctx, actor, loaded, input.orgId);
  refuseIfClosed(loaded);
  if (recipient.status !== 'sent') throw invalidTransition('Only a request in status sent is acknowledged.');
  const userId = actor.type === 'user' ? actor.userId : '';
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    const updated = await trx
      .updateTable('assistance_recipients')
      .set({
        status: 'acknowledged',
        acknowledged_at: now,
        acknowledged_by: userId,
        next_escalation_at: null,
        updated_at: now,
      })
      .where('request_id', '=', id)
      .where('org_id', '=', recipient.org_id)
      .where('status', '=', 'sent')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw invalidTransition('The request changed meanwhile.');
    await insertThreadEntry(
      trx,
      { requestId: id, orgId: recipient.org_id, userId, kind: 'acknowledgement', toOrgId: null, body: '' },
      now,
    );
    await touchRequest(trx, id, now);
    await recordAudit(trx, {
      actor,
      orgId: recipient.org_id,
      action: 'assistance_request.acknowledged',
      subjectType: 'assistance_request',
      subjectId: id,
      summary: `"${recipient.org_name}" acknowledged ${id} (${loaded.request.tlp})`,
    });
    await notifySender(ctx, trx, id, recipient.org_id, 'acknowledged');
  });
  return getRequest(ctx, actor, id);
}

export async function decideRequest(ctx: AppContext, actor: Actor, id: string, input: Static<typeof Decide>) {
  const loaded = await getReadableRequest(ctx, actor, id);
  const recipient = await recipientActingFor(ctx, actor, loaded, input.orgId);
  refuseIfClosed(loaded);
  if (recipient.status !== 'sent' && recipient.status !== 'acknowledged') {
    throw invalidTransition('A decision is taken on a request sent or acknowledged, once.');
  }
  const userId = actor.type === 'user' ? actor.userId : '';
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    const updated = await trx
      .updateTable('assistance_recipients')
      .set({
        status: input.decision,
        decision: input.decision,
        decision_reason: input.reason ?? null,
        decided_at: now,
        decided_by: userId,
        // Deciding on a request not yet acknowledged acknowledges it.
        acknowledged_at: sql<string>`coalesce(acknowledged_at, ${now})`,
        acknowledged_by: sql<string>`coalesce(acknowledged_by, ${userId})`,
        next_escalation_at: null,
        updated_at: now,
      })
      .where('request_id', '=', id)
      .where('org_id', '=', recipient.org_id)
      .where('status', '=', recipient.status)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw invalidTransition('The request changed meanwhile.');
    await insertThreadEntry(
      trx,
      {
        requestId: id,
        orgId: recipient.org_id,
        userId,
        kind: 'decision',
        toOrgId: null,
        body: input.reason ?? '',
      },
      now,
    );
    await touchRequest(trx, id, now);
    await recordAudit(trx, {
      actor,
      orgId: recipient.org_id,
      action: 'assistance_request.decided',
      subjectType: 'assistance_request',
      subjectId: id,
      summary: `"${recipient.org_name}" decided ${input.decision} on ${id} (${loaded.request.tlp})`,
    });
    await notifySender(ctx, trx, id, recipient.org_id, 'decided', {
      decision: input.decision,
      text: input.reason ?? null,
    });
  });
  return getRequest(ctx, actor, id);
}

/** Whether the actor writes as the sender: named so, or holding a POC entry of the sender organization. */
async function writesAsSender(
  ctx: AppContext,
  actor: Actor,
  loaded: LoadedRequest,
  orgId: string | undefined,
) {
  if (orgId !== undefined) return orgId === loaded.request.sender_org_id;
  if (actor.type !== 'user') return false;
  return (await findPocHolderUserIds(ctx.db, loaded.request.sender_org_id)).includes(actor.userId);
}

export async function postMessage(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Static<typeof PostMessage>,
) {
  const loaded = await getReadableRequest(ctx, actor, id);
  if (actor.type !== 'user') throw unauthenticated();
  const { request } = loaded;
  const isSender = await writesAsSender(ctx, actor, loaded, input.orgId);
  let fromOrgId: string;
  let toOrgId: string | null = null;
  let recipient: RecipientRow | undefined;
  if (isSender) {
    await authorizeActFor(ctx, actor, request.sender_org_id);
    fromOrgId = request.sender_org_id;
    if (input.toOrgId !== undefined) {
      if (!loaded.recipients.some((row) => row.org_id === input.toOrgId)) {
        throw unprocessable('not_a_recipient', 'toOrgId is not a recipient of this request.');
      }
      toOrgId = input.toOrgId;
    }
  } else {
    recipient = await recipientActingFor(ctx, actor, loaded, input.orgId);
    fromOrgId = recipient.org_id;
    if (input.toOrgId !== undefined && input.toOrgId !== request.sender_org_id) {
      throw unprocessable('invalid_addressee', 'A recipient writes to the sender only.');
    }
  }
  refuseIfClosed(loaded);
  guardPersonalData({ body: input.body }, input.personalDataConfirmed);
  const isResponse = input.isResponse === true;
  if (
    isResponse &&
    (!recipient || (recipient.status !== 'accepted' && recipient.status !== 'partially_accepted'))
  ) {
    throw invalidTransition('A response comes from a recipient that accepted the request.');
  }
  const attachments = decodeAttachments(ctx, input.attachments);
  const now = nowIso();
  const messageId = await inTransaction(ctx, async (trx) => {
    if (recipient && isResponse) {
      const updated = await trx
        .updateTable('assistance_recipients')
        .set({ status: 'responded', responded_at: now, updated_at: now })
        .where('request_id', '=', id)
        .where('org_id', '=', recipient.org_id)
        .where('status', 'in', ['accepted', 'partially_accepted'])
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw invalidTransition('The request changed meanwhile.');
    }
    const targets = isSender ? (toOrgId ? [toOrgId] : loaded.recipients.map((row) => row.org_id)) : [];
    if (isSender) {
      // The sender's answer to "more information needed" puts the recipient back to deciding.
      await trx
        .updateTable('assistance_recipients')
        .set({ status: 'acknowledged', updated_at: now })
        .where('request_id', '=', id)
        .where('org_id', 'in', targets)
        .where('status', '=', 'more_info_needed')
        .execute();
    }
    const messageId = await insertThreadEntry(
      trx,
      {
        requestId: id,
        orgId: fromOrgId,
        userId: actor.userId,
        kind: isResponse ? 'response' : 'message',
        toOrgId: isSender ? toOrgId : null,
        body: input.body,
      },
      now,
    );
    await insertAttachments(trx, id, messageId, attachments, now);
    await touchRequest(trx, id, now);
    await recordAudit(trx, {
      actor,
      orgId: fromOrgId,
      action: isResponse ? 'assistance_request.responded' : 'assistance_request.message_posted',
      subjectType: 'assistance_request',
      subjectId: id,
      summary: `${isResponse ? 'Response' : 'Message'} ${messageId} on ${id} (${request.tlp}) from ${
        isSender ? 'the sender' : `"${recipient?.org_name}"`
      }${isSender ? (toOrgId ? ` to ${toOrgId}` : ' to all recipients') : ''}${
        attachments.length ? ` with ${attachments.length} attachment(s)` : ''
      }`,
    });
    if (isSender) await notifyRecipients(ctx, trx, id, targets, 'message', input.body);
    else
      await notifySender(ctx, trx, id, fromOrgId, isResponse ? 'responded' : 'message', { text: input.body });
    return messageId;
  });
  return { messageId, request: await getRequest(ctx, actor, id) };
}

export async function closeRequest(ctx: AppContext, actor: Actor, id: string, input: Static<typeof Close>) {
  const loaded = await getReadableRequest(ctx, actor, id);
  if (actor.type !== 'user') throw unauthenticated();
  await authorizeActFor(ctx, actor, loaded.request.sender_org_id);
  refuseIfClosed(loaded);
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    const updated = await trx
      .updateTable('assistance_requests')
      .set({ closed_at: now, closure_note: input.note ?? null, updated_at: now })
      .where('id', '=', id)
      .where('closed_at', 'is', null)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) throw invalidTransition('The request is closed.');
    await trx
      .updateTable('assistance_recipients')
      .set({ status: 'closed', next_escalation_at: null, updated_at: now })
      .where('request_id', '=', id)
      .execute();
    await insertThreadEntry(
      trx,
      {
        requestId: id,
        orgId: loaded.request.sender_org_id,
        userId: actor.userId,
        kind: 'closure',
        toOrgId: null,
        body: input.note ?? '',
      },
      now,
    );
    await recordAudit(trx, {
      actor,
      orgId: loaded.request.sender_org_id,
      action: 'assistance_request.closed',
      subjectType: 'assistance_request',
      subjectId: id,
      summary: `${id} (${loaded.request.tlp}) closed by the sender`,
    });
    await notifyRecipients(
      ctx,
      trx,
      id,
      loaded.recipients.map((row) => row.org_id),
      'closed',
      input.note ?? null,
    );
  });
  return getRequest(ctx, actor, id);
}

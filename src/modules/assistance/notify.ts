import { canReceive, type RecordResource } from '../../core/access/index.ts';
import type { AppContext } from '../../core/context.ts';
import type { Trx } from '../../core/db/transaction.ts';
import { enqueueEmail, enqueueOrgEvent, notifyUsers } from '../../core/delivery/outbox.ts';
import { isUnLanguageCode, type UnLanguageCode } from '../../core/reference/languages.ts';
import { type CurrentPoc, hasUsableKey, mailLanguageOf } from '../contacts/index.ts';
import { findMembershipsOf, findUserLocales, type RequestRow } from './assistance.repository.ts';
import { isContentRestricted } from './audience.ts';
import { type Decision, type RequestStatus, requestStatusLabel } from './codes.ts';
import { type AssistanceEvent, buildAssistanceMail, inAppTitle } from './mail.ts';

/** Webhook event types, one per transition. */
const WEBHOOK_TYPES: Record<AssistanceEvent, string> = {
  sent: 'assistance_request.sent',
  escalated: 'assistance_request.escalated',
  escalated_sender: 'assistance_request.escalated',
  acknowledged: 'assistance_request.acknowledged',
  decided: 'assistance_request.decided',
  message: 'assistance_request.message_posted',
  responded: 'assistance_request.responded',
  closed: 'assistance_request.closed',
};

export interface AssistanceNotice {
  event: AssistanceEvent;
  /** The request as it is after the change. */
  request: RequestRow;
  /** Its audience after the change (an escalation names more people). */
  record: RecordResource;
  recipientOrgNames: readonly string[];
  /** The recipient organization the event concerns, with its name; null for all of them. */
  org: { id: string; name: string } | null;
  status: RequestStatus | null;
  /** POCs to write to; each is checked against the record before anything is queued. */
  mailTo: readonly CurrentPoc[];
  /** Users told in the app (metadata only). */
  inAppUserIds: readonly string[];
  /** Organizations whose webhooks hear of it; the worker checks the record again per endpoint. */
  webhookOrgIds: readonly string[];
  escalationLevel?: number;
  decision?: Decision | null;
  text?: string | null;
}

/** The request's page in the web app (web/src/modules/assistance/paths.ts), which mail and notifications link to. */
export function requestPath(id: string): string {
  return `/requests/${id}`;
}

function localeOf(locale: string | undefined): UnLanguageCode {
  const primary = locale?.split('-')[0]?.toLowerCase();
  return isUnLanguageCode(primary) ? primary : 'en';
}

/**
 * Tells everyone concerned about a transition, in the change's transaction: in the app and by webhook
 * with metadata only, and by e-mail to the POCs concerned, in each POC's language. A POC with a usable
 * OpenPGP key gets the content encrypted to that key; without one, an AMBER or RED request's mail carries
 * only the link and metadata.
 */
export async function notifyAssistance(ctx: AppContext, trx: Trx, notice: AssistanceNotice): Promise<void> {
  const { request, record } = notice;
  const path = requestPath(request.id);
  const link = `${ctx.config.publicUrl.replace(/\/$/, '')}${path}`;

  // Only people in the record's audience hear of it, even in the app.
  const userIds = [...new Set([...notice.inAppUserIds, ...notice.mailTo.map((poc) => poc.userId)])];
  const memberships = await findMembershipsOf(trx, userIds);
  const mayReceive = (userId: string) =>
    canReceive({ kind: 'user', userId, memberships: memberships.get(userId) ?? [] }, record);

  const inApp = [...new Set(notice.inAppUserIds)].filter(mayReceive);
  const locales = await findUserLocales(trx, inApp);
  const byLanguage = new Map<UnLanguageCode, string[]>();
  for (const userId of inApp) {
    const language = localeOf(locales.get(userId));
    byLanguage.set(language, [...(byLanguage.get(language) ?? []), userId]);
  }
  for (const [language, ids] of byLanguage) {
    await notifyUsers(trx, {
      userIds: ids,
      orgId: notice.org?.id ?? request.sender_org_id,
      topic: WEBHOOK_TYPES[notice.event],
      title: inAppTitle(notice.event, request, language),
      body: notice.status ? requestStatusLabel(notice.status, language) : '',
      link: path,
    });
  }

  for (const orgId of new Set(notice.webhookOrgIds)) {
    await enqueueOrgEvent(trx, {
      orgId,
      type: WEBHOOK_TYPES[notice.event],
      data: {
        id: request.id,
        type: request.type,
        tlp: request.tlp,
        senderOrgId: request.sender_org_id,
        ...(notice.org ? { recipientOrgId: notice.org.id } : {}),
        status: notice.status,
        acknowledgeBy: request.acknowledge_by,
        respondBy: request.respond_by,
        url: link,
      },
      record,
    });
  }

  const now = new Date();
  const addresses = new Set<string>();
  for (const poc of notice.mailTo) {
    const address = poc.email.toLowerCase();
    if (addresses.has(address) || !mayReceive(poc.userId)) continue;
    addresses.add(address);
    const isEncrypted = hasUsableKey(poc, now) && poc.openpgpKey !== null;
    const mail = buildAssistanceMail({
      language: mailLanguageOf(poc.languages),
      event: notice.event,
      request,
      recipientOrgNames: notice.recipientOrgNames,
      orgName: notice.org?.name ?? request.sender_org_name,
      status: notice.status,
      link,
      isFullContent: isEncrypted || !isContentRestricted(request.tlp),
      ...(notice.escalationLevel !== undefined ? { escalationLevel: notice.escalationLevel } : {}),
      ...(notice.decision !== undefined ? { decision: notice.decision } : {}),
      ...(notice.text !== undefined ? { text: notice.text } : {}),
    });
    await enqueueEmail(
      trx,
      { to: poc.email, ...mail, ...(isEncrypted && poc.openpgpKey ? { encryptTo: poc.openpgpKey } : {}) },
      { topic: WEBHOOK_TYPES[notice.event], orgId: poc.orgId },
    );
  }
}

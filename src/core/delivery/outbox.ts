import { newId, nowIso } from '../db/ids.ts';
import type { Trx } from '../db/transaction.ts';

/**
 * Writing side of delivery. Every function here runs inside the caller's transaction, so a message
 * exists exactly when the change it reports was committed. The worker (worker.ts) sends them.
 */

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

export async function enqueueEmail(
  trx: Trx,
  message: EmailMessage,
  meta: { topic: string; orgId?: string | null },
): Promise<string> {
  const id = newId('msg');
  const now = nowIso();
  await trx
    .insertInto('outbox')
    .values({
      id,
      channel: 'email',
      topic: meta.topic,
      org_id: meta.orgId ?? null,
      payload: JSON.stringify(message),
      status: 'pending',
      attempts: 0,
      next_attempt_at: now,
      lease_owner: null,
      lease_until: null,
      created_at: now,
      delivered_at: null,
      last_error: null,
    })
    .execute();
  return id;
}

export interface OrgEvent {
  orgId: string;
  /** Event type, e.g. `organization.member_added`; endpoints subscribe by type or `*`. */
  type: string;
  data: Record<string, unknown>;
}

/** One outbox message per active endpoint of the organization that subscribes to the event type. */
export async function enqueueOrgEvent(trx: Trx, event: OrgEvent): Promise<string[]> {
  const endpoints = await trx
    .selectFrom('webhook_endpoints')
    .select(['id', 'event_types'])
    .where('org_id', '=', event.orgId)
    .where('status', '=', 'active')
    .execute();
  const now = nowIso();
  const ids: string[] = [];
  for (const endpoint of endpoints) {
    const types = JSON.parse(endpoint.event_types) as string[];
    if (!types.includes('*') && !types.includes(event.type)) continue;
    const id = newId('msg');
    ids.push(id);
    await trx
      .insertInto('outbox')
      .values({
        id,
        channel: 'webhook',
        topic: event.type,
        org_id: event.orgId,
        payload: JSON.stringify({
          endpointId: endpoint.id,
          type: event.type,
          timestamp: now,
          data: event.data,
        }),
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        lease_owner: null,
        lease_until: null,
        created_at: now,
        delivered_at: null,
        last_error: null,
      })
      .execute();
  }
  return ids;
}

export interface InAppNotification {
  userIds: string[];
  orgId?: string | null;
  topic: string;
  title: string;
  body: string;
  link?: string | null;
}

/** In-app notifications are rows the recipient reads; they need no worker. */
export async function notifyUsers(trx: Trx, notification: InAppNotification): Promise<void> {
  if (notification.userIds.length === 0) return;
  const now = nowIso();
  await trx
    .insertInto('notifications')
    .values(
      notification.userIds.map((userId) => ({
        id: newId('ntf'),
        user_id: userId,
        org_id: notification.orgId ?? null,
        topic: notification.topic,
        title: notification.title,
        body: notification.body,
        link: notification.link ?? null,
        created_at: now,
        read_at: null,
      })),
    )
    .execute();
}

import { PostgresAdapter, sql } from 'kysely';
import type { RecordResource } from '../access/audience.ts';
import { newId, nowIso } from '../db/ids.ts';
import type { Trx } from '../db/transaction.ts';

/**
 * Writing side of delivery. Every function here runs inside the caller's transaction, so a message
 * exists exactly when the change it reports was committed. The worker (worker.ts) sends them.
 */

/** PostgreSQL channel on which committed outbox messages wake the workers of every app process. */
export const OUTBOX_CHANNEL = 'commonground_outbox';

export type OutboxChannel = 'email' | 'webhook';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * The recipient's ASCII-armored OpenPGP public key. When present, the body goes out encrypted to it and
   * signed with the instance key (PGP/MIME); subject and headers stay in clear, so put only a TLP label
   * and an id there. If the key cannot be used at send time the message fails; it is never sent in clear.
   */
  encryptTo?: string;
}

/** What an outbox row of the `webhook` channel carries: one event for one endpoint. */
export interface WebhookPayload {
  endpointId: string;
  type: string;
  /** When the event happened (ISO 8601); the body's `timestamp`. */
  timestamp: string;
  data: Record<string, unknown>;
  /** The labelled record the event reveals, checked again at send time against the endpoint's organization. */
  record?: RecordResource;
}

export const OUTBOX_CHANNELS: readonly OutboxChannel[] = ['email', 'webhook'];

// Messages this process has queued, per channel. The worker compares it with what it saw at its last
// claim to skip the claim query after commits that queued nothing, which are most of them. A rolled-back
// message counts too: it costs one claim that finds nothing.
const enqueuedCounts: Record<OutboxChannel, number> = { email: 0, webhook: 0 };

/** How many messages of the channel this process has queued since it started (see the worker). */
export function countLocalEnqueues(channel: OutboxChannel): number {
  return enqueuedCounts[channel];
}

// Transactions that already carry a NOTIFY: PostgreSQL folds repeats anyway, this saves the round trips.
const notifiedTransactions = new WeakSet<Trx>();

/**
 * On PostgreSQL, a NOTIFY inside the transaction is delivered at commit and never on rollback, so
 * workers in other app processes wake exactly for committed messages. SQLite has a single process.
 */
async function signalWorkers(trx: Trx): Promise<void> {
  if (notifiedTransactions.has(trx) || !(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  notifiedTransactions.add(trx);
  await sql`select pg_notify(${OUTBOX_CHANNEL}, '')`.execute(trx);
}

async function insertMessage(
  trx: Trx,
  message: { channel: OutboxChannel; topic: string; orgId: string | null; payload: unknown },
): Promise<string> {
  const id = newId('msg');
  const now = nowIso();
  await trx
    .insertInto('outbox')
    .values({
      id,
      channel: message.channel,
      topic: message.topic,
      org_id: message.orgId,
      payload: JSON.stringify(message.payload),
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
  enqueuedCounts[message.channel]++;
  await signalWorkers(trx);
  return id;
}

export async function enqueueEmail(
  trx: Trx,
  message: EmailMessage,
  meta: { topic: string; orgId?: string | null },
): Promise<string> {
  return insertMessage(trx, {
    channel: 'email',
    topic: meta.topic,
    orgId: meta.orgId ?? null,
    payload: message,
  });
}

export interface OrgEvent {
  orgId: string;
  /** Event type, e.g. `organization.member_added`; endpoints subscribe by type or `*`. */
  type: string;
  data: Record<string, unknown>;
  /** Set when the event reveals a labelled record: endpoints outside its audience do not get it. */
  record?: RecordResource;
}

/** One message for one endpoint, whatever it subscribes to (the `webhook.test` event uses this directly). */
export async function enqueueWebhookMessage(
  trx: Trx,
  endpoint: { id: string; orgId: string },
  event: { type: string; data: Record<string, unknown>; record?: RecordResource },
): Promise<string> {
  const payload: WebhookPayload = {
    endpointId: endpoint.id,
    type: event.type,
    timestamp: nowIso(),
    data: event.data,
    ...(event.record ? { record: event.record } : {}),
  };
  return insertMessage(trx, { channel: 'webhook', topic: event.type, orgId: endpoint.orgId, payload });
}

/** One outbox message per active endpoint of the organization that subscribes to the event type. */
export async function enqueueOrgEvent(trx: Trx, event: OrgEvent): Promise<string[]> {
  const endpoints = await trx
    .selectFrom('webhook_endpoints')
    .select(['id', 'event_types'])
    .where('org_id', '=', event.orgId)
    .where('status', '=', 'active')
    .execute();
  const ids: string[] = [];
  for (const endpoint of endpoints) {
    const types = JSON.parse(endpoint.event_types) as string[];
    if (!types.includes('*') && !types.includes(event.type)) continue;
    ids.push(
      await enqueueWebhookMessage(
        trx,
        { id: endpoint.id, orgId: event.orgId },
        {
          type: event.type,
          data: event.data,
          ...(event.record ? { record: event.record } : {}),
        },
      ),
    );
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

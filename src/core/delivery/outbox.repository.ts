import { type RawBuilder, sql } from 'kysely';
import type { Db, Dialect } from '../db/database.ts';
import type { OutboxTable } from '../db/tables.ts';
import type { OutboxChannel } from './outbox.ts';
import { PermanentDeliveryError } from './permanent-error.ts';

/** Queries of the reading side of the outbox: claiming due messages under a lease and recording outcomes. */

export type OutboxMessage = OutboxTable;

export function parsePayload<T>(message: OutboxMessage): T {
  try {
    return JSON.parse(message.payload) as T;
  } catch {
    throw new PermanentDeliveryError('The message payload is not valid JSON.');
  }
}

export interface ClaimRequest {
  owner: string;
  channel: OutboxChannel;
  limit: number;
  leaseMs: number;
  now?: Date;
}

/**
 * Leases up to `limit` due messages to `owner` and returns them with `attempts` already counted, so a
 * message that crashes its worker still runs out of attempts. A message whose lease ran out (its worker
 * died) is due again.
 *
 * Written as one SQL statement rather than with the query builder: it runs after every commit, and
 * building the nested query costs more than executing it. The outer conditions repeat the inner ones on
 * purpose: on PostgreSQL, a worker that waited on another's row lock re-checks them against the
 * committed row and leaves it alone; SKIP LOCKED makes concurrent workers pass over each other's rows.
 * Ordered by `next_attempt_at` alone so the `outbox_due (status, next_attempt_at)` index gives the order.
 */
export async function claimDueMessages(
  db: Db,
  dialect: Dialect,
  request: ClaimRequest,
): Promise<OutboxMessage[]> {
  const nowMillis = (request.now ?? new Date()).getTime();
  const now = new Date(nowMillis).toISOString();
  const leaseUntil = new Date(nowMillis + request.leaseMs).toISOString();
  const skipLocked = dialect === 'postgres' ? sql` for update skip locked` : sql``;
  const { rows } = await sql<OutboxMessage>`
    update outbox
    set lease_owner = ${request.owner}, lease_until = ${leaseUntil}, attempts = attempts + 1
    where id in (
      select id from outbox
      where status = 'pending' and channel = ${request.channel} and next_attempt_at <= ${now}
        and (lease_until is null or lease_until < ${now})
      order by next_attempt_at
      limit ${request.limit}${skipLocked}
    )
    and status = 'pending' and (lease_until is null or lease_until < ${now})
    returning *`.execute(db);
  return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * What the outbox keeps of a sent e-mail: its body may hold live single-use links, so only the recipient
 * and subject stay. Done in SQL so that a whole batch of deliveries is recorded in one statement.
 */
function redactedPayload(dialect: Dialect): RawBuilder<string> {
  const redacted =
    dialect === 'postgres'
      ? sql`((payload::jsonb - 'text' - 'html' - 'encryptTo') || '{"isRedacted": true}'::jsonb)::text`
      : sql`json_set(json_remove(payload, '$.text', '$.html', '$.encryptTo'), '$.isRedacted', json('true'))`;
  return sql<string>`case when channel = 'email' then ${redacted} else payload end`;
}

/**
 * Records a batch of sent messages as delivered. Outcome updates only touch messages this worker still
 * holds, never one that another worker re-leased after our lease ran out.
 */
export async function markDelivered(
  db: Db,
  dialect: Dialect,
  ids: readonly string[],
  owner: string,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set({
      status: 'delivered',
      delivered_at: new Date().toISOString(),
      lease_owner: null,
      lease_until: null,
      last_error: null,
      payload: redactedPayload(dialect),
    })
    .where('id', 'in', ids)
    .where('lease_owner', '=', owner)
    .execute();
}

export async function scheduleRetry(
  db: Db,
  message: OutboxMessage,
  owner: string,
  error: string,
  nextAttemptAt: Date,
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      next_attempt_at: nextAttemptAt.toISOString(),
      lease_owner: null,
      lease_until: null,
      last_error: error,
    })
    .where('id', '=', message.id)
    .where('lease_owner', '=', owner)
    .where('status', '=', 'pending')
    .execute();
}

export async function markDead(
  db: Db,
  dialect: Dialect,
  message: OutboxMessage,
  owner: string,
  error: string,
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      status: 'dead',
      lease_owner: null,
      lease_until: null,
      last_error: error,
      payload: redactedPayload(dialect),
    })
    .where('id', '=', message.id)
    .where('lease_owner', '=', owner)
    .execute();
}

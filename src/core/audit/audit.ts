import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { newId, nowIso } from '../db/ids.ts';
import type { AuditEventsTable, Database } from '../db/tables.ts';
import type { Trx } from '../db/transaction.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntry {
  actor: Actor;
  orgId?: string | null;
  /** `<subject>.<verb>`, e.g. `organization.verified`. */
  action: string;
  subjectType: string;
  subjectId?: string | null;
  summary: string;
}

export function actorLabel(actor: Actor): string {
  if (actor.type === 'user') return actor.email;
  if (actor.type === 'system') return `system:${actor.label}`;
  if (actor.type === 'link_holder') return `link:${actor.grant.kind}:${actor.grant.id}`;
  return 'anonymous';
}

type HashedFields = Omit<AuditEventsTable, 'hash'>;

/** The hash covers every field and the previous hash, so any edit, insertion or deletion breaks the chain. */
export function computeAuditHash(event: HashedFields): string {
  const canonical = JSON.stringify([
    event.seq,
    event.id,
    event.at,
    event.actor_user_id,
    event.actor_label,
    event.org_id,
    event.action,
    event.subject_type,
    event.subject_id,
    event.summary,
    event.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * Appends an event inside the caller's transaction. The UPDATE … RETURNING on the single head row takes
 * a row lock on PostgreSQL (SQLite serialises writers anyway), so concurrent writers from any number of
 * processes extend the chain one at a time and never fork it.
 */
export async function recordAudit(trx: Trx, entry: AuditEntry): Promise<string> {
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ last_seq: eb('last_seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['last_seq', 'last_hash'])
    .executeTakeFirstOrThrow();
  const fields: HashedFields = {
    seq: head.last_seq,
    id: newId('aud'),
    at: nowIso(),
    actor_user_id: entry.actor.type === 'user' ? entry.actor.userId : null,
    actor_label: actorLabel(entry.actor),
    org_id: entry.orgId ?? null,
    action: entry.action,
    subject_type: entry.subjectType,
    subject_id: entry.subjectId ?? null,
    summary: entry.summary,
    prev_hash: head.last_hash,
  };
  const hash = computeAuditHash(fields);
  await trx
    .insertInto('audit_events')
    .values({ ...fields, hash })
    .execute();
  await trx.updateTable('audit_head').set({ last_hash: hash }).where('id', '=', 1).execute();
  return fields.id;
}

export interface AuditVerification {
  isIntact: boolean;
  eventCount: number;
  firstBroken?: { seq: number; id: string | null; reason: string };
}

/** Recomputes the whole chain in batches and names the first event that breaks it. */
export async function verifyAuditChain(db: Kysely<Database>, batchSize = 2000): Promise<AuditVerification> {
  let previousHash = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    for (const row of rows) {
      const broken = (reason: string): AuditVerification => ({
        isIntact: false,
        eventCount: count,
        firstBroken: { seq: row.seq, id: row.id, reason },
      });
      if (row.seq !== expectedSeq) {
        return {
          isIntact: false,
          eventCount: count,
          firstBroken: { seq: expectedSeq, id: null, reason: `event ${expectedSeq} is missing` },
        };
      }
      if (row.prev_hash !== previousHash)
        return broken('its previous hash does not match the event before it');
      if (computeAuditHash(row) !== row.hash) return broken('its content does not match its hash');
      previousHash = row.hash;
      expectedSeq++;
      count++;
    }
    if (rows.length < batchSize) break;
  }
  const head = await db.selectFrom('audit_head').selectAll().where('id', '=', 1).executeTakeFirst();
  if (head && (head.last_seq !== count || head.last_hash !== previousHash)) {
    return {
      isIntact: false,
      eventCount: count,
      firstBroken: {
        seq: count + 1,
        id: null,
        reason: `the chain ends at event ${count} but its head records ${head.last_seq} events: events were removed from the end`,
      },
    };
  }
  return { isIntact: true, eventCount: count };
}

import type { Db } from '../../../core/db/database.ts';
import type { Trx } from '../../../core/db/transaction.ts';
import { RECONFIRM_PURPOSE, reconfirmPayload } from '../entries/entries.repository.ts';

type Reader = Db | Trx;

/**
 * Entries whose validity ends by `before` and whose reminder has not gone out, held by a current member
 * with an account not disabled: a reminder's link could not confirm any other (the entry goes stale and
 * its organization's admins hear of it instead).
 */
export function findEntriesDueForReminder(db: Reader, before: string, limit: number) {
  return db
    .selectFrom('poc_entries as p')
    .innerJoin('memberships as m', (join) =>
      join.onRef('m.org_id', '=', 'p.org_id').onRef('m.user_id', '=', 'p.user_id'),
    )
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .select('p.id')
    .where('p.removed_at', 'is', null)
    .where('p.reminder_sent_at', 'is', null)
    .where('p.valid_until', '<=', before)
    .where('u.disabled_at', 'is', null)
    .orderBy('p.valid_until')
    .limit(limit)
    .execute();
}

/** Entries past their validity whose organization's admins have not been told. */
export function findEntriesDueForEscalation(db: Reader, now: string, limit: number) {
  return db
    .selectFrom('poc_entries')
    .select('id')
    .where('removed_at', 'is', null)
    .where('expiry_escalated_at', 'is', null)
    .where('valid_until', '<=', now)
    .orderBy('valid_until')
    .limit(limit)
    .execute();
}

/**
 * Marks a column of an entry as done (`reminder_sent_at` or `expiry_escalated_at`) if no one did it first:
 * the claim that makes a job safe to run in several processes at once. True when this call claimed it.
 */
export async function claimEntry(
  trx: Trx,
  id: string,
  column: 'reminder_sent_at' | 'expiry_escalated_at',
  now: string,
): Promise<boolean> {
  const claimed = await trx
    .updateTable('poc_entries')
    .set(column === 'reminder_sent_at' ? { reminder_sent_at: now } : { expiry_escalated_at: now })
    .where('id', '=', id)
    .where('removed_at', 'is', null)
    .where(column, 'is', null)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

export async function insertReconfirmLink(
  trx: Trx,
  fields: {
    id: string;
    tokenHash: string;
    pocId: string;
    userId: string;
    email: string;
    createdAt: string;
    expiresAt: string;
  },
): Promise<void> {
  await trx
    .insertInto('one_time_tokens')
    .values({
      id: fields.id,
      purpose: RECONFIRM_PURPOSE,
      token_hash: fields.tokenHash,
      user_id: fields.userId,
      email: fields.email,
      payload: reconfirmPayload(fields.pocId),
      created_at: fields.createdAt,
      expires_at: fields.expiresAt,
      used_at: null,
    })
    .execute();
}

export function findReconfirmLink(db: Reader, tokenHash: string) {
  return db
    .selectFrom('one_time_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('purpose', '=', RECONFIRM_PURPOSE)
    .executeTakeFirst();
}

/** Uses the link once: false when another request used it first. */
export async function useReconfirmLink(trx: Trx, id: string, now: string): Promise<boolean> {
  const used = await trx
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(used.numUpdatedRows) === 1;
}

/** The organization's active admins with the language of their accounts. */
export function findAdminsWithLocale(db: Reader, orgId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.locale'])
    .where('memberships.org_id', '=', orgId)
    .where('memberships.role', '=', 'org_admin')
    .where('users.disabled_at', 'is', null)
    .orderBy('users.id')
    .execute();
}

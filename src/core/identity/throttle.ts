import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';
import { AppError } from '../http/errors.ts';

/**
 * Login throttling, kept in the database so it holds across any number of app processes.
 * Per account: free attempts, then a delay doubling with each further failure, capped.
 * Per client address: a larger allowance, so one address cannot spray many accounts.
 */
const POLICIES = {
  account: { freeFailures: 5, maxDelaySeconds: 900 },
  address: { freeFailures: 30, maxDelaySeconds: 900 },
} as const;

export function throttleKeys(
  email: string,
  ip: string | null,
): { key: string; policy: keyof typeof POLICIES }[] {
  return [
    { key: `account:${email}`, policy: 'account' },
    ...(ip ? [{ key: `address:${ip}`, policy: 'address' as const }] : []),
  ];
}

export async function assertNotThrottled(db: Kysely<Database>, keys: { key: string }[]): Promise<void> {
  const rows = await db
    .selectFrom('login_attempts')
    .select(['locked_until'])
    .where(
      'key',
      'in',
      keys.map((k) => k.key),
    )
    .execute();
  const now = Date.now();
  const waits = rows
    .map((row) => (row.locked_until ? Date.parse(row.locked_until) - now : 0))
    .filter((ms) => ms > 0);
  if (waits.length > 0) {
    const seconds = Math.ceil(Math.max(...waits) / 1000);
    throw new AppError(
      429,
      'too_many_attempts',
      `Too many failed sign-ins; try again in ${seconds} seconds.`,
      {
        headers: { 'retry-after': String(seconds) },
        extra: { retryAfterSeconds: seconds },
      },
    );
  }
}

export async function recordLoginFailure(
  db: Kysely<Database>,
  keys: { key: string; policy: keyof typeof POLICIES }[],
): Promise<void> {
  const now = new Date();
  for (const { key, policy } of keys) {
    const { freeFailures, maxDelaySeconds } = POLICIES[policy];
    const existing = await db
      .selectFrom('login_attempts')
      .select('failures')
      .where('key', '=', key)
      .executeTakeFirst();
    const failures = (existing?.failures ?? 0) + 1;
    const over = failures - freeFailures;
    const lockedUntil =
      over >= 0 ? new Date(now.getTime() + Math.min(2 ** over, maxDelaySeconds) * 1000).toISOString() : null;
    await db
      .insertInto('login_attempts')
      .values({ key, failures, last_failure_at: now.toISOString(), locked_until: lockedUntil })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet({ failures, last_failure_at: now.toISOString(), locked_until: lockedUntil }),
      )
      .execute();
  }
}

export async function clearLoginFailures(db: Kysely<Database>, email: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('key', '=', `account:${email}`).execute();
}

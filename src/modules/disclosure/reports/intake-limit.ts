import { createHmac } from 'node:crypto';
import type { AppContext } from '../../../core/context.ts';
import { AppError } from '../../../core/http/errors.ts';

const HOUR = 3_600_000;

/**
 * Counts a submission against the client address's hourly allowance (DISCLOSURE_REPORTS_PER_HOUR, across
 * every app process), or refuses it with 429. The address
 * is kept only as a keyed hash with the hour, so the table says nothing about who reported.
 */
export async function countIntake(ctx: AppContext, address: string, now = Date.now()): Promise<void> {
  const hour = Math.floor(now / HOUR);
  const key = createHmac('sha256', ctx.signingKey).update(`intake:${address}:${hour}`).digest('hex');
  const expiresAt = new Date((hour + 1) * HOUR).toISOString();
  const row = await ctx.db
    .insertInto('disclosure_intake_counters')
    .values({ key, count: 1, expires_at: expiresAt })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({ count: eb('disclosure_intake_counters.count', '+', 1) })),
    )
    .returning('count')
    .executeTakeFirstOrThrow();
  if (row.count === 1) {
    // First submission of this address this hour: sweep the previous hours' counters.
    await ctx.db
      .deleteFrom('disclosure_intake_counters')
      .where('expires_at', '<=', new Date(now).toISOString())
      .execute();
  }
  const allowance = ctx.config.disclosureReportsPerHour;
  if (row.count > allowance) {
    const seconds = Math.ceil(((hour + 1) * HOUR - now) / 1000);
    throw new AppError(
      429,
      'too_many_reports',
      `This address has sent ${allowance} reports this hour; try again in ${seconds} seconds.`,
      { headers: { 'retry-after': String(seconds) }, extra: { retryAfterSeconds: seconds } },
    );
  }
}

/**
 * How long a confirmation holds and how an entry's age reads. Trusted Introducer has its teams re-approve
 * their data every four months; the directory asks the same of points of contact.
 */

export const VALIDITY_MONTHS = 4;
/** An entry this close to the end of its validity shows as `expiring`. */
export const EXPIRING_WITHIN_DAYS = 30;
/** The reminder with a reconfirm link goes out this long before the validity ends. */
export const REMINDER_BEFORE_DAYS = 14;

export const FRESHNESS_STATES = ['fresh', 'expiring', 'stale'] as const;
export type Freshness = (typeof FRESHNESS_STATES)[number];

const DAY_MS = 86_400_000;

/**
 * The same instant `months` calendar months later (UTC); a day that the target month lacks becomes its
 * last day, so 31 October plus four months is 28 (or 29) February, not 3 March.
 */
export function addCalendarMonths(from: Date, months: number): Date {
  const target = new Date(from.getTime());
  const day = from.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

/** The end of the validity a confirmation made at `confirmedAt` gives. */
export function validUntilFrom(confirmedAt: Date): Date {
  return addCalendarMonths(confirmedAt, VALIDITY_MONTHS);
}

export function freshnessOf(validUntil: string, now: Date): Freshness {
  const end = Date.parse(validUntil);
  if (end <= now.getTime()) return 'stale';
  if (end - now.getTime() <= EXPIRING_WITHIN_DAYS * DAY_MS) return 'expiring';
  return 'fresh';
}

/** The bounds of a freshness state as ISO instants, for a `valid_until` range query. */
export function validUntilRange(freshness: Freshness, now: Date): { after?: string; atOrBefore?: string } {
  const nowIso = now.toISOString();
  const expiringEdge = new Date(now.getTime() + EXPIRING_WITHIN_DAYS * DAY_MS).toISOString();
  switch (freshness) {
    case 'stale':
      return { atOrBefore: nowIso };
    case 'expiring':
      return { after: nowIso, atOrBefore: expiringEdge };
    case 'fresh':
      return { after: expiringEdge };
  }
}

export function daysBetween(earlier: string, later: Date): number {
  return (later.getTime() - Date.parse(earlier)) / DAY_MS;
}

export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

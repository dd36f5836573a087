/** How a duration reads best: hours below two days, days from then on. */
export type Duration = { unit: 'hour' | 'day'; value: number };

const round1 = (value: number) => Math.round(value * 10) / 10;

export function durationFromHours(hours: number): Duration {
  return hours < 48 ? { unit: 'hour', value: round1(hours) } : { unit: 'day', value: round1(hours / 24) };
}

export function durationFromDays(days: number): Duration {
  return durationFromHours(days * 24);
}

/** "2 hours", "3.5 days", "٣٫٥ أيام": a duration in the reader's language, with its own plural rules. */
export function formatDuration(duration: Duration, locale: string): string {
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: duration.unit,
    unitDisplay: 'long',
    maximumFractionDigits: 1,
  }).format(duration.value);
}

/** A share as a whole percentage ("67 %"), or null when there is nothing to divide by. */
export function formatShare(part: number, whole: number, locale: string): string | null {
  if (whole <= 0) return null;
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(part / whole);
}

export type Bar = { key: string; count: number; share: number };

/**
 * Counts as bars: each with its share of the largest count (for the bar's length), in the given order
 * first and any other keys after it, largest first. Keys with no count are left out.
 */
export function barsOf(counts: Readonly<Record<string, number>>, order: readonly string[] = []): Bar[] {
  const known = order.filter((key) => (counts[key] ?? 0) > 0);
  const others = Object.keys(counts)
    .filter((key) => !order.includes(key) && (counts[key] ?? 0) > 0)
    .sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b));
  const keys = [...known, ...others];
  const largest = Math.max(0, ...keys.map((key) => counts[key] ?? 0));
  return keys.map((key) => {
    const count = counts[key] ?? 0;
    return { key, count, share: largest > 0 ? count / largest : 0 };
  });
}

/** A period as the API takes it: a year (2026), a half (2026-H1) or a quarter (2026-Q1). */
export const PERIOD_PATTERN = /^\d{4}(-(H[12]|Q[1-4]))?$/;

/** The period typed, tidied (spaces dropped, letters upper-case), or null when it is not one. */
export function normalizePeriod(text: string): string | null {
  const period = text.replace(/\s+/g, '').toUpperCase();
  return PERIOD_PATTERN.test(period) ? period : null;
}

/** A whole count typed into a field, or null for anything else (negative, fractional, too large). */
export function parseCount(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,7}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= 1_000_000 ? value : null;
}

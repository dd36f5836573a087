import type { WorkingHours } from './types.ts';

/** An OpenPGP fingerprint in groups of four, as people read them out over the phone. */
export function groupFingerprint(fingerprint: string): string {
  return (
    fingerprint
      .replace(/\s+/g, '')
      .toUpperCase()
      .match(/.{1,4}/g) ?? []
  ).join(' ');
}

/**
 * A BCP 47 tag in canonical form (`EN-us` → `en-US`), or null when it is not one. Like the server, it
 * asks for an ISO 639 primary subtag: BCP 47 also admits forms (`x-…`, `english`) that name no language.
 */
export function canonicalLanguageTag(input: string): string | null {
  const tag = input.trim();
  if (!tag) return null;
  let canonical: string | undefined;
  try {
    canonical = Intl.getCanonicalLocales(tag)[0];
  } catch {
    return null;
  }
  return canonical && /^[a-z]{2,3}(-|$)/.test(canonical) ? canonical : null;
}

/** The primary language subtag of a tag (`fr-CA` → `fr`), which the directory filter takes. */
export const primaryLanguage = (tag: string) => tag.split('-')[0]?.toLowerCase() ?? tag;

const WEEKDAY_NUMBERS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** The ISO weekday and minute of the day at `at` in `timeZone`; null for a zone the browser does not know. */
export function localClock(at: Date, timeZone: string): { weekday: number; minutes: number } | null {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(at);
  } catch {
    return null;
  }
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  const weekday = WEEKDAY_NUMBERS[part('weekday')];
  const hour = Number(part('hour')) % 24;
  const minute = Number(part('minute'));
  if (!weekday || Number.isNaN(hour) || Number.isNaN(minute)) return null;
  return { weekday, minutes: hour * 60 + minute };
}

const minutesOf = (clock: string) => {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
};

/**
 * Whether `weekday`/`minutes` (local to the contact) fall within its working hours. An end before the
 * start runs past midnight: those hours belong to the day they started on.
 */
export function isWithinHours(hours: WorkingHours, weekday: number, minutes: number): boolean {
  const start = minutesOf(hours.start);
  const end = minutesOf(hours.end);
  if (start < end) return hours.days.includes(weekday) && minutes >= start && minutes < end;
  const previousDay = weekday === 1 ? 7 : weekday - 1;
  return (
    (hours.days.includes(weekday) && minutes >= start) || (hours.days.includes(previousDay) && minutes < end)
  );
}

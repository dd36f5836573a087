// Times of a case are shown in the viewer's own zone WITH the zone named, and deadlines in UTC too, because
// participants sit in many zones and an embargo that ends "at 18:00" must not be read in the wrong one.
// The API speaks UTC; an end typed into a form is wall-clock time in the viewer's zone, converted here.

/** The viewer's IANA time zone (Europe/Paris), as the browser knows it. */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Formatters are costly to build and a case page shows hundreds of times: build each once. */
function formatterOf(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

const DATE_TIME: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
};
const DATE_ONLY: Intl.DateTimeFormatOptions = { year: 'numeric', month: 'short', day: 'numeric' };
const TIME_ONLY: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', timeZoneName: 'short' };

function parse(iso: string): Date | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "1 Dec 2026, 18:00 CET": the date and time in `timeZone`, with the zone named. */
export function formatZoned(iso: string, locale: string, timeZone: string): string {
  const date = parse(iso);
  return date ? formatterOf(locale, { ...DATE_TIME, timeZone }).format(date) : iso;
}

/** "1 Dec 2026": the calendar date in `timeZone`. */
export function formatZonedDate(iso: string, locale: string, timeZone: string): string {
  const date = parse(iso);
  return date ? formatterOf(locale, { ...DATE_ONLY, timeZone }).format(date) : iso;
}

/** The day of an instant in a zone, as YYYY-MM-DD, to compare days across zones. */
function dayIn(date: Date, timeZone: string): string {
  const parts = formatterOf('en-CA', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone,
  }).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The same instant in UTC, for the parentheses after a local time: "17:00 UTC" when the UTC day is the
 * viewer's day, "2 Dec 2026, 01:00 UTC" when it is not; null when the viewer's zone is UTC itself.
 */
export function formatUtcCompanion(iso: string, locale: string, timeZone: string): string | null {
  const date = parse(iso);
  if (!date || isUtcZone(timeZone)) return null;
  const isSameDay = dayIn(date, timeZone) === dayIn(date, 'UTC');
  return formatterOf(locale, { ...(isSameDay ? TIME_ONLY : DATE_TIME), timeZone: 'UTC' }).format(date);
}

function isUtcZone(timeZone: string): boolean {
  return ['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Etc/Zulu'].includes(timeZone);
}

/** The zone's short name at an instant in the given language ("CET", "GMT+1"). */
export function zoneName(iso: string | number, locale: string, timeZone: string): string {
  const date = new Date(iso);
  const parts = formatterOf(locale, { hour: 'numeric', timeZoneName: 'short', timeZone }).formatToParts(
    Number.isNaN(date.getTime()) ? new Date() : date,
  );
  return parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/** Minutes east of UTC of `timeZone` at the instant `at` (60 for Paris in winter). */
export function offsetMinutes(at: number, timeZone: string): number {
  const parts = formatterOf('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(at));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wallClock = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return Math.round((wallClock - Math.floor(at / 1000) * 1000) / 60_000);
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The UTC instant of a wall-clock time typed in a `datetime-local` field ("2026-12-01T18:00"), read in
 * `timeZone`. A time skipped by a change to summer time is moved forward by the gap, as clocks are; a time
 * that occurs twice when clocks go back is the first. Null when the text is not such a time.
 */
export function localInputToIso(value: string, timeZone: string): string | null {
  const match = LOCAL_INPUT.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wallClock = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wallClock);
  // Date.UTC rolls 31 April over into May; a time that does not exist on the calendar is refused instead.
  if (
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    check.getUTCHours() !== hour ||
    check.getUTCMinutes() !== minute
  ) {
    return null;
  }
  // Near a change of clocks the offset differs on either side: try the offsets of the day before, the day
  // after and the moment itself, and keep the readings that give back the wall-clock time.
  const offsets = [wallClock - 86_400_000, wallClock, wallClock + 86_400_000].map((at) =>
    offsetMinutes(at, timeZone),
  );
  const readings = [...new Set(offsets)].map((offset) => wallClock - offset * 60_000);
  const exact = readings.filter((at) => at + offsetMinutes(at, timeZone) * 60_000 === wallClock);
  const instant = exact.length > 0 ? Math.min(...exact) : Math.max(...readings);
  return new Date(instant).toISOString();
}

/** The `datetime-local` value ("2026-12-01T18:00") of an instant in `timeZone`, to prefill a field. */
export function isoToLocalInput(iso: string, timeZone: string): string {
  const date = parse(iso);
  if (!date) return '';
  const local = new Date(date.getTime() + offsetMinutes(date.getTime(), timeZone) * 60_000);
  return local.toISOString().slice(0, 16);
}

/** A `datetime-local` value `days` from `now` at 17:00 in the zone: a sensible default for an end. */
export function defaultLocalInput(now: number, days: number, timeZone: string): string {
  const day = isoToLocalInput(new Date(now + days * 86_400_000).toISOString(), timeZone).slice(0, 10);
  return `${day}T17:00`;
}

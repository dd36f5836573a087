import type { Urgency } from './types.ts';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** How long recipients have to acknowledge and to respond, by urgency; the sender may change both. */
export const DEADLINE_OFFSETS: Record<Urgency, { acknowledge: number; respond: number }> = {
  immediate: { acknowledge: 2 * HOUR, respond: 24 * HOUR },
  priority: { acknowledge: 8 * HOUR, respond: 72 * HOUR },
  routine: { acknowledge: 48 * HOUR, respond: 14 * DAY },
};

const pad = (value: number) => String(value).padStart(2, '0');

/** A moment as a `datetime-local` value (YYYY-MM-DDTHH:mm) in the viewer's own time zone. */
export function toLocalInput(moment: Date): string {
  return (
    `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}` +
    `T${pad(moment.getHours())}:${pad(moment.getMinutes())}`
  );
}

/** A `datetime-local` value, read in the viewer's time zone, as an ISO 8601 UTC timestamp; '' if invalid. */
export function localInputToIso(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return '';
  const moment = new Date(value);
  return Number.isNaN(moment.getTime()) ? '' : moment.toISOString();
}

/** The deadlines an urgency suggests, counted from `now`, as `datetime-local` values. */
export function suggestedDeadlines(
  urgency: Urgency,
  now: Date,
): { acknowledgeBy: string; respondBy: string } {
  const offsets = DEADLINE_OFFSETS[urgency];
  return {
    acknowledgeBy: toLocalInput(new Date(now.getTime() + offsets.acknowledge)),
    respondBy: toLocalInput(new Date(now.getTime() + offsets.respond)),
  };
}

/** The unit a relative time reads best in: minutes under 90 minutes, hours under two days, then days. */
export function relativeParts(target: Date, now: Date): { value: number; unit: 'minute' | 'hour' | 'day' } {
  const difference = target.getTime() - now.getTime();
  const size = Math.abs(difference);
  if (size < 90 * 60 * 1000) return { value: Math.round(difference / (60 * 1000)), unit: 'minute' };
  if (size < 2 * DAY) return { value: Math.round(difference / HOUR), unit: 'hour' };
  return { value: Math.round(difference / DAY), unit: 'day' };
}

/** "in 3 hours", "2 days ago", in the given locale. */
export function formatRelative(iso: string, now: Date, locale: string): string {
  const target = new Date(iso);
  if (Number.isNaN(target.getTime())) return '';
  const { value, unit } = relativeParts(target, now);
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(value, unit);
}

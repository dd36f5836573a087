import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formattingLocale } from '../../../lib/dates.tsx';

/**
 * Meeting times in the viewer's own time zone, with the zone's name, so a delegate in Nairobi and one
 * in New York each read their own clock and know which clock it is.
 */
export function useMeetingTimes() {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  return useMemo(() => {
    const withZone = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    const timeZone = withZone.resolvedOptions().timeZone || 'UTC';
    const formatRange = (startsAt: string, endsAt: string): string => {
      const start = new Date(startsAt);
      const end = new Date(endsAt);
      if (Number.isNaN(start.getTime())) return startsAt;
      if (Number.isNaN(end.getTime()) || end <= start) return withZone.format(start);
      return withZone.formatRange(start, end);
    };
    return { timeZone, formatRange, formatStart: (iso: string) => formatRange(iso, iso) };
  }, [locale]);
}

type MeetingTimeProps = { startsAt: string; endsAt: string };

/** When a meeting takes place, as a range in the viewer's zone: "Mon, 8 Mar 2027, 15:00 – 18:00 CET". */
export function MeetingTime({ startsAt, endsAt }: MeetingTimeProps) {
  const { formatRange } = useMeetingTimes();
  return <time dateTime={startsAt}>{formatRange(startsAt, endsAt)}</time>;
}

/** Whether a meeting has ended, so nobody is offered a place on its speakers' list. */
export const isMeetingOver = (endsAt: string, now = Date.now()): boolean => new Date(endsAt).getTime() <= now;

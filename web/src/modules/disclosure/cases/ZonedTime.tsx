import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formattingLocale } from '../../../lib/dates.tsx';
import { formatUtcCompanion, formatZoned, viewerTimeZone, zoneName } from './times.ts';

/** Formatting of case times in the UI language and the viewer's own zone, which is named each time. */
export function useCaseTimes() {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  return useMemo(() => {
    const timeZone = viewerTimeZone();
    return {
      locale,
      timeZone,
      /** "1 Dec 2026, 18:00 CET" */
      local: (iso: string) => formatZoned(iso, locale, timeZone),
      /** "17:00 UTC", or null for a viewer in UTC. */
      utc: (iso: string) => formatUtcCompanion(iso, locale, timeZone),
      /** "1 Dec 2026, 17:00 UTC": the full date and time in UTC. */
      utcFull: (iso: string) => formatZoned(iso, locale, 'UTC'),
      /** "CET": the zone's short name at that instant (it changes with summer time). */
      zone: (iso: string | number) => zoneName(iso, locale, timeZone),
    };
  }, [locale]);
}

type ZonedTimeProps = {
  value: string | null | undefined;
  /** Adds the same instant in UTC, for deadlines that people in other zones must meet. */
  withUtc?: boolean;
  emptyText?: string;
};

/** A <time> in the viewer's zone with the zone named: "1 Dec 2026, 18:00 CET (17:00 UTC)". */
export function ZonedTime({ value, withUtc = false, emptyText = '—' }: ZonedTimeProps) {
  const times = useCaseTimes();
  if (!value) return <span>{emptyText}</span>;
  const utc = withUtc ? times.utc(value) : null;
  return (
    <span className="cg-case-time">
      <time dateTime={value}>{times.local(value)}</time>
      {utc && <span className="cg-muted"> ({utc})</span>}
    </span>
  );
}

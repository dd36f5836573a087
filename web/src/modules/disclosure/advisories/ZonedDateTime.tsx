import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formattingLocale } from '../../../lib/dates.tsx';

const FIELDS: Intl.DateTimeFormatOptions = {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZoneName: 'short',
};

/**
 * A deadline in the viewer's zone with the zone named, and the same instant in UTC for readers elsewhere:
 * "1 Dec 2026, 18:00 CET (1 Dec 2026, 17:00 UTC)". An embargo's end must not be read in the wrong zone.
 */
export function ZonedDateTime({ value }: { value: string }) {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  const formatted = useMemo(() => {
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) return { local: value, utc: null };
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
    const local = new Intl.DateTimeFormat(locale, { ...FIELDS, timeZone: zone }).format(date);
    const isUtc = zone === 'UTC' || zone === 'Etc/UTC';
    const utc = isUtc ? null : new Intl.DateTimeFormat(locale, { ...FIELDS, timeZone: 'UTC' }).format(date);
    return { local, utc };
  }, [value, locale]);
  return (
    <span className="cg-nowrap-parts">
      <time dateTime={value}>{formatted.local}</time>
      {formatted.utc && <span className="cg-muted"> ({formatted.utc})</span>}
    </span>
  );
}

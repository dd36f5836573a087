import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formattingLocale } from '../../../lib/dates.tsx';

const YEAR = /^(\d{4})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Formatters for calendar dates ("2013-12-03", "2018-05", "2018"): days, months and years that
 * happened everywhere at once. They are shown as written, never moved into the viewer's time zone,
 * which would turn 1 January into 31 December west of Greenwich.
 */
export function calendarFormatters(locale: string) {
  const year = new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  const shortMonth = new Intl.DateTimeFormat(locale, { year: '2-digit', month: 'short', timeZone: 'UTC' });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const at = (y: string, m = '01', d = '01') => Date.UTC(Number(y), Number(m) - 1, Number(d));
  return {
    /** A year, a month or a day, with as much precision as the value has. */
    formatCalendarDate: (value: string) => {
      const asDay = DAY.exec(value);
      if (asDay) return day.format(at(asDay[1]!, asDay[2], asDay[3]));
      const asMonth = MONTH.exec(value);
      if (asMonth) return month.format(at(asMonth[1]!, asMonth[2]));
      const asYear = YEAR.exec(value);
      if (asYear) return year.format(at(asYear[1]!));
      return value;
    },
    /** A month ("2026-03") in few characters, for chart labels. */
    formatShortMonth: (value: string) => {
      const asMonth = MONTH.exec(value);
      return asMonth ? shortMonth.format(at(asMonth[1]!, asMonth[2])) : value;
    },
  };
}

/** Calendar date formatters in the interface's language. */
export function useCalendarFormatters() {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  return useMemo(() => calendarFormatters(locale), [locale]);
}

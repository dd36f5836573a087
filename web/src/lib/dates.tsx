import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { matchLanguage } from '../i18n/languages.ts';

/**
 * The browser's own variant of the UI language (en-GB, fr-CA…) gives the date order people expect;
 * any other browser language would mix languages on the page, so then the UI language alone is used.
 */
export function formattingLocale(language: string, browserLanguages: readonly string[]): string {
  return browserLanguages.find((tag) => matchLanguage(tag) === matchLanguage(language)) ?? language;
}

/** Date formatters in the UI language and the viewer's own time zone. */
export function useDateFormatters() {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  return useMemo(() => {
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const format = (formatter: Intl.DateTimeFormat, iso: string) => {
      const value = new Date(iso);
      return Number.isNaN(value.getTime()) ? iso : formatter.format(value);
    };
    return {
      formatDateTime: (iso: string) => format(dateTime, iso),
      formatDate: (iso: string) => format(date, iso),
    };
  }, [locale]);
}

type DateTimeProps = { value: string | null | undefined; isDateOnly?: boolean; emptyText?: string };

/** A <time> element with the machine-readable value and a localized rendering. */
export function DateTime({ value, isDateOnly = false, emptyText = '—' }: DateTimeProps) {
  const { formatDate, formatDateTime } = useDateFormatters();
  if (!value) return <span>{emptyText}</span>;
  return (
    <time dateTime={value} className="cg-nowrap">
      {isDateOnly ? formatDate(value) : formatDateTime(value)}
    </time>
  );
}

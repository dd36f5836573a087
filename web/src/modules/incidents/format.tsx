import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formattingLocale } from '../../lib/dates.tsx';
import { TLP_LABELS, TlpBadge } from '../../ui/index.ts';
import { isOneOf } from './codes.ts';

/**
 * Dates and figures in the reader's language. Incident dates are calendar days as the sources give them, so
 * they are formatted in UTC: a reader west of Greenwich must not see the day before.
 */
export function useIncidentFormat() {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const instant = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    const usd = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'USD',
      maximumFractionDigits: 0,
    });
    const formatWith = (formatter: Intl.DateTimeFormat, value: string) => {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : formatter.format(date);
    };
    return {
      formatDay: (value: string) => formatWith(day, `${value}T00:00:00Z`),
      formatInstant: (value: string) => formatWith(instant, value),
      formatCount: (value: number) => integer.format(value),
      formatHours: (value: number) => decimal.format(value),
      formatUsd: (value: number) => usd.format(value),
    };
  }, [locale]);
}

/**
 * Text written by people (a name, a title) set inside a translated sentence: isolated, so an English name in
 * an Arabic sentence, or the reverse, keeps its own direction and does not reorder the words around it.
 */
export const isolate = (text: string): string => `\u2068${text}\u2069`;

/** A calendar day (YYYY-MM-DD) as a <time> element. */
export function Day({ value, emptyText = '—' }: { value: string | null | undefined; emptyText?: string }) {
  const { formatDay } = useIncidentFormat();
  if (!value) return <span>{emptyText}</span>;
  return (
    <time dateTime={value} className="cg-nowrap">
      {formatDay(value)}
    </time>
  );
}

/** An instant the platform recorded, as a <time> element in the reader's time zone. */
export function Instant({ value }: { value: string }) {
  const { formatInstant } = useIncidentFormat();
  return (
    <time dateTime={value} className="cg-nowrap">
      {formatInstant(value)}
    </time>
  );
}

/** The record's TLP label as its chip; a label the client does not know shows as plain text. */
export function IncidentTlp({ tlp }: { tlp: string }) {
  if (!isOneOf(TLP_LABELS, tlp)) return <span lang="en">{tlp}</span>;
  return <TlpBadge label={tlp} />;
}

/**
 * A link to another site: it says so to screen readers and shows a mark, and gives that site neither this
 * page's address nor a handle on this window.
 */
export function ExternalLink({ href, children }: { href: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <a href={href} rel="noopener noreferrer" className="cg-inc-external" dir="auto">
      {children}
      <span className="cg-inc-external-mark" aria-hidden="true">
        ↗
      </span>
      <span className="cg-visually-hidden"> {t('incidents.page.externalSite')}</span>
    </a>
  );
}

/** The intensity score as words and a ten-step bar; the bar only repeats the number. */
export function IntensityMark({ score }: { score: number }) {
  const { t } = useTranslation();
  const { formatCount } = useIncidentFormat();
  return (
    <span className="cg-inc-intensity">
      <span className="cg-inc-intensity-bar" aria-hidden="true">
        {Array.from({ length: 10 }, (_, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: ten fixed steps.
          <span key={index} className={index < score ? 'is-on' : undefined} />
        ))}
      </span>
      <span>{t('incidents.list.intensity', { score: formatCount(score), max: formatCount(10) })}</span>
    </span>
  );
}

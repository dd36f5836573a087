import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formattingLocale } from '../../lib/dates.tsx';

type DurationParts = { days?: number; hours?: number; minutes?: number; seconds?: number };
type DurationFormatter = { format: (duration: DurationParts) => string };
type DurationFormatConstructor = new (
  locale: string,
  options: { style: 'long' | 'short' },
) => DurationFormatter;

/** At most two units, the largest first: "2 days, 3 hours", "5 minutes, 12 seconds". */
export function durationParts(totalSeconds: number): DurationParts {
  const seconds = Math.max(0, Math.round(totalSeconds));
  const units: [keyof DurationParts, number][] = [
    ['days', Math.floor(seconds / 86_400)],
    ['hours', Math.floor((seconds % 86_400) / 3600)],
    ['minutes', Math.floor((seconds % 3600) / 60)],
    ['seconds', seconds % 60],
  ];
  const first = units.findIndex(([, value]) => value > 0);
  if (first === -1) return { seconds: 0 };
  const parts: DurationParts = {};
  for (const [unit, value] of units.slice(first, first + 2)) if (value > 0) parts[unit] = value;
  return parts;
}

const UNIT_NAMES = { days: 'day', hours: 'hour', minutes: 'minute', seconds: 'second' } as const;

/** Intl.DurationFormat where the browser has it; otherwise each unit through NumberFormat, joined as a list. */
export function durationFormatter(locale: string): (seconds: number) => string {
  const DurationFormat = (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
  if (DurationFormat) {
    const formatter = new DurationFormat(locale, { style: 'long' });
    return (seconds) => formatter.format(durationParts(seconds));
  }
  const list = new Intl.ListFormat(locale, { style: 'long', type: 'unit' });
  const units = new Map(
    Object.entries(UNIT_NAMES).map(([key, unit]) => [
      key,
      new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }),
    ]),
  );
  return (seconds) =>
    list.format(
      Object.entries(durationParts(seconds)).map(
        ([key, value]) => units.get(key)?.format(value) ?? String(value),
      ),
    );
}

/** Counts, shares and durations in the interface's language. */
export function useCheckFormatters() {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  return useMemo(() => {
    const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    const shortDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short' });
    return {
      formatCount: (value: number) => integer.format(value),
      /** A share between 0 and 1 as a whole percentage. */
      formatShare: (value: number) => percent.format(value),
      formatDuration: durationFormatter(locale),
      /** A day and month for chart labels. */
      formatShortDate: (iso: string) => shortDate.format(new Date(iso)),
    };
  }, [locale]);
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import regions from '../../../../../src/core/reference/data/regions.json' with { type: 'json' };
import sectors from '../../../../../src/core/reference/data/sectors.json' with { type: 'json' };
import { inLanguage, useUiLanguage } from '../../../lib/localized.ts';
import { namesByCode, useCountryList } from '../../../lib/reference.ts';
import { translateDynamic } from '../../../lib/translate.ts';
import { OTHER_KEY } from './chartData.ts';
import type { DashboardFilters, SeriesDimension } from './filters.ts';

/**
 * "13(f)" for "13f": the paragraph as A/70/174 cites it, isolated left to right so that in Arabic the digits
 * and the letter stay together ("13(f)", not "(f)13"). CSV files drop the isolates (csv.ts).
 */
export const normParagraphOf = (code: string): string =>
  `\u2066${code.replace(/^13([a-k])$/, '13($1)')}\u2069`;

const SECTOR_NAMES = new Map(sectors.map((sector) => [sector.code, sector.labels]));
const REGION_NAMES = new Map(regions.map((region) => [region.code, region.names]));

/**
 * Labels of every code the dashboard shows, in the reader's language: incident types and our short titles
 * of the norms as the incident pages write them (incidents.codes.*); sectors and regions from the reference
 * data; countries from the reference API; actors by the names the statistics answer gives.
 */
export function useDashboardLabels(actorNames: ReadonlyMap<string, string>) {
  const { t } = useTranslation();
  const language = useUiLanguage();
  const countries = useCountryList();
  return useMemo(() => {
    const countryNames = namesByCode(countries, language);
    // The incident pages' own labels of the record's codes, so every page names a type or a norm alike.
    const type = (code: string) =>
      translateDynamic(t, `incidents.codes.types.${code}`, `incidents.codes.types.${code}`, {
        defaultValue: code,
      });
    const normTitle = (code: string) =>
      translateDynamic(t, `incidents.codes.norms.${code}`, `incidents.codes.norms.${code}`, {
        defaultValue: '',
      });
    const norm = (code: string) => `${normParagraphOf(code)} ${normTitle(code)}`.trim();
    const sector = (code: string) => inLanguage(SECTOR_NAMES.get(code), language, code);
    const country = (code: string) => countryNames.get(code) ?? code;
    const region = (code: string) => inLanguage(REGION_NAMES.get(code), language, code);
    const actor = (id: string) => actorNames.get(id) ?? id;
    const byDimension: Record<Exclude<SeriesDimension, 'none'>, (code: string) => string> = {
      type,
      sector,
      country,
      region,
      norm,
      actor,
    };
    /** A part of the time series' breakdown. */
    const seriesKey = (dimension: SeriesDimension, key: string) => {
      if (key === OTHER_KEY) return t('incidentDashboard.chart.other');
      if (dimension === 'none') return t('incidentDashboard.chart.total');
      return byDimension[dimension](key);
    };
    const interval = (value: string) =>
      translateDynamic(
        t,
        `incidentDashboard.filters.intervals.${value}`,
        'incidentDashboard.filters.intervals.month',
      );
    const seriesOption = (value: string) =>
      translateDynamic(
        t,
        `incidentDashboard.filters.seriesOptions.${value}`,
        'incidentDashboard.filters.seriesOptions.none',
      );
    /** The value a filter holds, in words. */
    const filterValue = (name: keyof DashboardFilters, value: string): string => {
      switch (name) {
        case 'type':
        case 'sector':
        case 'country':
        case 'region':
        case 'norm':
        case 'actor':
          return byDimension[name](value);
        case 'interval':
          return interval(value);
        case 'series':
          return seriesOption(value);
        default:
          return value;
      }
    };
    return {
      type,
      norm,
      sector,
      country,
      region,
      actor,
      seriesKey,
      interval,
      seriesOption,
      filterValue,
      /** Countries sorted by their name in the reader's language, for the picker. */
      countryOptions: [...countryNames]
        .map(([value, label]) => ({ value, label }))
        .sort((a, b) => a.label.localeCompare(b.label, language)),
    };
  }, [t, language, countries, actorNames]);
}

export type DashboardLabels = ReturnType<typeof useDashboardLabels>;

/** Number and date formats in the UI language (Arabic-Indic digits in Arabic, as Intl writes them). */
export function useDashboardFormats() {
  const language = useUiLanguage();
  return useMemo(() => {
    const count = new Intl.NumberFormat(language);
    const year = new Intl.NumberFormat(language, { useGrouping: false });
    const usd = new Intl.NumberFormat(language, {
      style: 'currency',
      currency: 'USD',
      maximumFractionDigits: 0,
    });
    const month = new Intl.DateTimeFormat(language, { year: 'numeric', month: 'short', timeZone: 'UTC' });
    const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeZone: 'UTC' });
    const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
    return {
      count: (value: number) => count.format(value),
      usd: (value: number) => usd.format(value),
      /** "Mar 2026" for "2026-03", "2026" for "2026", in the UI language. */
      period: (period: string) =>
        period.length === 4
          ? year.format(Number(period))
          : month.format(Date.UTC(Number(period.slice(0, 4)), Number(period.slice(5, 7)) - 1, 1)),
      day: (date: string) => {
        const value = Date.parse(`${date}T00:00:00Z`);
        return Number.isNaN(value) ? date : day.format(value);
      },
      dateTime: (iso: string) => {
        const value = Date.parse(iso);
        return Number.isNaN(value) ? iso : dateTime.format(value);
      },
    };
  }, [language]);
}

export type DashboardFormats = ReturnType<typeof useDashboardFormats>;

import type { CsvRow } from './csv.ts';
import type { DashboardFilters, Interval, SeriesDimension } from './filters.ts';
import type { SeriesPoint, Statistics } from './types.ts';

/** One bar of a chart: the code it counts, its label in the reader's language, and the count. */
export type Bar = { key: string; label: string; value: number };

/**
 * Bars from a code → count map. With `order`, every code of it in that order, zeros included (the norms
 * 13(a)–(k) read best in their own order, and a norm no incident touches is a finding too); otherwise the
 * codes counted, most first, then by label, cut to `limit`.
 */
export function barsOf(
  counts: Readonly<Record<string, number>>,
  labelOf: (key: string) => string,
  options: { order?: readonly string[]; limit?: number; language?: string } = {},
): Bar[] {
  if (options.order) {
    return options.order.map((key) => ({ key, label: labelOf(key), value: counts[key] ?? 0 }));
  }
  const bars = Object.entries(counts)
    .filter(([, value]) => value > 0)
    .map(([key, value]) => ({ key, label: labelOf(key), value }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, options.language));
  return options.limit === undefined ? bars : bars.slice(0, options.limit);
}

const periodIndex = (period: string, interval: Interval): number =>
  interval === 'year' ? Number(period) : Number(period.slice(0, 4)) * 12 + Number(period.slice(5, 7)) - 1;

const periodName = (index: number, interval: Interval): string =>
  interval === 'year'
    ? String(index)
    : `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/**
 * The series with a zero for every period between the first and the last that has none: the API lists only
 * periods with incidents, and a time axis that skips quiet months would misdraw the trend.
 */
export function fillSeries(series: readonly SeriesPoint[], interval: Interval): SeriesPoint[] {
  const first = series[0];
  const last = series.at(-1);
  if (!first || !last) return [];
  const byIndex = new Map(series.map((point) => [periodIndex(point.period, interval), point]));
  const filled: SeriesPoint[] = [];
  for (
    let index = periodIndex(first.period, interval);
    index <= periodIndex(last.period, interval);
    index++
  ) {
    filled.push(byIndex.get(index) ?? { period: periodName(index, interval), total: 0, values: {} });
  }
  return filled;
}

/** The key under which the smaller parts of a breakdown are drawn together. */
export const OTHER_KEY = '__other';

export type StackedSeries = {
  /** The breakdown's keys, largest first; the last is {@link OTHER_KEY} when the smaller ones were merged. */
  keys: string[];
  periods: { period: string; total: number; values: number[] }[];
};

/**
 * A breakdown ready to stack: the `maxKeys` largest keys over the whole range (the last of them replaced by
 * "other" when there are more), each period's values in the keys' order. Without a breakdown, one stack of
 * the totals under the key "total".
 */
export function stackSeries(
  series: readonly SeriesPoint[],
  dimension: SeriesDimension,
  maxKeys = 8,
): StackedSeries {
  if (dimension === 'none') {
    return {
      keys: ['total'],
      periods: series.map((point) => ({ period: point.period, total: point.total, values: [point.total] })),
    };
  }
  const sums = new Map<string, number>();
  for (const point of series)
    for (const [key, value] of Object.entries(point.values)) sums.set(key, (sums.get(key) ?? 0) + value);
  const ranked = [...sums.entries()]
    .filter(([, sum]) => sum > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([key]) => key);
  const isMerged = ranked.length > maxKeys;
  const shown = isMerged ? ranked.slice(0, maxKeys - 1) : ranked;
  const keys = isMerged ? [...shown, OTHER_KEY] : shown;
  return {
    keys,
    periods: series.map((point) => {
      const values = shown.map((key) => point.values[key] ?? 0);
      if (isMerged) {
        const rest = Object.entries(point.values)
          .filter(([key]) => !shown.includes(key))
          .reduce((sum, [, value]) => sum + value, 0);
        values.push(rest);
      }
      return { period: point.period, total: point.total, values };
    }),
  };
}

/** A value axis for counts: a round maximum at or above `max` and its evenly spaced whole-number ticks. */
export function countScale(max: number, tickCount = 4): { max: number; ticks: number[] } {
  if (max <= 0) return { max: 1, ticks: [0, 1] };
  const rough = max / tickCount;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, ([1, 2, 5, 10].find((factor) => factor * magnitude >= rough) ?? 10) * magnitude);
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let tick = 0; tick <= top; tick += step) ticks.push(tick);
  return { max: top, ticks };
}

// --- CSV of each chart and of the whole answer ---------------------------------------------------------

/** Column headings and labels the CSV files carry, in the reader's language. */
export type CsvHeadings = {
  code: string;
  label: string;
  count: string;
  period: string;
  total: string;
  section: string;
  value: string;
};

/** A bar chart's data: the code (stable, for joining with other data), the label, the count. */
export const barsCsv = (headings: CsvHeadings, bars: readonly Bar[]): CsvRow[] => [
  [headings.code, headings.label, headings.count],
  ...bars.map((bar) => [bar.key, bar.label, bar.value]),
];

/**
 * The time series, one row per period (gaps filled with zeros) with its total and, with a breakdown, one
 * column per key: every key, not only those the chart draws.
 */
export function seriesCsv(
  headings: CsvHeadings,
  series: readonly SeriesPoint[],
  labelOf: (key: string) => string,
): CsvRow[] {
  const sums = new Map<string, number>();
  for (const point of series)
    for (const [key, value] of Object.entries(point.values)) sums.set(key, (sums.get(key) ?? 0) + value);
  const keys = [...sums.keys()].sort((a, b) => (sums.get(b) ?? 0) - (sums.get(a) ?? 0) || a.localeCompare(b));
  return [
    [headings.period, headings.total, ...keys.map(labelOf)],
    ...series.map((point) => [point.period, point.total, ...keys.map((key) => point.values[key] ?? 0)]),
  ];
}

/** How the whole answer names its labels: one function per dimension, as the charts use them. */
export type AllDataLabels = {
  headings: CsvHeadings;
  filter: (name: keyof DashboardFilters, value: string) => string;
  type: (code: string) => string;
  sector: (code: string) => string;
  country: (code: string) => string;
  region: (code: string) => string;
  norm: (code: string) => string;
  seriesKey: (key: string) => string;
  harm: (field: string) => string;
  attribution: (field: string) => string;
};

const entriesOf = (counts: Readonly<Record<string, number>>) =>
  Object.entries(counts).sort(([a, x], [b, y]) => y - x || a.localeCompare(b));

/**
 * The whole answer in one long table a spreadsheet can pivot: section (the API's own field names, stable
 * across languages), period, code, label, value. The filters come first so the file says what it counts.
 */
export function allDataCsv(
  statistics: Statistics,
  filters: DashboardFilters,
  labels: AllDataLabels,
  normOrder: readonly string[],
): CsvRow[] {
  const { headings } = labels;
  const rows: CsvRow[] = [[headings.section, headings.period, headings.code, headings.label, headings.value]];
  for (const [name, value] of Object.entries(filters) as [keyof DashboardFilters, string][]) {
    if (value) rows.push(['filter', '', name, labels.filter(name, value), value]);
  }
  rows.push(['generatedAt', '', '', '', statistics.generatedAt]);
  rows.push(['total', '', '', '', statistics.total]);
  rows.push(['undated', '', '', '', statistics.undated]);
  const counts = (
    section: string,
    values: Readonly<Record<string, number>>,
    labelOf: (code: string) => string,
  ) => {
    for (const [code, count] of entriesOf(values)) rows.push([section, '', code, labelOf(code), count]);
  };
  counts('byType', statistics.byType, labels.type);
  counts('bySector', statistics.bySector, labels.sector);
  counts('byCountry', statistics.byCountry, labels.country);
  counts('byRegion', statistics.byRegion, labels.region);
  for (const code of normOrder)
    rows.push(['byNorm', '', code, labels.norm(code), statistics.byNorm[code] ?? 0]);
  for (const actor of statistics.byActor) rows.push(['byActor', '', actor.id, actor.name, actor.count]);
  statistics.byIntensity.forEach((count, score) => {
    rows.push(['byIntensity', '', score, String(score), count]);
  });
  for (const point of statistics.series) {
    rows.push(['series', point.period, 'total', headings.total, point.total]);
    for (const [key, value] of entriesOf(point.values))
      rows.push(['series', point.period, key, labels.seriesKey(key), value]);
  }
  const attribution = statistics.timeToAttribution;
  for (const field of ['attributed', 'medianDays', 'p25Days', 'p75Days'] as const)
    rows.push(['timeToAttribution', '', field, labels.attribution(field), attribution[field]]);
  for (const [bucket, count] of Object.entries(attribution.buckets))
    rows.push(['timeToAttribution.buckets', '', bucket, labels.attribution(bucket), count]);
  for (const [field, value] of Object.entries(statistics.harm))
    rows.push(['harm', '', field, labels.harm(field), value]);
  return rows;
}

import { describe, expect, it } from 'vitest';
import {
  type AllDataLabels,
  allDataCsv,
  barsCsv,
  barsOf,
  type CsvHeadings,
  countScale,
  fillSeries,
  OTHER_KEY,
  seriesCsv,
  stackSeries,
} from './chartData.ts';
import { toCsv } from './csv.ts';
import { DEFAULT_FILTERS } from './filters.ts';
import type { SeriesPoint, Statistics } from './types.ts';

const upper = (key: string) => key.toUpperCase();

describe('barsOf', () => {
  it('lists the codes counted, most first, then by label, cut to the limit', () => {
    const bars = barsOf({ b: 2, a: 2, c: 5, d: 0, e: 1 }, upper, { limit: 3 });
    expect(bars).toEqual([
      { key: 'c', label: 'C', value: 5 },
      { key: 'a', label: 'A', value: 2 },
      { key: 'b', label: 'B', value: 2 },
    ]);
  });

  it('keeps a fixed order with zeros when given one', () => {
    expect(barsOf({ '13f': 4 }, upper, { order: ['13a', '13f'] })).toEqual([
      { key: '13a', label: '13A', value: 0 },
      { key: '13f', label: '13F', value: 4 },
    ]);
  });
});

describe('fillSeries', () => {
  it('adds the quiet months between the first and the last, across a year end', () => {
    const filled = fillSeries(
      [
        { period: '2025-11', total: 2, values: {} },
        { period: '2026-02', total: 1, values: {} },
      ],
      'month',
    );
    expect(filled.map((point) => [point.period, point.total])).toEqual([
      ['2025-11', 2],
      ['2025-12', 0],
      ['2026-01', 0],
      ['2026-02', 1],
    ]);
  });

  it('adds quiet years', () => {
    const filled = fillSeries(
      [
        { period: '2022', total: 1, values: {} },
        { period: '2024', total: 3, values: {} },
      ],
      'year',
    );
    expect(filled.map((point) => point.period)).toEqual(['2022', '2023', '2024']);
  });

  it('is empty for an empty series', () => {
    expect(fillSeries([], 'month')).toEqual([]);
  });
});

describe('stackSeries', () => {
  const series: SeriesPoint[] = [
    { period: '2026-01', total: 4, values: { a: 3, b: 1, c: 1 } },
    { period: '2026-02', total: 3, values: { b: 2, d: 1, e: 1 } },
  ];

  it('stacks the totals alone without a breakdown', () => {
    expect(stackSeries(series, 'none')).toEqual({
      keys: ['total'],
      periods: [
        { period: '2026-01', total: 4, values: [4] },
        { period: '2026-02', total: 3, values: [3] },
      ],
    });
  });

  it('keeps every key when they fit', () => {
    const stacked = stackSeries(series, 'type', 5);
    expect(stacked.keys).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(stacked.periods[1]?.values).toEqual([0, 2, 0, 1, 1]);
  });

  it('merges the smallest keys into "other" when there are more than fit', () => {
    const stacked = stackSeries(series, 'type', 3);
    expect(stacked.keys).toEqual(['a', 'b', OTHER_KEY]);
    expect(stacked.periods.map((period) => period.values)).toEqual([
      [3, 1, 1],
      [0, 2, 2],
    ]);
  });
});

describe('countScale', () => {
  it('rounds the axis up to a step of 1, 2 or 5 times a power of ten', () => {
    expect(countScale(7)).toEqual({ max: 8, ticks: [0, 2, 4, 6, 8] });
    expect(countScale(3)).toEqual({ max: 3, ticks: [0, 1, 2, 3] });
    expect(countScale(950).ticks).toEqual([0, 500, 1000]);
  });

  it('has a unit axis when there is nothing to count', () => {
    expect(countScale(0)).toEqual({ max: 1, ticks: [0, 1] });
  });
});

const headings: CsvHeadings = {
  code: 'Code',
  label: 'Label',
  count: 'Incidents',
  period: 'Period',
  total: 'Total',
  section: 'Section',
  value: 'Value',
};

describe('barsCsv and seriesCsv', () => {
  it('writes a header, then one row per bar with its code', () => {
    expect(barsCsv(headings, [{ key: 'KE', label: 'Kenya', value: 2 }])).toEqual([
      ['Code', 'Label', 'Incidents'],
      ['KE', 'Kenya', 2],
    ]);
  });

  it('writes one column per key of the breakdown, largest first, zeros where a period has none', () => {
    const rows = seriesCsv(
      headings,
      [
        { period: '2026-01', total: 2, values: { wiper: 1, ransomware: 1 } },
        { period: '2026-02', total: 2, values: { ransomware: 2 } },
      ],
      upper,
    );
    expect(rows).toEqual([
      ['Period', 'Total', 'RANSOMWARE', 'WIPER'],
      ['2026-01', 2, 1, 1],
      ['2026-02', 2, 2, 0],
    ]);
  });
});

describe('allDataCsv', () => {
  const statistics: Statistics = {
    total: 3,
    byType: { ransomware: 2, wiper: 1 },
    bySector: { health: 2 },
    byCountry: { KE: 2 },
    byRegion: { '002': 2 },
    byNorm: { '13f': 1 },
    byActor: [{ id: 'act_1', name: '=cmd|calc', count: 1 }],
    byIntensity: [0, 0, 1, 0, 0, 2, 0, 0, 0, 0, 0],
    undated: 1,
    series: [{ period: '2026-03', total: 2, values: {} }],
    timeToAttribution: {
      attributed: 1,
      medianDays: 12,
      p25Days: 12,
      p75Days: 12,
      buckets: { '0-7': 0, '8-30': 1 },
    },
    harm: {
      hospitalServicesDisrupted: 3,
      patientsRedirected: 40,
      peopleDataLeaked: 0,
      essentialServicesLost: 0,
      recordsExposed: 1000,
      economicLossUsd: 2500000.5,
      incidentsWithHarmToPeople: 1,
    },
    generatedAt: '2026-04-01T10:00:00.000Z',
  };
  const labels: AllDataLabels = {
    headings,
    filter: (name, value) => `${name}:${value}`,
    type: upper,
    sector: upper,
    country: upper,
    region: upper,
    norm: upper,
    seriesKey: upper,
    harm: upper,
    attribution: upper,
  };
  const rows = allDataCsv(statistics, { ...DEFAULT_FILTERS, type: 'ransomware' }, labels, ['13a', '13f']);

  it('says first what it counts: the filters, the time, the total', () => {
    expect(rows.slice(0, 7)).toEqual([
      ['Section', 'Period', 'Code', 'Label', 'Value'],
      ['filter', '', 'type', 'type:ransomware', 'ransomware'],
      ['filter', '', 'interval', 'interval:month', 'month'],
      ['filter', '', 'series', 'series:none', 'none'],
      ['generatedAt', '', '', '', '2026-04-01T10:00:00.000Z'],
      ['total', '', '', '', 3],
      ['undated', '', '', '', 1],
    ]);
  });

  it('holds every part of the answer', () => {
    const sections = new Set(rows.slice(1).map((row) => row[0]));
    expect([...sections]).toEqual([
      'filter',
      'generatedAt',
      'total',
      'undated',
      'byType',
      'bySector',
      'byCountry',
      'byRegion',
      'byNorm',
      'byActor',
      'byIntensity',
      'series',
      'timeToAttribution',
      'timeToAttribution.buckets',
      'harm',
    ]);
    expect(rows).toContainEqual(['byNorm', '', '13a', '13A', 0]);
    expect(rows).toContainEqual(['byIntensity', '', 5, '5', 2]);
    expect(rows).toContainEqual(['harm', '', 'economicLossUsd', 'ECONOMICLOSSUSD', 2500000.5]);
    expect(rows).toContainEqual(['timeToAttribution', '', 'medianDays', 'MEDIANDAYS', 12]);
  });

  it('keeps an actor name that looks like a formula as text in the file', () => {
    expect(toCsv(rows)).toContain("byActor,,act_1,'=cmd|calc,1\r\n");
  });
});

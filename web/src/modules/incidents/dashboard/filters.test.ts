import { describe, expect, it } from 'vitest';
import {
  type DashboardFilters,
  DEFAULT_FILTERS,
  filtersFromSearch,
  hasNarrowingFilters,
  isRangeReversed,
  queryOf,
  REGION_CODES,
  searchOf,
} from './filters.ts';

const everything: DashboardFilters = {
  type: 'ransomware',
  sector: 'health',
  country: 'KE',
  region: '002',
  norm: '13f',
  actor: 'act_01jabc',
  from: '2025-01-01',
  to: '2026-06-30',
  interval: 'year',
  series: 'sector',
};

describe('filtersFromSearch', () => {
  it('reads every filter from the address bar', () => {
    const params = new URLSearchParams(
      'type=ransomware&sector=health&country=KE&region=002&norm=13f&actor=act_01jabc&from=2025-01-01&to=2026-06-30&interval=year&series=sector',
    );
    expect(filtersFromSearch(params)).toEqual(everything);
  });

  it('gives the defaults for an empty query', () => {
    expect(filtersFromSearch(new URLSearchParams())).toEqual(DEFAULT_FILTERS);
  });

  it('drops values the API would refuse, so an old or mistyped link still shows figures', () => {
    const params = new URLSearchParams(
      'type=cyberwar&sector=moon&country=Kenya&region=150x&norm=13z&actor=act%20x&from=2025-13-01&to=yesterday&interval=week&series=victim',
    );
    expect(filtersFromSearch(params)).toEqual(DEFAULT_FILTERS);
  });

  it('accepts a country code in lower case', () => {
    expect(filtersFromSearch(new URLSearchParams('country=ke')).country).toBe('KE');
  });

  it('offers only the five UN M49 top-level regions', () => {
    expect([...REGION_CODES].sort()).toEqual(['002', '009', '019', '142', '150']);
    expect(filtersFromSearch(new URLSearchParams('region=014')).region).toBe('');
  });
});

describe('searchOf', () => {
  it('writes only filters set away from their default, in a fixed order', () => {
    expect(searchOf({ ...DEFAULT_FILTERS, norm: '13f', type: 'wiper' }).toString()).toBe(
      'type=wiper&norm=13f',
    );
    expect(searchOf(DEFAULT_FILTERS).toString()).toBe('');
    expect(searchOf({ ...DEFAULT_FILTERS, interval: 'year', series: 'none' }).toString()).toBe(
      'interval=year',
    );
  });

  it('round-trips through the address bar', () => {
    expect(filtersFromSearch(searchOf(everything))).toEqual(everything);
    expect(filtersFromSearch(new URLSearchParams(searchOf(everything).toString()))).toEqual(everything);
  });
});

describe('queryOf', () => {
  it('sends the filters set, with interval and breakdown always', () => {
    expect(queryOf({ ...DEFAULT_FILTERS, country: 'KE', from: '2025-01-01' })).toEqual({
      country: 'KE',
      from: '2025-01-01',
      interval: 'month',
      series: 'none',
    });
  });

  it('sends every filter under the API parameter of the same name', () => {
    expect(queryOf(everything)).toEqual({ ...everything });
  });
});

describe('isRangeReversed', () => {
  it('is true only when both ends are set and the end comes first', () => {
    expect(isRangeReversed({ ...DEFAULT_FILTERS, from: '2026-02-01', to: '2026-01-31' })).toBe(true);
    expect(isRangeReversed({ ...DEFAULT_FILTERS, from: '2026-01-31', to: '2026-01-31' })).toBe(false);
    expect(isRangeReversed({ ...DEFAULT_FILTERS, from: '2026-02-01' })).toBe(false);
  });
});

describe('hasNarrowingFilters', () => {
  it('ignores the interval and the breakdown, which only reshape the figures', () => {
    expect(hasNarrowingFilters({ ...DEFAULT_FILTERS, interval: 'year', series: 'type' })).toBe(false);
    expect(hasNarrowingFilters({ ...DEFAULT_FILTERS, actor: 'act_1' })).toBe(true);
  });
});

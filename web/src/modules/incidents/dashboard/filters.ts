import regions from '../../../../../src/core/reference/data/regions.json' with { type: 'json' };
import sectors from '../../../../../src/core/reference/data/sectors.json' with { type: 'json' };
import { INCIDENT_TYPES, NORM_CODES } from '../../../../../src/modules/incidents/catalog.ts';
import type { StatisticsQuery } from './types.ts';

// The dashboard's filters live in the address bar, so a view of the figures can be bookmarked and shared.
// Codes come from the server's own catalogs, so the page offers exactly what the API accepts.

export const TYPE_CODES: readonly string[] = INCIDENT_TYPES;
export { NORM_CODES };
export const SECTOR_CODES: readonly string[] = sectors.map((sector) => sector.code);
/** The five UN M49 top-level regions: Africa, the Americas, Asia, Europe, Oceania. */
export const REGION_CODES: readonly string[] = regions
  .filter((region) => region.level === 'region')
  .map((region) => region.code);
export const INTERVALS = ['month', 'year'] as const;
export const SERIES_DIMENSIONS = ['none', 'type', 'sector', 'country', 'region', 'norm', 'actor'] as const;

export type Interval = (typeof INTERVALS)[number];
export type SeriesDimension = (typeof SERIES_DIMENSIONS)[number];

export type DashboardFilters = {
  type: string;
  sector: string;
  country: string;
  region: string;
  norm: string;
  actor: string;
  from: string;
  to: string;
  interval: Interval;
  series: SeriesDimension;
};

export const DEFAULT_FILTERS: DashboardFilters = {
  type: '',
  sector: '',
  country: '',
  region: '',
  norm: '',
  actor: '',
  from: '',
  to: '',
  interval: 'month',
  series: 'none',
};

/** The order the filters take in the address bar and in the API query. */
const FILTER_NAMES = [
  'type',
  'sector',
  'country',
  'region',
  'norm',
  'actor',
  'from',
  'to',
  'interval',
  'series',
] as const satisfies readonly (keyof DashboardFilters)[];

const CALENDAR_DATE = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;
const COUNTRY = /^[A-Z]{2}$/;
// Actor ids are TypeID-style (act_…); anything else cannot name an actor.
const ACTOR_ID = /^[A-Za-z0-9_-]{1,64}$/;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

/** A value the API would refuse is dropped, so a mistyped or old link still shows figures. */
const keepIf = (isValid: boolean, value: string): string => (isValid ? value : '');

export function filtersFromSearch(params: URLSearchParams): DashboardFilters {
  const get = (name: string) => (params.get(name) ?? '').trim();
  const type = get('type');
  const sector = get('sector');
  const country = get('country').toUpperCase();
  const region = get('region');
  const norm = get('norm');
  const actor = get('actor');
  const from = get('from');
  const to = get('to');
  const interval = get('interval');
  const series = get('series');
  return {
    type: keepIf(isOneOf(TYPE_CODES, type), type),
    sector: keepIf(isOneOf(SECTOR_CODES, sector), sector),
    country: keepIf(COUNTRY.test(country), country),
    region: keepIf(isOneOf(REGION_CODES, region), region),
    norm: keepIf(isOneOf(NORM_CODES, norm), norm),
    actor: keepIf(ACTOR_ID.test(actor), actor),
    from: keepIf(CALENDAR_DATE.test(from), from),
    to: keepIf(CALENDAR_DATE.test(to), to),
    interval: isOneOf(INTERVALS, interval) ? interval : DEFAULT_FILTERS.interval,
    series: isOneOf(SERIES_DIMENSIONS, series) ? series : DEFAULT_FILTERS.series,
  };
}

/** The address bar's query: only filters set away from their default, in a fixed order. */
export function searchOf(filters: DashboardFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name].trim();
    if (value && value !== DEFAULT_FILTERS[name]) params.set(name, value);
  }
  return params;
}

/** The statistics API query for these filters; interval and series always, so the answer's shape is explicit. */
export function queryOf(filters: DashboardFilters): StatisticsQuery {
  const query: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    const value = filters[name].trim();
    if (value) query[name] = value;
  }
  return query as StatisticsQuery;
}

/** A range that ends before it starts selects nothing; the page says so instead of asking. */
export const isRangeReversed = (filters: DashboardFilters): boolean =>
  filters.from !== '' && filters.to !== '' && filters.from > filters.to;

/** Whether any filter narrows the figures (interval and breakdown only change their shape). */
export const hasNarrowingFilters = (filters: DashboardFilters): boolean =>
  FILTER_NAMES.some(
    (name) => name !== 'interval' && name !== 'series' && filters[name].trim() !== DEFAULT_FILTERS[name],
  );

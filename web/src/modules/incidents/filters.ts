import { EDITORIAL_STATES, INCIDENT_TYPES, isOneOf, NORM_CODES, SECTOR_CODES } from './codes.ts';
import type { IncidentListQuery } from './types.ts';

/** The list's filters as they stand in the address bar, so a filtered list can be shared. */
export type IncidentFilters = {
  q: string;
  type: string;
  country: string;
  sector: string;
  norm: string;
  from: string;
  to: string;
  editorialState: string;
  actor: string;
  /** Only labels the actor filter; the list is filtered by the id. */
  actorName: string;
};

export const FACETS = ['type', 'country', 'sector', 'norm'] as const;
export type Facet = (typeof FACETS)[number];

const FILTER_NAMES = [
  'q',
  'type',
  'country',
  'sector',
  'norm',
  'from',
  'to',
  'editorialState',
  'actor',
  'actorName',
] as const satisfies readonly (keyof IncidentFilters)[];

const CALENDAR_DATE = /^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;
const COUNTRY = /^[A-Z]{2}$/;

/** A value of the address bar the API would refuse is dropped, so a mistyped link still shows a list. */
function keepIf(isValid: boolean, value: string): string {
  return isValid ? value : '';
}

export function filtersFromSearch(params: URLSearchParams): IncidentFilters {
  const get = (name: string) => (params.get(name) ?? '').trim();
  const type = get('type');
  const country = get('country').toUpperCase();
  const sector = get('sector');
  const norm = get('norm');
  const from = get('from');
  const to = get('to');
  const editorialState = get('editorialState');
  const actor = get('actor');
  return {
    q: get('q').slice(0, 200),
    type: keepIf(isOneOf(INCIDENT_TYPES, type), type),
    country: keepIf(COUNTRY.test(country), country),
    sector: keepIf(isOneOf(SECTOR_CODES, sector), sector),
    norm: keepIf(isOneOf(NORM_CODES, norm), norm),
    from: keepIf(CALENDAR_DATE.test(from), from),
    to: keepIf(CALENDAR_DATE.test(to), to),
    editorialState: keepIf(isOneOf(EDITORIAL_STATES, editorialState), editorialState),
    actor: keepIf(actor.length <= 64, actor),
    actorName: actor ? get('actorName').slice(0, 200) : '',
  };
}

/** The address bar's query for these filters: only the ones set, in a fixed order. */
export function searchOf(filters: IncidentFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name].trim();
    if (value) params.set(name, value);
  }
  return params;
}

/** The API query for these filters (without the cursor and page size). */
export function queryOf(filters: IncidentFilters): IncidentListQuery {
  const query: Record<string, string> = {};
  for (const name of FILTER_NAMES) {
    if (name === 'actorName') continue;
    const value = filters[name].trim();
    if (value) query[name] = value;
  }
  return query as IncidentListQuery;
}

export const hasFilters = (filters: IncidentFilters): boolean =>
  FILTER_NAMES.some((name) => filters[name].trim() !== '');

export type FacetOption = { value: string; count: number };

/**
 * A facet's values, most frequent first (then by code), each with its count over the whole filtered result.
 * The chosen value stays listed even when nothing matches it any more, so it can be seen and changed.
 */
export function facetOptions(counts: Record<string, number>, selected: string): FacetOption[] {
  const options = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .map(([value, count]) => ({ value, count }));
  if (selected && !options.some((option) => option.value === selected))
    options.push({ value: selected, count: 0 });
  return options.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

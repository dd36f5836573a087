import { badRequest } from '../../../core/http/errors.ts';
import { dateAddedKey, versionKey } from './timestamps.ts';

/** Objects per page when the client names no limit, and the most we hand out at once. */
export const DEFAULT_PAGE_SIZE = 1000;
export const MAX_PAGE_SIZE = 5000;
const MAX_VALUES = 100;

export interface VersionMatch {
  all: boolean;
  first: boolean;
  last: boolean;
  /** Stored version keys (nine-digit fractions). */
  keys: string[];
}

export interface TaxiiFilter {
  /** Rows added strictly after this `date_added` (the later of `added_after` and the `next` cursor). */
  after?: string;
  ids?: string[];
  types?: string[];
  specVersions?: string[];
  versions: VersionMatch;
  limit: number;
}

/** Which filters an endpoint takes (TAXII 2.1 sections 5.3 to 5.8). */
export interface FilterSupport {
  id: boolean;
  type: boolean;
  version: boolean;
}

const STIX_ID =
  /^[a-z][a-z0-9-]{0,248}[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const STIX_TYPE = /^[a-z][a-z0-9-]{0,248}[a-z0-9]$/;
const SPEC_VERSION = /^\d\.\d{1,2}$/;
const CURSOR = /^n1\.([A-Za-z0-9_-]{1,80})$/;
const DATE_ADDED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function isStixId(value: string): boolean {
  return STIX_ID.test(value);
}

/** The opaque `next` of TAXII paging: the last `date_added` handed out. */
export function encodeNext(dateAdded: string): string {
  return `n1.${Buffer.from(dateAdded).toString('base64url')}`;
}

function decodeNext(next: string): string {
  const match = CURSOR.exec(next);
  const dateAdded = match ? Buffer.from(match[1]!, 'base64url').toString('utf8') : '';
  if (!DATE_ADDED.test(dateAdded)) {
    throw badRequest(
      'invalid_next',
      'The next value is not one this server gave out; start again without it.',
    );
  }
  return dateAdded;
}

function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    throw badRequest('invalid_filter', `Give ${name} once; join several values with commas.`);
  }
  return value;
}

function list(
  query: Record<string, unknown>,
  name: string,
  check: (value: string) => boolean,
): string[] | undefined {
  const value = single(query, name);
  if (value === undefined) return undefined;
  const values = value.split(',').map((item) => item.trim());
  if (values.length > MAX_VALUES)
    throw badRequest('invalid_filter', `${name} takes at most ${MAX_VALUES} values.`);
  for (const item of values) {
    if (item === '' || !check(item))
      throw badRequest('invalid_filter', `${name} has a value that is not valid.`);
  }
  return [...new Set(values)];
}

function parseVersions(values: string[] | undefined): VersionMatch {
  // TAXII's default is the latest version of each object.
  if (values === undefined) return { all: false, first: false, last: true, keys: [] };
  const match: VersionMatch = { all: false, first: false, last: false, keys: [] };
  for (const value of values) {
    if (value === 'all') match.all = true;
    else if (value === 'first') match.first = true;
    else if (value === 'last') match.last = true;
    else match.keys.push(versionKey(value)!);
  }
  return match;
}

/**
 * Reads TAXII's query parameters: `added_after`, `limit`, `next` and the `match[…]` filters the endpoint
 * supports, each a comma-separated list of alternatives. Malformed values answer 400; `match` fields this
 * server does not know are ignored, as filters a server does not support may be.
 */
export function parseTaxiiFilter(query: Record<string, unknown>, support: FilterSupport): TaxiiFilter {
  const addedAfterText = single(query, 'added_after');
  const addedAfter = addedAfterText === undefined ? undefined : dateAddedKey(addedAfterText);
  if (addedAfter === null)
    throw badRequest('invalid_filter', 'added_after must be a timestamp such as 2026-01-31T12:00:00.000Z.');
  const nextText = single(query, 'next');
  const cursor = nextText === undefined || nextText === '' ? undefined : decodeNext(nextText);
  const after = addedAfter && cursor ? (addedAfter > cursor ? addedAfter : cursor) : (addedAfter ?? cursor);

  const limitText = single(query, 'limit');
  let limit = DEFAULT_PAGE_SIZE;
  if (limitText !== undefined) {
    if (!/^\d{1,9}$/.test(limitText) || Number(limitText) < 1) {
      throw badRequest('invalid_filter', 'limit must be a whole number of at least 1.');
    }
    limit = Math.min(Number(limitText), MAX_PAGE_SIZE);
  }

  const filter: TaxiiFilter = {
    limit,
    versions: support.version
      ? parseVersions(
          list(
            query,
            'match[version]',
            (value) => ['all', 'first', 'last'].includes(value) || versionKey(value) !== null,
          ),
        )
      : { all: true, first: false, last: false, keys: [] },
  };
  if (after !== undefined) filter.after = after;
  const specVersions = list(query, 'match[spec_version]', (value) => SPEC_VERSION.test(value));
  if (specVersions) filter.specVersions = specVersions;
  if (support.id) {
    const ids = list(query, 'match[id]', isStixId);
    if (ids) filter.ids = ids;
  }
  if (support.type) {
    const types = list(query, 'match[type]', (value) => STIX_TYPE.test(value));
    if (types) filter.types = types;
  }
  return filter;
}

import { Value } from 'typebox/value';
import { type AttributionInput, type CreateIncident, Source } from '../../incidents.schemas.ts';

/** What every layout's reader shares: problems, dates, numbers, lists and sources. */

export type IncidentCsvInput = Omit<CreateIncident, 'orgId'>;
export type SourceInput = NonNullable<IncidentCsvInput['sources']>[number];

export interface CsvProblem {
  /** The file's line where the record starts (the header is line 1); null for the file as a whole. */
  line: number | null;
  column?: string;
  /**
   * `error`: something the file says was not imported (a value, an attribution or a whole row).
   * `warning`: imported, but with an assumption or a loss of detail the message names.
   */
  severity: 'error' | 'warning';
  message: string;
}

export interface ParsedCsvIncident {
  line: number;
  /** The record's own identifier in the source (EuRepoC incident_id, CFR title, our id), for messages. */
  sourceId: string | null;
  input: IncidentCsvInput;
  attributions: AttributionInput[];
}

/** Problems of one record, with its line already filled in. */
export class RowProblems {
  readonly line: number | null;
  readonly #problems: CsvProblem[];

  constructor(problems: CsvProblem[], line: number | null) {
    this.#problems = problems;
    this.line = line;
  }

  error(column: string | undefined, message: string): void {
    this.#problems.push({ line: this.line, ...(column ? { column } : {}), severity: 'error', message });
  }

  warning(column: string | undefined, message: string): void {
    this.#problems.push({ line: this.line, ...(column ? { column } : {}), severity: 'warning', message });
  }
}

/**
 * Cells that say "nothing known" in the datasets we read: EuRepoC writes these rather than leaving cells
 * empty. "NA" is not among them: it is Namibia's code.
 */
const NULL_MARKERS = new Set([
  '',
  'not available',
  'n/a',
  'none',
  'unknown',
  'not attributed',
  'not applicable',
  'no',
  'nan',
  'null',
  '-',
  '—',
]);

export function isNullMarker(value: string): boolean {
  return NULL_MARKERS.has(value.trim().toLowerCase());
}

/** The cell's text, or null when it is empty or a null marker. */
export function textOf(value: string | undefined): string | null {
  if (value === undefined) return null;
  const trimmed = value.trim();
  return isNullMarker(trimmed) ? null : trimmed;
}

/** Items of a list cell, trimmed, without empty items or null markers, each once. */
export function splitList(value: string | undefined, separator: RegExp = /;/): string[] {
  if (value === undefined) return [];
  const items: string[] = [];
  for (const part of value.split(separator)) {
    const item = part.trim();
    if (!isNullMarker(item) && !items.includes(item)) items.push(item);
  }
  return items;
}

/** Items of a list cell by position, keeping null markers as null, so parallel columns stay aligned. */
export function splitAligned(value: string | undefined, separator: RegExp = /;/): Array<string | null> {
  if (value === undefined || value.trim() === '') return [];
  return value.split(separator).map((part) => textOf(part));
}

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Text clipped to a schema's limit, with a warning when something was cut. */
export function clipped(text: string, max: number, column: string, problems: RowProblems): string {
  if (text.length <= max) return text;
  problems.warning(column, `Longer than ${max} characters; cut to fit.`);
  return clip(text, max);
}

// Dates ------------------------------------------------------------------------------------------------

export type DateOrder = 'day-first' | 'month-first' | 'iso-only';

export interface ParsedDate {
  date: string;
  /** How much of the date the source gave; a partial date is completed with the first day of the period. */
  precision: 'day' | 'month' | 'year';
}

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

function isRealDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (value: number) => String(value).padStart(2, '0');
const isoOf = (year: number, month: number, day: number) => `${year}-${pad(month)}-${pad(day)}`;

/**
 * A calendar date in one of the forms the datasets use. `order` settles the only ambiguous form, a date
 * written with slashes or dots whose first two numbers could both be a month: EuRepoC writes the day
 * first, the CFR tracker the month first; our own layout accepts ISO dates only. A slashed date that is
 * valid in one order only is read in that order whatever the layout says. Returns an error message for a
 * cell that holds something else.
 */
export function parseDate(cell: string, order: DateOrder): ParsedDate | { error: string } | null {
  const text = cell.trim();
  if (isNullMarker(text)) return null;

  // ISO: 2024-03-01, 2024-03-01T10:00:00Z, 2024-03-01 00:00:00; also 2024-03 and 2024.
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    return isRealDate(year, month, day)
      ? { date: isoOf(year, month, day), precision: 'day' }
      : { error: `"${text}" is not a real date.` };
  }
  match = /^(\d{4})-(\d{1,2})$/.exec(text);
  if (match && order !== 'iso-only') {
    const [year, month] = [Number(match[1]), Number(match[2])];
    if (isRealDate(year, month, 1)) return { date: isoOf(year, month, 1), precision: 'month' };
  }
  if (/^\d{4}$/.test(text) && order !== 'iso-only') {
    const year = Number(text);
    if (isRealDate(year, 1, 1)) return { date: isoOf(year, 1, 1), precision: 'year' };
  }
  if (order === 'iso-only') return { error: `"${text}" is not a date in the form YYYY-MM-DD.` };

  // 01/03/2024, 1.3.2024, 01-03-2024.
  match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(text);
  if (match) {
    const [first, second, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const dayFirst = isRealDate(year, second, first) ? isoOf(year, second, first) : null;
    const monthFirst = isRealDate(year, first, second) ? isoOf(year, first, second) : null;
    const preferred = order === 'day-first' ? dayFirst : monthFirst;
    const date = preferred ?? dayFirst ?? monthFirst;
    return date ? { date, precision: 'day' } : { error: `"${text}" is not a real date.` };
  }

  // March 1, 2024 / Mar 1 2024 / 1 March 2024 / March 2024.
  const words = text.toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ').trim();
  match = /^([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/.exec(words);
  if (match && MONTHS[match[1] as string]) {
    const [month, day, year] = [MONTHS[match[1] as string] as number, Number(match[2]), Number(match[3])];
    return isRealDate(year, month, day)
      ? { date: isoOf(year, month, day), precision: 'day' }
      : { error: `"${text}" is not a real date.` };
  }
  match = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.? (\d{4})$/.exec(words);
  if (match && MONTHS[match[2] as string]) {
    const [day, month, year] = [Number(match[1]), MONTHS[match[2] as string] as number, Number(match[3])];
    return isRealDate(year, month, day)
      ? { date: isoOf(year, month, day), precision: 'day' }
      : { error: `"${text}" is not a real date.` };
  }
  match = /^([a-z]+)\.? (\d{4})$/.exec(words);
  if (match && MONTHS[match[1] as string]) {
    const [month, year] = [MONTHS[match[1] as string] as number, Number(match[2])];
    if (isRealDate(year, month, 1)) return { date: isoOf(year, month, 1), precision: 'month' };
  }
  return { error: `"${text}" is not a date this importer reads.` };
}

/** A date for a field, with the problems of a bad or partial cell reported against `column`. */
export function dateField(
  cell: string | undefined,
  order: DateOrder,
  column: string,
  problems: RowProblems,
): string | null {
  if (cell === undefined) return null;
  const parsed = parseDate(cell, order);
  if (parsed === null) return null;
  if ('error' in parsed) {
    problems.error(column, `${parsed.error} The date was left empty.`);
    return null;
  }
  if (parsed.precision !== 'day') {
    problems.warning(
      column,
      `Only the ${parsed.precision} is known ("${cell.trim()}"); recorded as ${parsed.date}, the first day of that ${parsed.precision}.`,
    );
  }
  return parsed.date;
}

// Numbers and booleans ------------------------------------------------------------------------------------

export function countField(
  cell: string | undefined,
  column: string,
  problems: RowProblems,
  max = 10_000_000_000,
): number | null {
  const text = textOf(cell);
  if (text === null) return null;
  const normalized = text.replace(/[\s,_]/g, '');
  if (!/^\d+$/.test(normalized) || Number(normalized) > max) {
    problems.error(column, `"${text}" is not a whole number from 0 to ${max}; left empty.`);
    return null;
  }
  return Number(normalized);
}

export function numberField(
  cell: string | undefined,
  column: string,
  problems: RowProblems,
  max: number,
): number | null {
  const text = textOf(cell);
  if (text === null) return null;
  const normalized = text.replace(/[\s,_]/g, '');
  const value = Number(normalized);
  if (normalized === '' || !Number.isFinite(value) || value < 0 || value > max) {
    problems.error(column, `"${text}" is not a number from 0 to ${max}; left empty.`);
    return null;
  }
  return value;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', '']);

/** A yes/no cell; empty means no, as the record's impacts are booleans without an unknown. */
export function booleanField(cell: string | undefined, column: string, problems: RowProblems): boolean {
  const text = (cell ?? '').trim().toLowerCase();
  if (TRUE_WORDS.has(text)) return true;
  if (!FALSE_WORDS.has(text))
    problems.error(column, `"${cell?.trim()}" is not true or false; read as false.`);
  return false;
}

// Sources ------------------------------------------------------------------------------------------------

const URL_PATTERN = /https?:\/\/[^\s;|"<>]+/gi;

/** The http(s) URLs in a cell, in order, each once, without trailing punctuation. */
export function urlsIn(cell: string | undefined): string[] {
  const urls: string[] = [];
  for (const match of (cell ?? '').matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:)\]}'’]+$/, '');
    if (!urls.includes(url)) urls.push(url);
  }
  return urls;
}

/** A source for a URL, titled with the URL's host when the dataset gives no title; null if not a valid URL. */
export function sourceOfUrl(url: string, title?: string | null): SourceInput | null {
  let host: string;
  try {
    host = new URL(url).host;
  } catch {
    return null;
  }
  const source: SourceInput = {
    url,
    title: clip(title?.trim() || host.replace(/^www\./, ''), 500),
    publisher: null,
    publishedOn: null,
    archivedOn: null,
    archiveUrl: null,
  };
  return Value.Check(Source, source) ? source : null;
}

/**
 * Sources from a cell of URLs. Text that is not a URL (other than a null marker) is reported, as is a URL
 * that the record would refuse.
 */
export function sourcesOfCell(
  cell: string | undefined,
  column: string,
  problems: RowProblems,
): SourceInput[] {
  if (textOf(cell) === null) return [];
  const sources: SourceInput[] = [];
  for (const url of urlsIn(cell)) {
    const source = sourceOfUrl(url);
    if (source) sources.push(source);
    else problems.error(column, `"${clip(url, 200)}" is not a valid http(s) URL; not kept as a source.`);
  }
  const rest = (cell ?? '').replace(URL_PATTERN, '\n');
  for (const leftover of splitList(rest, /[;|\n]/)) {
    if (!/[\p{L}\p{N}]/u.test(leftover)) continue;
    problems.error(column, `"${clip(leftover, 200)}" is not a URL; not kept as a source.`);
  }
  return sources;
}

export function addUniqueSources(target: SourceInput[], more: readonly SourceInput[]): void {
  for (const source of more) if (!target.some((known) => known.url === source.url)) target.push(source);
}

export function pushUnique<T>(target: T[], value: T): void {
  if (!target.includes(value)) target.push(value);
}

/** The impacts with nothing known, the starting point of every layout. */
export function emptyImpacts(): NonNullable<IncidentCsvInput['impacts']> {
  return {
    availability: { affected: false, durationHours: null },
    confidentiality: { affected: false, recordsExposed: null },
    integrity: { affected: false },
    physical: { affected: false, description: null },
    economic: { affected: false, lossUsd: null },
  };
}

export function emptyHarm(): NonNullable<IncidentCsvInput['harm']> {
  return {
    hospitalServicesDisrupted: null,
    patientsRedirected: null,
    peopleDataLeaked: null,
    essentialServicesLost: null,
    notes: null,
  };
}

import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { isCountryCode } from '../../../../core/reference/countries.ts';
import { isSubSectorOf } from '../../catalog.ts';
import { Attribution, type AttributionInput, CreateIncident } from '../../incidents.schemas.ts';
import { CFR_READ_COLUMNS, isCfrColumn, isCfrHeader, parseCfr } from './cfr.ts';
import { isCommonGroundColumn, isCommonGroundHeader, parseCommonGround } from './commonground.ts';
import { parseEurepoc } from './eurepoc.ts';
import { EUREPOC_UNMAPPED_COLUMNS, eurepocKnownColumns, isEurepocHeader } from './eurepoc-columns.ts';
import { type CsvRecord, readCsvTable } from './table.ts';
import type { CsvProblem, IncidentCsvInput, ParsedCsvIncident } from './values.ts';

export const CSV_LAYOUTS = ['eurepoc', 'cfr', 'commonground'] as const;
export type CsvLayout = (typeof CSV_LAYOUTS)[number];

export interface IncidentCsvResult {
  /** The layout read, or 'unknown' when the header matches none (then no incidents). */
  layout: CsvLayout | 'unknown';
  incidents: ParsedCsvIncident[];
  problems: CsvProblem[];
}

const ImportedFields = Type.Omit(CreateIncident, ['orgId']);

/**
 * Incident records from a CSV file in one of three layouts (docs/incidents-csv.md): the EuRepoC Global
 * Dataset, the CFR Cyber Operations Tracker export, or our own export. `layout: 'auto'` (the default)
 * recognises the layout by its header.
 *
 * Every incident returned passes the API's schema for a new record (without the organization) and the
 * rules the service adds (country codes, sub-sectors, a name or the anonymised mark for each victim, one
 * entry per norm and per law topic), and so does each attribution. What the file says that does not reach
 * a record is in `problems`, by line and column: `error` for what was left out, `warning` for what was
 * imported with an assumption. A row without a title is not imported; a row without a type that maps is
 * imported as `other`, with a warning.
 */
export function parseIncidentCsv(
  text: string,
  options: { layout?: 'auto' | CsvLayout } = {},
): IncidentCsvResult {
  const problems: CsvProblem[] = [];
  const table = readCsvTable(text, problems);
  if (!table) return { layout: 'unknown', incidents: [], problems };

  const requested = options.layout ?? 'auto';
  const detected: CsvLayout | null = isEurepocHeader(table.columns)
    ? 'eurepoc'
    : isCfrHeader(table.columns)
      ? 'cfr'
      : isCommonGroundHeader(table.columns)
        ? 'commonground'
        : null;
  const layout = requested === 'auto' ? detected : requested;
  if (layout === null || (requested !== 'auto' && !headerFits(requested, table.columns))) {
    problems.push({
      line: 1,
      severity: 'error',
      message:
        requested === 'auto'
          ? `The header matches no layout this importer reads (EuRepoC, CFR tracker, Common Ground); nothing was imported. Header: ${table.header.join(', ')}`
          : `The header lacks the columns the ${requested} layout needs; nothing was imported.`,
    });
    return { layout: requested === 'auto' ? 'unknown' : requested, incidents: [], problems };
  }

  reportColumns(layout, table.header, table.columns, table.records, problems);
  const parsed =
    layout === 'eurepoc'
      ? parseEurepoc(table.records, problems)
      : layout === 'cfr'
        ? parseCfr(table.records, problems)
        : parseCommonGround(table.records, problems);
  const incidents = parsed.filter((incident) => isAcceptable(incident, problems));
  return { layout, incidents, problems };
}

function headerFits(layout: CsvLayout, columns: readonly string[]): boolean {
  if (layout === 'eurepoc') return isEurepocHeader(columns);
  if (layout === 'cfr') return columns.includes('title');
  return isCommonGroundHeader(columns);
}

/** One warning per file for columns that are not read: unknown ones, and known ones the record has no field for. */
function reportColumns(
  layout: CsvLayout,
  header: readonly string[],
  columns: readonly string[],
  records: readonly CsvRecord[],
  problems: CsvProblem[],
): void {
  const eurepocColumns = eurepocKnownColumns();
  const known =
    layout === 'eurepoc'
      ? (column: string) => eurepocColumns.has(column)
      : layout === 'cfr'
        ? isCfrColumn
        : isCommonGroundColumn;
  const unknown = header.filter((_, index) => columns[index] !== '' && !known(columns[index] as string));
  if (unknown.length > 0)
    problems.push({
      line: 1,
      severity: 'warning',
      message: `Columns not recognised and not read: ${unknown.join(', ')}.`,
    });
  if (layout === 'eurepoc') {
    const unmapped = (EUREPOC_UNMAPPED_COLUMNS as readonly string[]).filter(
      (column) =>
        columns.includes(column) && records.some((record) => (record.row.get(column) ?? '').trim() !== ''),
    );
    if (unmapped.length > 0)
      problems.push({
        line: 1,
        severity: 'warning',
        message: `Columns with values the incident record has no field for, not imported: ${unmapped.join(', ')}.`,
      });
  }
  if (layout === 'cfr') {
    const missing = CFR_READ_COLUMNS.filter(
      (column) => !columns.includes(column) && !column.startsWith('sources_'),
    );
    if (missing.length > 0)
      problems.push({
        line: 1,
        severity: 'warning',
        message: `Columns missing from the file: ${missing.join(', ')}.`,
      });
  }
}

/**
 * The last gate: the schema and the service's field rules. The layouts build valid records, so a refusal
 * here is a gap in a mapping; it is reported, not passed on to fail the whole import.
 */
function isAcceptable(incident: ParsedCsvIncident, problems: CsvProblem[]): boolean {
  const refusal =
    refusalOf(incident.input) ?? incident.attributions.map(attributionRefusalOf).find((r) => r !== null);
  if (!refusal) return true;
  problems.push({
    line: incident.line,
    severity: 'error',
    message: `The incident "${incident.input.title}" could not be made into a valid record (${refusal}); not imported.`,
  });
  return false;
}

function refusalOf(input: IncidentCsvInput): string | null {
  if (!Value.Check(ImportedFields, input)) {
    const first = [...Value.Errors(ImportedFields, input)][0];
    return `${first?.instancePath ?? ''} ${first?.message ?? 'invalid'}`.trim();
  }
  for (const code of input.countries ?? []) if (!isCountryCode(code)) return `country ${code}`;
  for (const victim of input.victims ?? []) {
    if (victim.country && !isCountryCode(victim.country)) return `victim country ${victim.country}`;
    if (!victim.isAnonymised && !victim.name?.trim()) return 'a victim without a name';
  }
  for (const target of input.sectors ?? [])
    if (target.subSector && !isSubSectorOf(target.sector, target.subSector))
      return `sub-sector ${target.subSector} of ${target.sector}`;
  for (const response of input.responses ?? [])
    if (response.byCountry && !isCountryCode(response.byCountry))
      return `responder country ${response.byCountry}`;
  const norms = (input.norms ?? []).map((norm) => norm.code);
  if (new Set(norms).size !== norms.length) return 'a norm twice';
  const topics = (input.lawQuestions ?? []).map((question) => question.topic);
  if (new Set(topics).size !== topics.length) return 'a law topic twice';
  if (input.startedOn && input.endedOn && input.endedOn < input.startedOn) return 'an end before the start';
  return null;
}

function attributionRefusalOf(attribution: AttributionInput): string | null {
  if (!Value.Check(Attribution, attribution)) {
    const first = [...Value.Errors(Attribution, attribution)][0];
    return `attribution ${first?.instancePath ?? ''} ${first?.message ?? 'invalid'}`.trim();
  }
  for (const code of [attribution.attributedBy.country, attribution.actor.sponsorCountry])
    if (code && !isCountryCode(code)) return `attribution country ${code}`;
  return null;
}

import type { AttributionInput } from '../../incidents.schemas.ts';
import { countryNameOf, splitCountryList } from './countries.ts';
import type { CsvRecord, CsvRow } from './table.ts';
import {
  addUniqueSources,
  type CsvProblem,
  clip,
  clipped,
  dateField,
  emptyHarm,
  emptyImpacts,
  type IncidentCsvInput,
  type ParsedCsvIncident,
  pushUnique,
  RowProblems,
  type SourceInput,
  sourceOfUrl,
  sourcesOfCell,
  splitList,
  textOf,
  urlsIn,
} from './values.ts';
import { CFR_CATEGORIES, CFR_TYPES, lookup, responseKindOf } from './vocabulary.ts';

/**
 * The Council on Foreign Relations' Cyber Operations Tracker, as its "Download the data" CSV export wrote
 * it: Title, Date, Affiliations, Description, Response, Victims, Sponsor, Type, Category, Sources_1,
 * Sources_2, Sources_3. One row per incident. The tracker records state-sponsored operations: Sponsor is
 * the State it suspects, Affiliations the threat actor and its other names.
 */

export const CFR_READ_COLUMNS = [
  'title',
  'date',
  'affiliations',
  'description',
  'response',
  'victims',
  'sponsor',
  'type',
  'category',
  'sources_1',
  'sources_2',
  'sources_3',
] as const;

/** Who the record says made the attribution: the tracker, on the strength of the sources it cites. */
export const CFR_ATTRIBUTOR_NAME = 'Council on Foreign Relations Cyber Operations Tracker';
/** The responder's name when the tracker gives a response without saying whose it is. */
export const UNNAMED_RESPONDER = 'Not named in the source';

export function isCfrHeader(columns: readonly string[]): boolean {
  return columns.includes('title') && columns.includes('sponsor') && columns.includes('victims');
}

export function isCfrColumn(column: string): boolean {
  return (CFR_READ_COLUMNS as readonly string[]).includes(column) || /^sources?_\d+$/.test(column);
}

const COMPANY_SUFFIX = /^(inc|ltd|llc|co|corp|corporation|plc|sa|ag|gmbh|nv|bv|limited)\.?$/i;

export function parseCfr(records: readonly CsvRecord[], problems: CsvProblem[]): ParsedCsvIncident[] {
  const incidents: ParsedCsvIncident[] = [];
  for (const record of records) {
    const incident = mapRow(record, problems);
    if (incident) incidents.push(incident);
  }
  return incidents;
}

function mapRow(record: CsvRecord, allProblems: CsvProblem[]): ParsedCsvIncident | null {
  const { row, line } = record;
  const problems = new RowProblems(allProblems, line);
  const title = textOf(row.get('title'));
  if (!title) {
    problems.error('Title', 'The row has no title; not imported (a title is required).');
    return null;
  }
  const input: IncidentCsvInput = {
    title: clipped(title, 300, 'Title', problems),
    description: clipped(textOf(row.get('description')) ?? '', 20_000, 'Description', problems),
    types: typesOf(row, problems),
    tlp: 'TLP:CLEAR',
    status: 'unknown',
    impacts: emptyImpacts(),
    harm: emptyHarm(),
    norms: [],
    lawQuestions: [],
  };
  const dateCell = row.get('date');
  input.startedOn = dateCell ? dateField(dateCell, 'month-first', 'Date', problems) : null;

  const sources: SourceInput[] = [];
  for (const column of sourceColumns(row))
    addUniqueSources(sources, sourcesOfCell(row.get(column), column, problems));
  input.sources = sources;

  const category = categoryOf(row, problems);
  input.sectors = category.sector ? [{ sector: category.sector, subSector: null }] : [];
  const targets = targetsOf(row, category.victimKind, category.sector, problems);
  input.countries = targets.countries;
  input.victims = targets.victims;
  input.responses = responsesOf(row, problems);

  const attributions = attributionsOf(row, input, problems);
  return { line, sourceId: title, input, attributions };
}

function sourceColumns(row: CsvRow): string[] {
  const columns: string[] = [];
  for (let index = 1; index <= 20; index += 1) {
    for (const name of [`sources_${index}`, `source_${index}`]) if (row.has(name)) columns.push(name);
  }
  return columns;
}

function typesOf(row: CsvRow, problems: RowProblems): IncidentCsvInput['types'] {
  const types: IncidentCsvInput['types'] = [];
  for (const value of splitList(row.get('type'), /[;,\n]/)) {
    const mapping = lookup(CFR_TYPES, value);
    if (!mapping) {
      problems.error('Type', `"${value}" is not an operation type this importer knows; not recorded.`);
      continue;
    }
    for (const type of mapping.types) pushUnique(types, type);
  }
  if (types.length === 0) {
    problems.warning('Type', 'No operation type that maps to ours; recorded as other.');
    types.push('other');
  }
  return types;
}

function categoryOf(row: CsvRow, problems: RowProblems) {
  let victimKind: NonNullable<IncidentCsvInput['victims']>[number]['kind'] = 'other';
  let sector: NonNullable<IncidentCsvInput['sectors']>[number]['sector'] | null = null;
  const values = splitList(row.get('category'), /[;,\n]/);
  for (const value of values) {
    const mapping = lookup(CFR_CATEGORIES, value);
    if (!mapping) {
      problems.error('Category', `"${value}" is not a victim category this importer knows; not recorded.`);
      continue;
    }
    // The first category that maps describes the victims; a second one cannot be told apart per victim.
    if (victimKind === 'other') victimKind = mapping.victimKind;
    sector ??= mapping.sector;
  }
  if (values.length > 1)
    problems.warning(
      'Category',
      `Several categories (${values.join(', ')}); the first one describes every victim.`,
    );
  return { victimKind, sector };
}

function targetsOf(
  row: CsvRow,
  victimKind: NonNullable<IncidentCsvInput['victims']>[number]['kind'],
  sector: NonNullable<IncidentCsvInput['victims']>[number]['sector'],
  problems: RowProblems,
) {
  const cell = textOf(row.get('victims')) ?? '';
  const { codes, others } = splitCountryList(cell);
  // "Example Corp, Inc." was split at its comma; a company suffix belongs to the name before it.
  const names: string[] = [];
  for (const part of others) {
    if (COMPANY_SUFFIX.test(part) && names.length > 0) names[names.length - 1] = `${names.at(-1)}, ${part}`;
    else if (!names.includes(part)) names.push(part);
  }
  const victims: NonNullable<IncidentCsvInput['victims']> = names.slice(0, 200).map((name) => ({
    name: clip(name, 300),
    isAnonymised: false,
    kind: victimKind,
    country: codes.length === 1 ? (codes[0] as string) : null,
    sector,
  }));
  if (names.length > 200) problems.warning('Victims', `${names.length} victims; the first 200 were kept.`);
  return { countries: codes, victims };
}

function responsesOf(row: CsvRow, problems: RowProblems): NonNullable<IncidentCsvInput['responses']> {
  const cell = row.get('response') ?? '';
  const urls = urlsIn(cell);
  const responseSources = urls.map((url) => sourceOfUrl(url)).filter((source) => source !== null);
  const words = splitList(cell.replace(/https?:\/\/\S+/gi, ' '), /[;\n]/).filter((item) =>
    /\p{L}/u.test(item),
  );
  const responses: NonNullable<IncidentCsvInput['responses']> = [];
  for (const text of words) {
    const kind = responseKindOf(text);
    if (!kind)
      problems.warning(
        'Response',
        `"${clip(text, 100)}" is not a response kind this importer knows; recorded as other.`,
      );
    responses.push({
      kind: kind ?? 'other',
      by: UNNAMED_RESPONDER,
      byCountry: null,
      respondedOn: null,
      description: clip(text, 5000),
      sources: responseSources.slice(0, 20),
    });
  }
  if (words.length === 0 && responseSources.length > 0) {
    problems.warning('Response', 'A response is cited by URL only; recorded as a response of kind other.');
    responses.push({
      kind: 'other',
      by: UNNAMED_RESPONDER,
      byCountry: null,
      respondedOn: null,
      description: null,
      sources: responseSources.slice(0, 20),
    });
  }
  if (responses.length > 0)
    problems.warning(
      'Response',
      'The tracker does not say who responded; the responder is recorded as not named.',
    );
  return responses.slice(0, 100);
}

function attributionsOf(row: CsvRow, input: IncidentCsvInput, problems: RowProblems): AttributionInput[] {
  const sponsorCell = textOf(row.get('sponsor'));
  const sponsors = sponsorCell ? splitCountryList(sponsorCell) : { codes: [], others: [] };
  for (const other of sponsors.others)
    problems.error(
      'Sponsor',
      `"${other}" is not a country this importer knows; no attribution to it was imported.`,
    );
  const names = splitList(row.get('affiliations'), /[;,\n]/);
  if (sponsors.codes.length === 0 && names.length === 0) return [];

  if (!input.startedOn) {
    problems.error(
      'Date',
      'The attribution has no date (the tracker gives none but the incident date); not imported.',
    );
    return [];
  }
  if ((input.sources ?? []).length === 0) {
    problems.error(
      'Sources_1',
      'The attribution has no source URL; not imported (an attribution needs a source).',
    );
    return [];
  }
  problems.warning(
    'Date',
    'The tracker does not date its attributions; the incident date is recorded as the attribution date.',
  );
  const [actorName, ...aliases] = names;
  const sponsorCodes: Array<string | null> = sponsors.codes.length > 0 ? sponsors.codes : [null];
  return sponsorCodes.map((sponsor) => ({
    attributedBy: { kind: 'civil_society', name: CFR_ATTRIBUTOR_NAME, country: null },
    attributedOn: input.startedOn as string,
    basis: 'technical',
    actor: {
      name: clip(actorName ?? `Unidentified actor sponsored by ${countryNameOf(sponsor as string)}`, 200),
      kind: 'threat_actor',
      ...(aliases.length > 0 ? { aliases: aliases.slice(0, 50).map((alias) => clip(alias, 200)) } : {}),
      sponsorCountry: sponsor,
    },
    confidence: 'low',
    sources: (input.sources ?? []).slice(0, 50),
    notes:
      'Suspected state sponsor as recorded by the CFR Cyber Operations Tracker, which does not say who made the attribution or when; dated with the incident.',
  }));
}

import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';
import { TLP_LABELS_ORDERED } from '../../../../core/access/tlp.ts';
import { VISIBILITIES } from '../../../../core/access/visibility.ts';
import { toCsv } from '../../../../core/http/csv.ts';
import { isCountryCode } from '../../../../core/reference/countries.ts';
import { isSectorCode } from '../../../../core/reference/sectors.ts';
import { INCIDENT_STATUSES, INCIDENT_TYPES, isSubSectorOf } from '../../catalog.ts';
import {
  Attribution,
  type AttributionInput,
  CreateIncident,
  type IncidentOut,
} from '../../incidents.schemas.ts';
import { countryCodeOf } from './countries.ts';
import type { CsvRecord } from './table.ts';
import {
  booleanField,
  type CsvProblem,
  clipped,
  countField,
  dateField,
  type IncidentCsvInput,
  numberField,
  type ParsedCsvIncident,
  pushUnique,
  RowProblems,
} from './values.ts';

/**
 * Our own layout: one row per incident, a column for every field, so that an export reads back whole.
 * Lists of codes are joined with " | "; lists of objects (victims, attributions, responses, norms, law
 * questions, sources) are JSON arrays in the shape the API takes. Columns marked export-only describe the
 * record on this instance (its id, organization, state, derived figures) and are not read back.
 */

export const COMMONGROUND_COLUMNS = [
  'id',
  'organization',
  'editorial_state',
  'title',
  'description',
  'started_on',
  'ended_on',
  'status',
  'types',
  'countries',
  'regions',
  'sectors',
  'victims',
  'availability_affected',
  'availability_duration_hours',
  'confidentiality_affected',
  'confidentiality_records_exposed',
  'integrity_affected',
  'physical_affected',
  'physical_description',
  'economic_affected',
  'economic_loss_usd',
  'hospital_services_disrupted',
  'patients_redirected',
  'people_data_leaked',
  'essential_services_lost',
  'harm_notes',
  'intensity_score',
  'attributions',
  'responses',
  'norms',
  'law_questions',
  'sources',
  'tlp',
  'visibility',
  'published_at',
  'updated_at',
] as const;

/** Written on export, ignored on import: they belong to the record on this instance or are derived. */
export const EXPORT_ONLY_COLUMNS = new Set([
  'id',
  'organization',
  'editorial_state',
  'regions',
  'intensity_score',
  'published_at',
  'updated_at',
]);

export const LIST_SEPARATOR = ' | ';

export function isCommonGroundHeader(columns: readonly string[]): boolean {
  return columns.includes('title') && columns.includes('types');
}

export function isCommonGroundColumn(column: string): boolean {
  return (COMMONGROUND_COLUMNS as readonly string[]).includes(column);
}

// Export -------------------------------------------------------------------------------------------------

const json = (value: unknown[]): string => (value.length === 0 ? '' : JSON.stringify(value));
const flag = (value: boolean): string => (value ? 'true' : 'false');

function attributionInputOf(attribution: IncidentOut['attributions'][number]): AttributionInput {
  return {
    attributedBy: {
      kind: attribution.attributedBy.kind as AttributionInput['attributedBy']['kind'],
      name: attribution.attributedBy.name,
      country: attribution.attributedBy.country,
    },
    attributedOn: attribution.attributedOn,
    basis: attribution.basis as AttributionInput['basis'],
    actor: {
      name: attribution.actor.name,
      kind: attribution.actor.kind as NonNullable<AttributionInput['actor']['kind']>,
      aliases: attribution.actor.aliases,
      sponsorCountry: attribution.actor.sponsorCountry,
    },
    confidence: attribution.confidence as AttributionInput['confidence'],
    sources: attribution.sources,
    notes: attribution.notes,
  };
}

/**
 * Incident records as a CSV file in our own layout: RFC 4180 with CRLF line ends, UTF-8, cells that would
 * start a spreadsheet formula guarded (core/http/csv.ts). With a byte order mark by default, so that
 * spreadsheet programs read the file as UTF-8 (Arabic and Chinese text stays readable); the importer
 * accepts it either way.
 */
export function incidentsToCsv(
  incidents: readonly IncidentOut[],
  options: { byteOrderMark?: boolean } = {},
): string {
  const rows = incidents.map((incident) => {
    const cells: Record<(typeof COMMONGROUND_COLUMNS)[number], string | number | null> = {
      id: incident.id,
      organization: incident.organization.name,
      editorial_state: incident.editorialState,
      title: incident.title,
      description: incident.description,
      started_on: incident.startedOn,
      ended_on: incident.endedOn,
      status: incident.status,
      types: incident.types.join(LIST_SEPARATOR),
      countries: incident.countries.join(LIST_SEPARATOR),
      regions: incident.regions.join(LIST_SEPARATOR),
      sectors: incident.sectors
        .map((target) => (target.subSector ? `${target.sector}/${target.subSector}` : target.sector))
        .join(LIST_SEPARATOR),
      victims: json(incident.victims),
      availability_affected: flag(incident.impacts.availability.affected),
      availability_duration_hours: incident.impacts.availability.durationHours,
      confidentiality_affected: flag(incident.impacts.confidentiality.affected),
      confidentiality_records_exposed: incident.impacts.confidentiality.recordsExposed,
      integrity_affected: flag(incident.impacts.integrity.affected),
      physical_affected: flag(incident.impacts.physical.affected),
      physical_description: incident.impacts.physical.description,
      economic_affected: flag(incident.impacts.economic.affected),
      economic_loss_usd: incident.impacts.economic.lossUsd,
      hospital_services_disrupted: incident.harm.hospitalServicesDisrupted,
      patients_redirected: incident.harm.patientsRedirected,
      people_data_leaked: incident.harm.peopleDataLeaked,
      essential_services_lost: incident.harm.essentialServicesLost,
      harm_notes: incident.harm.notes,
      intensity_score: incident.intensity.score,
      attributions: json(incident.attributions.map(attributionInputOf)),
      responses: json(incident.responses),
      norms: json(incident.norms.map(({ code, rationale }) => ({ code, rationale }))),
      law_questions: json(incident.lawQuestions),
      sources: json(incident.sources),
      tlp: incident.tlp,
      visibility: incident.visibility,
      published_at: incident.publishedAt,
      updated_at: incident.updatedAt,
    };
    return COMMONGROUND_COLUMNS.map((column) => cells[column]);
  });
  const text = toCsv(COMMONGROUND_COLUMNS, rows);
  return options.byteOrderMark === false ? text : `\uFEFF${text}`;
}

// Import -------------------------------------------------------------------------------------------------

/** The export guards a cell that starts like a formula with a leading apostrophe; reading takes it off. */
function unguarded(cell: string | undefined): string | undefined {
  return cell !== undefined && /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

type ItemSchema = TSchema;
const itemsOf = (schema: unknown): ItemSchema => (schema as { items: ItemSchema }).items;
const fields = CreateIncident.properties;
const VictimItem = itemsOf(fields.victims);
const ResponseItem = itemsOf(fields.responses);
const NormItem = itemsOf(fields.norms);
const LawItem = itemsOf(fields.lawQuestions);
const SourceItem = itemsOf(fields.sources);

/** Properties the API's answers carry and its requests refuse: dropped, so pasted API JSON reads too. */
function withoutOutputOnly(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutOutputOnly);
  if (typeof value !== 'object' || value === null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (['id', 'citation', 'daysAfterStart', 'createdAt'].includes(key)) continue;
    copy[key] = withoutOutputOnly(item);
  }
  return copy;
}

/**
 * A JSON array cell, item by item: an item the schema or the field rules refuse is reported and left out,
 * the others are kept.
 */
function jsonList<T>(
  cell: string | undefined,
  column: string,
  schema: ItemSchema,
  problems: RowProblems,
  rule: (item: T) => string | null = () => null,
): T[] {
  const text = (cell ?? '').trim();
  if (text === '') return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problems.error(column, 'Not a JSON array; nothing in the cell was imported.');
    return [];
  }
  if (!Array.isArray(parsed)) {
    problems.error(column, 'Not a JSON array; nothing in the cell was imported.');
    return [];
  }
  const items: T[] = [];
  parsed.forEach((raw, index) => {
    const item = withoutOutputOnly(raw);
    if (!Value.Check(schema, item)) {
      const first = [...Value.Errors(schema, item)][0];
      problems.error(
        column,
        `Item ${index + 1} is not valid${first ? ` (${first.instancePath || '/'}: ${first.message})` : ''}; left out.`,
      );
      return;
    }
    const refusal = rule(item as T);
    if (refusal) {
      problems.error(column, `Item ${index + 1}: ${refusal}; left out.`);
      return;
    }
    items.push(item as T);
  });
  return items;
}

const countryRule = (code: string | null | undefined, what: string) =>
  code && !isCountryCode(code) ? `${code} is not an ISO 3166-1 country code (${what})` : null;

export function parseCommonGround(
  records: readonly CsvRecord[],
  problems: CsvProblem[],
): ParsedCsvIncident[] {
  const incidents: ParsedCsvIncident[] = [];
  for (const record of records) {
    const incident = mapRow(record, problems);
    if (incident) incidents.push(incident);
  }
  return incidents;
}

function mapRow(record: CsvRecord, allProblems: CsvProblem[]): ParsedCsvIncident | null {
  const problems = new RowProblems(allProblems, record.line);
  const get = (column: string) => unguarded(record.row.get(column));
  const title = (get('title') ?? '').trim();
  if (title === '') {
    problems.error('title', 'The row has no title; not imported (a title is required).');
    return null;
  }
  const input: IncidentCsvInput = {
    title: clipped(title, 300, 'title', problems),
    types: typesOf(get('types'), problems),
  };
  const description = get('description');
  if (description !== undefined) input.description = clipped(description, 20_000, 'description', problems);
  if (record.row.has('started_on'))
    input.startedOn = dateField(get('started_on'), 'iso-only', 'started_on', problems);
  if (record.row.has('ended_on'))
    input.endedOn = dateField(get('ended_on'), 'iso-only', 'ended_on', problems);
  if (input.startedOn && input.endedOn && input.endedOn < input.startedOn) {
    problems.error('ended_on', `The end (${input.endedOn}) comes before the start; the end was left empty.`);
    input.endedOn = null;
  }
  const status = (get('status') ?? '').trim();
  if (status !== '') {
    if ((INCIDENT_STATUSES as readonly string[]).includes(status))
      input.status = status as NonNullable<IncidentCsvInput['status']>;
    else
      problems.error(
        'status',
        `"${status}" is not one of ${INCIDENT_STATUSES.join(', ')}; left to the default.`,
      );
  }
  if (record.row.has('countries')) input.countries = countriesOf(get('countries'), problems);
  if (record.row.has('sectors')) input.sectors = sectorsOf(get('sectors'), problems);
  if (record.row.has('victims'))
    input.victims = jsonList(
      get('victims'),
      'victims',
      VictimItem,
      problems,
      (victim: VictimInput) =>
        countryRule(victim.country, 'country') ??
        (!victim.isAnonymised && !victim.name?.trim()
          ? 'a victim needs a name unless it is anonymised'
          : null),
    );

  const row = record.row;
  const has = (column: string) => row.has(column);
  if (['availability_affected', 'confidentiality_affected', 'integrity_affected'].some(has)) {
    input.impacts = {
      availability: {
        affected: booleanField(get('availability_affected'), 'availability_affected', problems),
        durationHours: numberField(
          get('availability_duration_hours'),
          'availability_duration_hours',
          problems,
          1e6,
        ),
      },
      confidentiality: {
        affected: booleanField(get('confidentiality_affected'), 'confidentiality_affected', problems),
        recordsExposed: countField(
          get('confidentiality_records_exposed'),
          'confidentiality_records_exposed',
          problems,
        ),
      },
      integrity: { affected: booleanField(get('integrity_affected'), 'integrity_affected', problems) },
      physical: {
        affected: booleanField(get('physical_affected'), 'physical_affected', problems),
        description: textOrNull(get('physical_description'), 2000, 'physical_description', problems),
      },
      economic: {
        affected: booleanField(get('economic_affected'), 'economic_affected', problems),
        lossUsd: numberField(get('economic_loss_usd'), 'economic_loss_usd', problems, 1e13),
      },
    };
  }
  if (['hospital_services_disrupted', 'patients_redirected', 'people_data_leaked', 'harm_notes'].some(has)) {
    input.harm = {
      hospitalServicesDisrupted: countField(
        get('hospital_services_disrupted'),
        'hospital_services_disrupted',
        problems,
      ),
      patientsRedirected: countField(get('patients_redirected'), 'patients_redirected', problems),
      peopleDataLeaked: countField(get('people_data_leaked'), 'people_data_leaked', problems),
      essentialServicesLost: countField(get('essential_services_lost'), 'essential_services_lost', problems),
      notes: textOrNull(get('harm_notes'), 5000, 'harm_notes', problems),
    };
  }
  if (has('responses'))
    input.responses = jsonList(
      get('responses'),
      'responses',
      ResponseItem,
      problems,
      (response: ResponseInput) => countryRule(response.byCountry, 'byCountry'),
    );
  if (has('norms'))
    input.norms = uniqueBy(jsonList(get('norms'), 'norms', NormItem, problems), 'code', 'norms', problems);
  if (has('law_questions'))
    input.lawQuestions = uniqueBy(
      jsonList(get('law_questions'), 'law_questions', LawItem, problems),
      'topic',
      'law_questions',
      problems,
    );
  if (has('sources')) input.sources = jsonList(get('sources'), 'sources', SourceItem, problems);
  const tlp = tlpOf(get('tlp'), problems);
  if (tlp) input.tlp = tlp;
  const visibility = (get('visibility') ?? '').trim();
  if (visibility !== '') {
    if ((VISIBILITIES as readonly string[]).includes(visibility))
      input.visibility = visibility as NonNullable<IncidentCsvInput['visibility']>;
    else
      problems.error(
        'visibility',
        `"${visibility}" is not one of ${VISIBILITIES.join(', ')}; left to the default.`,
      );
  }

  const attributions = jsonList(
    get('attributions'),
    'attributions',
    Attribution,
    problems,
    (attribution: AttributionInput) =>
      countryRule(attribution.attributedBy.country, 'attributedBy.country') ??
      countryRule(attribution.actor.sponsorCountry, 'actor.sponsorCountry'),
  );
  const id = (row.get('id') ?? '').trim();
  return { line: record.line, sourceId: id === '' ? null : id, input, attributions };
}

type VictimInput = NonNullable<IncidentCsvInput['victims']>[number];
type ResponseInput = NonNullable<IncidentCsvInput['responses']>[number];

function textOrNull(
  cell: string | undefined,
  max: number,
  column: string,
  problems: RowProblems,
): string | null {
  if (cell === undefined || cell.trim() === '') return null;
  return clipped(cell, max, column, problems);
}

function uniqueBy<T extends Record<K, string>, K extends string>(
  items: T[],
  key: K,
  column: string,
  problems: RowProblems,
): T[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    if (seen.has(item[key])) {
      problems.error(column, `${item[key]} appears more than once; the first was kept.`);
      return false;
    }
    seen.add(item[key]);
    return true;
  });
}

const splitCodes = (cell: string | undefined) =>
  (cell ?? '')
    .split(/[|;,\n]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');

function typesOf(cell: string | undefined, problems: RowProblems): IncidentCsvInput['types'] {
  const types: IncidentCsvInput['types'] = [];
  for (const code of splitCodes(cell)) {
    if ((INCIDENT_TYPES as readonly string[]).includes(code))
      pushUnique(types, code as (typeof types)[number]);
    else problems.error('types', `"${code}" is not an incident type code; not recorded.`);
  }
  if (types.length === 0) {
    problems.warning('types', 'No incident type; recorded as other.');
    types.push('other');
  }
  return types;
}

function countriesOf(cell: string | undefined, problems: RowProblems): string[] {
  const codes: string[] = [];
  for (const item of splitCodes(cell)) {
    // Codes as we write them; names too, for a file edited by hand.
    const code = isCountryCode(item.toUpperCase()) ? item.toUpperCase() : countryCodeOf(item);
    if (code) pushUnique(codes, code);
    else
      problems.error(
        'countries',
        `"${item}" is not an ISO 3166-1 country code or a country name; not recorded.`,
      );
  }
  return codes.slice(0, 250);
}

function sectorsOf(
  cell: string | undefined,
  problems: RowProblems,
): NonNullable<IncidentCsvInput['sectors']> {
  const sectors: NonNullable<IncidentCsvInput['sectors']> = [];
  for (const item of (cell ?? '')
    .split(/[|;\n]/)
    .map((part) => part.trim())
    .filter((part) => part !== '')) {
    const [sector = '', subSector = ''] = item.split('/').map((part) => part.trim());
    if (!isSectorCode(sector)) {
      problems.error('sectors', `"${sector}" is not a sector code; not recorded.`);
      continue;
    }
    if (subSector !== '' && !isSubSectorOf(sector, subSector)) {
      problems.error(
        'sectors',
        `"${subSector}" is not a sub-sector of ${sector}; the sector was recorded without it.`,
      );
      sectors.push({ sector, subSector: null });
      continue;
    }
    sectors.push({ sector, subSector: subSector === '' ? null : subSector });
  }
  return sectors.slice(0, 100);
}

function tlpOf(cell: string | undefined, problems: RowProblems): IncidentCsvInput['tlp'] | null {
  const text = (cell ?? '').trim().toUpperCase().replace(/\s+/g, '');
  if (text === '') return null;
  const label = text.startsWith('TLP:') ? text : `TLP:${text}`;
  if (label === 'TLP:WHITE') {
    problems.warning('tlp', 'TLP:WHITE is TLP 1.0; read as its TLP 2.0 successor, TLP:CLEAR.');
    return 'TLP:CLEAR';
  }
  if ((TLP_LABELS_ORDERED as readonly string[]).includes(label)) return label as IncidentCsvInput['tlp'];
  problems.error('tlp', `"${cell?.trim()}" is not a TLP 2.0 label; left to the default.`);
  return null;
}

import { isSubSectorOf } from '../../catalog.ts';
import type { AttributionInput } from '../../incidents.schemas.ts';
import { countryCodeOf, countryNameOf, normalizeName, splitCountryList } from './countries.ts';
import { cellOf } from './eurepoc-columns.ts';
import type { CsvRecord } from './table.ts';
import {
  addUniqueSources,
  type CsvProblem,
  clip,
  clipped,
  dateField,
  emptyHarm,
  emptyImpacts,
  type IncidentCsvInput,
  isNullMarker,
  numberField,
  type ParsedCsvIncident,
  pushUnique,
  RowProblems,
  type SourceInput,
  sourcesOfCell,
  splitAligned,
  splitList,
  textOf,
} from './values.ts';
import {
  basisOfAttributionType,
  EUREPOC_ATTRIBUTION_BASES,
  EUREPOC_INCIDENT_TYPES,
  EUREPOC_RECEIVER_CATEGORIES,
  EUREPOC_RECEIVER_SUBCATEGORIES,
  EUREPOC_STATE_INITIATORS,
  lawTopicOf,
  lookup,
  responseKindOf,
} from './vocabulary.ts';

/**
 * The EuRepoC Global Dataset (release 1.3, on Zenodo), and the same columns as the EuRepoC API wrapper and
 * earlier releases name them. One row per incident in the global file; the wrapper's long format repeats
 * an incident on several rows (one per receiver, attribution or response), so rows are grouped by
 * incident id and their values merged. Cells list several values separated by ";".
 */

const isNone = (value: string | null): boolean => value === null || /^(none|no)\b/i.test(value.trim());

interface Group {
  id: string | null;
  records: CsvRecord[];
}

function groupByIncident(records: readonly CsvRecord[]): Group[] {
  const groups = new Map<string, Group>();
  for (const record of records) {
    const id = textOf(cellOf(record.row, 'incident_id'));
    const key = id ?? `line:${record.line}`;
    const group = groups.get(key);
    if (group) group.records.push(record);
    else groups.set(key, { id, records: [record] });
  }
  return [...groups.values()];
}

export function parseEurepoc(records: readonly CsvRecord[], problems: CsvProblem[]): ParsedCsvIncident[] {
  const incidents: ParsedCsvIncident[] = [];
  for (const group of groupByIncident(records)) {
    const incident = mapGroup(group, problems);
    if (incident) incidents.push(incident);
  }
  return incidents;
}

function firstText(group: Group, column: string): { value: string; record: CsvRecord } | null {
  for (const record of group.records) {
    const value = textOf(cellOf(record.row, column));
    if (value !== null) return { value, record };
  }
  return null;
}

function mapGroup(group: Group, allProblems: CsvProblem[]): ParsedCsvIncident | null {
  const first = group.records[0] as CsvRecord;
  const problems = new RowProblems(allProblems, first.line);
  const title = firstText(group, 'name');
  if (!title) {
    problems.error('name', 'The incident has no name; the row was not imported (a title is required).');
    return null;
  }
  const otherNames = new Set(
    group.records.map((record) => textOf(cellOf(record.row, 'name'))).filter((name) => name !== null),
  );
  if (otherNames.size > 1)
    problems.warning('name', `Rows of incident ${group.id} name it differently; the first name was kept.`);

  const input: IncidentCsvInput = {
    title: clipped(title.value, 300, 'name', problems),
    description: clipped(firstText(group, 'description')?.value ?? '', 20_000, 'description', problems),
    types: [],
    tlp: 'TLP:CLEAR',
  };
  const start = firstText(group, 'start_date');
  input.startedOn = start ? dateField(start.value, 'day-first', 'start_date', problems) : null;
  const end = firstText(group, 'end_date');
  input.endedOn = end ? dateField(end.value, 'day-first', 'end_date', problems) : null;
  if (input.startedOn && input.endedOn && input.endedOn < input.startedOn) {
    problems.error('end_date', `The end (${input.endedOn}) comes before the start; the end was left empty.`);
    input.endedOn = null;
  }
  input.status = input.endedOn ? 'ended' : 'unknown';

  input.types = typesOf(group, problems);
  const targets = targetsOf(group, problems);
  input.countries = targets.countries;
  input.sectors = targets.sectors;
  input.victims = targets.victims;

  const sources: SourceInput[] = [];
  for (const record of group.records) {
    const rowProblems = new RowProblems(allProblems, record.line);
    addUniqueSources(sources, sourcesOfCell(cellOf(record.row, 'source_url'), 'source_url', rowProblems));
  }
  if (sources.length > 200)
    problems.warning('source_url', `${sources.length} sources; the first 200 were kept.`);
  input.sources = sources.slice(0, 200);

  const { impacts, harmNotes } = impactsOf(group, problems);
  input.impacts = impacts;
  input.harm = { ...emptyHarm(), notes: harmNotes.length > 0 ? clip(harmNotes.join('\n'), 5000) : null };
  input.responses = responsesOf(group, allProblems);
  input.lawQuestions = lawQuestionsOf(group);

  const attributions = attributionsOf(group, input, allProblems);
  return { line: first.line, sourceId: group.id, input, attributions };
}

function typesOf(group: Group, problems: RowProblems): IncidentCsvInput['types'] {
  const types: IncidentCsvInput['types'] = [];
  const read = (column: string) => {
    for (const record of group.records) {
      for (const value of splitList(cellOf(record.row, column))) {
        const mapping = lookup(EUREPOC_INCIDENT_TYPES, value);
        if (!mapping) {
          problems.error(column, `"${value}" is not an incident type this importer knows; not recorded.`);
          continue;
        }
        if (mapping.loss) problems.warning(column, `"${value}": ${mapping.loss}`);
        for (const type of mapping.types) pushUnique(types, type);
      }
    }
  };
  read('incident_type');
  // The dyadic file's coarser type, only where the incident types say nothing.
  if (types.length === 0) read('operation_type');
  if (types.length === 0) {
    problems.warning('incident_type', 'No incident type that maps to ours; recorded as other.');
    types.push('other');
  }
  return types;
}

interface Targets {
  countries: string[];
  sectors: NonNullable<IncidentCsvInput['sectors']>;
  victims: NonNullable<IncidentCsvInput['victims']>;
}

function targetsOf(group: Group, problems: RowProblems): Targets {
  const targets: Targets = { countries: [], sectors: [], victims: [] };
  const addSector = (sector: string | null, subSector?: string) => {
    if (sector === null) return;
    const candidate = { sector, subSector: subSector && isSubSectorOf(sector, subSector) ? subSector : null };
    const existing = targets.sectors.find((target) => target.sector === sector);
    if (!existing) targets.sectors.push(candidate as Targets['sectors'][number]);
    else if (existing.subSector === null && candidate.subSector !== null) {
      // A sub-sector says more than its sector alone; keep both only when sub-sectors differ.
      existing.subSector = candidate.subSector;
    } else if (candidate.subSector !== null && existing.subSector !== candidate.subSector) {
      if (!targets.sectors.some((t) => t.sector === sector && t.subSector === candidate.subSector))
        targets.sectors.push(candidate as Targets['sectors'][number]);
    }
  };

  for (const record of group.records) {
    const row = record.row;
    const codes = splitList(cellOf(row, 'receiver_country_alpha_2_code'))
      .map((code) => code.toUpperCase())
      .filter((code) => countryCodeOf(code) === code);
    const countryCells = splitAligned(cellOf(row, 'receiver_country'));
    const rowCountries: Array<string | null> = countryCells.map((name) => {
      if (name === null) return null;
      const code = countryCodeOf(name);
      if (code) return code;
      if (/\(region\)|^global|^eu\b|^nato\b/i.test(name))
        problems.warning(
          'receiver_country',
          `"${name}" is a region, not a country; not recorded as a country.`,
        );
      else
        problems.error('receiver_country', `"${name}" is not a country this importer knows; not recorded.`);
      return null;
    });
    for (const code of [...codes, ...rowCountries]) if (code) pushUnique(targets.countries, code);

    const categories = splitAligned(cellOf(row, 'receiver_category'));
    const subcategories = splitAligned(cellOf(row, 'receiver_subcategory'));
    let hasSubcategorySector = false;
    const subMappings = subcategories.map((value) => {
      if (value === null) return null;
      const mapping = lookup(EUREPOC_RECEIVER_SUBCATEGORIES, value);
      if (!mapping) {
        if (normalizeName(value) !== 'other')
          problems.error(
            'receiver_subcategory',
            `"${value}" is not a receiver sub-category this importer knows; not recorded.`,
          );
        return null;
      }
      if (mapping.sector) hasSubcategorySector = true;
      addSector(mapping.sector, mapping.subSector);
      return mapping;
    });
    const categoryMappings = categories.map((value) => {
      if (value === null) return null;
      const mapping = lookup(EUREPOC_RECEIVER_CATEGORIES, value);
      if (!mapping) {
        problems.error(
          'receiver_category',
          `"${value}" is not a receiver category this importer knows; not recorded.`,
        );
        return null;
      }
      // A category stands for its sector only where no sub-category said more.
      if (!hasSubcategorySector) addSector(mapping.sector);
      return mapping;
    });

    const names = splitAligned(cellOf(row, 'receiver_name'));
    names.forEach((name, index) => {
      if (name === null) return;
      const aligned = names.length === countryCells.length ? rowCountries[index] : null;
      const country = aligned ?? (targets.countries.length === 1 ? targets.countries[0] : null) ?? null;
      const sub = names.length === subMappings.length ? subMappings[index] : null;
      const category = names.length === categoryMappings.length ? categoryMappings[index] : null;
      const kindSource = sub ?? category ?? (categoryMappings.length === 1 ? categoryMappings[0] : null);
      if (targets.victims.some((victim) => victim.name === name && victim.country === country)) return;
      targets.victims.push({
        name: clip(name, 300),
        isAnonymised: false,
        kind: kindSource?.victimKind ?? 'other',
        country,
        sector: (sub?.sector ?? category?.sector ?? null) as Targets['victims'][number]['sector'],
      });
    });
  }
  if (targets.victims.length > 200) {
    problems.warning('receiver_name', `${targets.victims.length} receivers; the first 200 were kept.`);
    targets.victims = targets.victims.slice(0, 200);
  }
  return targets;
}

function impactsOf(group: Group, problems: RowProblems) {
  const impacts = emptyImpacts();
  const harmNotes: string[] = [];
  const text = (column: string) => firstText(group, column)?.value ?? null;

  const hasDisruption = text('has_disruption');
  const disruption = text('disruption');
  impacts.availability.affected =
    (hasDisruption !== null && /^(true|yes|1)$/i.test(hasDisruption)) || !isNone(disruption);
  impacts.confidentiality.affected = !isNone(text('data_theft'));
  impacts.integrity.affected = !isNone(text('hijacking'));
  const spatial = text('physical_effects_spatial');
  const temporal = text('physical_effects_temporal');
  if (!isNone(spatial) || !isNone(temporal)) {
    impacts.physical = {
      affected: true,
      description: clip(
        [
          spatial && !isNone(spatial) ? `Spatial: ${spatial}` : null,
          temporal && !isNone(temporal) ? `Temporal: ${temporal}` : null,
        ]
          .filter((part) => part !== null)
          .join('. '),
        2000,
      ),
    };
  }
  const economic = text('economic_impact');
  const amountCell = firstText(group, 'economic_impact_value');
  const currency = text('economic_impact_currency');
  const amount = amountCell ? numberField(amountCell.value, 'economic_impact_value', problems, 1e13) : null;
  if (!isNone(economic) || (amount !== null && amount > 0)) {
    impacts.economic.affected = true;
    if (amount !== null && currency && /^(usd|us\$|\$|us dollars?|u\.s\. dollars?)$/i.test(currency.trim())) {
      impacts.economic.lossUsd = amount;
    } else if (amount !== null) {
      problems.warning(
        'economic_impact_currency',
        `A loss of ${amount} ${currency ?? '(no currency)'} is not in US dollars; kept in the harm notes, not as the loss in USD.`,
      );
      harmNotes.push(`Economic loss (EuRepoC): ${amount} ${currency ?? ''}`.trim());
    }
  }
  const casualties = text('casualties');
  if (!isNone(casualties)) harmNotes.push(`Casualties (EuRepoC): ${casualties}`);
  return { impacts, harmNotes };
}

/** One value per position of parallel list cells; a cell with a single value applies to every position. */
function aligned(
  cells: ReadonlyArray<Array<string | null>>,
  count: number,
  index: number,
): Array<string | null> {
  return cells.map((values) =>
    values.length === count ? (values[index] ?? null) : values.length === 1 ? (values[0] ?? null) : null,
  );
}

function responsesOf(group: Group, allProblems: CsvProblem[]): NonNullable<IncidentCsvInput['responses']> {
  const responses: NonNullable<IncidentCsvInput['responses']> = [];
  const seen = new Set<string>();
  for (const record of group.records) {
    const problems = new RowProblems(allProblems, record.line);
    for (const prefix of ['political', 'legal'] as const) {
      const columns = {
        date: `${prefix}_response_date`,
        type: `${prefix}_response_type`,
        subtype: `${prefix}_response_subtype`,
        country: `${prefix}_response_responding_country`,
        actor: `${prefix}_response_responding_actor`,
      };
      const cells = Object.values(columns).map((column) => splitAligned(cellOf(record.row, column)));
      const types = cells[1] as Array<string | null>;
      const count = types.length;
      for (let index = 0; index < count; index += 1) {
        const [date, type, subtype, country, actor] = aligned(cells, count, index);
        if (!type) continue;
        const kind = responseKindOf(`${type} ${subtype ?? ''}`);
        if (!kind)
          problems.warning(
            columns.type,
            `"${type}" is not a response kind this importer knows; recorded as other.`,
          );
        const countryCodes = country ? splitCountryList(country).codes : [];
        if (country && countryCodes.length === 0)
          problems.error(columns.country, `"${country}" is not a country this importer knows; not recorded.`);
        const respondedOn = date ? dateField(date, 'day-first', columns.date, problems) : null;
        const by = actor ?? (countryCodes.length > 0 ? countryCodes.map(countryNameOf).join(', ') : null);
        const response = {
          kind: kind ?? 'other',
          by: clip(by ?? 'Not named in the source', 300),
          byCountry: countryCodes.length === 1 ? (countryCodes[0] as string) : null,
          respondedOn,
          description: clip(
            `${prefix === 'political' ? 'Political' : 'Legal'} response (EuRepoC): ${type}${subtype ? ` — ${subtype}` : ''}`,
            5000,
          ),
          sources: [],
        };
        const key = JSON.stringify(response);
        if (seen.has(key)) continue;
        seen.add(key);
        responses.push(response);
      }
    }
  }
  return responses.slice(0, 100);
}

function lawQuestionsOf(group: Group): NonNullable<IncidentCsvInput['lawQuestions']> {
  const questions: NonNullable<IncidentCsvInput['lawQuestions']> = [];
  for (const record of group.records) {
    const indicators = splitAligned(cellOf(record.row, 'il_breach_indicator'));
    const subcodes = splitAligned(cellOf(record.row, 'il_breach_indicator_subcode'));
    indicators.forEach((indicator, index) => {
      if (indicator === null) return;
      const subcode = indicators.length === subcodes.length ? subcodes[index] : null;
      const topic = lawTopicOf(`${indicator} ${subcode ?? ''}`) ?? 'other';
      const note = `EuRepoC: ${indicator}${subcode ? ` — ${subcode}` : ''}`;
      const existing = questions.find((question) => question.topic === topic);
      if (!existing) questions.push({ topic, note: clip(note, 5000) });
      else if (existing.note && !existing.note.includes(note))
        existing.note = clip(`${existing.note}; ${note}`, 5000);
    });
  }
  return questions;
}

function attributionsOf(
  group: Group,
  input: IncidentCsvInput,
  allProblems: CsvProblem[],
): AttributionInput[] {
  const attributions: AttributionInput[] = [];
  const seen = new Set<string>();
  for (const record of group.records) {
    const problems = new RowProblems(allProblems, record.line);
    const row = record.row;
    const columns = [
      'attribution_id',
      'attribution_date',
      'attribution_basis',
      'attribution_type',
      'attribution_subtype',
      'attributing_actor',
      'attributing_company',
      'attributing_country',
      'settled_initiator',
      'initiator_name',
      'initiator_country',
      'initiator_category',
    ] as const;
    const cells = columns.map((column) => splitAligned(cellOf(row, column)));
    const ids = (cells[0] as Array<string | null>).filter((id) => id !== null);
    const hasAny = cells.slice(1).some((values) => values.some((value) => value !== null));
    if (!hasAny) continue;
    const count = Math.max(1, ids.length);
    const attributionSources = sourcesOfCell(
      cellOf(row, 'attribution_source_url'),
      'attribution_source_url',
      problems,
    );
    for (let index = 0; index < count; index += 1) {
      const values = Object.fromEntries(
        columns.map((column, position) => {
          const list = cells[position] as Array<string | null>;
          // Per attribution where the cell lists one value per attribution; the whole cell otherwise.
          const value =
            list.length === count
              ? (list[index] ?? null)
              : list.filter((item) => item !== null).join('; ') || null;
          return [column, value];
        }),
      ) as Record<(typeof columns)[number], string | null>;
      for (const attribution of attributionOf(values, input, attributionSources, problems)) {
        const key = `${values.attribution_id ?? ''}|${JSON.stringify(attribution)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        attributions.push(attribution);
      }
    }
  }
  return attributions;
}

function attributionOf(
  values: Record<string, string | null>,
  input: IncidentCsvInput,
  attributionSources: SourceInput[],
  problems: RowProblems,
): AttributionInput[] {
  const label = values.attribution_id ? `Attribution ${values.attribution_id}` : 'The attribution';
  const basisValue = values.attribution_basis;
  const mapping = basisValue
    ? (splitList(basisValue)
        .map((item) => lookup(EUREPOC_ATTRIBUTION_BASES, item))
        .find((item) => item !== undefined) ?? null)
    : null;
  if (basisValue && !mapping)
    problems.warning(
      'attribution_basis',
      `"${basisValue}" is not an attribution basis this importer knows; who attributed is read from the other columns.`,
    );

  // Who the initiators are: named actors, or the sponsor State alone.
  const initiatorNames = splitList(values.initiator_name ?? undefined);
  const initiatorCountries = values.initiator_country
    ? splitCountryList(values.initiator_country)
    : { codes: [], others: [] };
  for (const other of initiatorCountries.others)
    if (!isNullMarker(other) && !/^unknown\b|not attributed/i.test(other))
      problems.error('initiator_country', `"${other}" is not a country this importer knows; not recorded.`);
  const isStateInitiator = splitList(values.initiator_category ?? undefined).some((category) =>
    EUREPOC_STATE_INITIATORS.has(normalizeName(category)),
  );
  const sponsorCountry =
    isStateInitiator && initiatorCountries.codes.length === 1 ? initiatorCountries.codes[0] : null;
  const actorNames =
    initiatorNames.length > 0
      ? initiatorNames
      : isStateInitiator && initiatorCountries.codes.length > 0
        ? initiatorCountries.codes.map((code) => `Unidentified actor sponsored by ${countryNameOf(code)}`)
        : [];
  if (actorNames.length === 0) {
    // Most EuRepoC incidents are "Not attributed": an attribution record with nothing in it is no loss.
    const isClaimed = [
      values.attribution_date,
      basisValue,
      values.attribution_type,
      values.attributing_actor,
      values.attributing_company,
      values.attributing_country,
    ].some((value) => value !== null && value !== undefined);
    if (isClaimed) problems.warning('initiator_name', `${label} names no initiator; not imported.`);
    return [];
  }
  if (mapping?.isSelfAttribution) {
    problems.warning(
      'attribution_basis',
      `${label} is the initiator's own claim (${actorNames.join(', ')}), not an attribution by another party; not imported as one.`,
    );
    return [];
  }

  const dateCell = values.attribution_date;
  const attributedOn = dateCell ? dateField(dateCell, 'day-first', 'attribution_date', problems) : null;
  if (!attributedOn) {
    problems.error('attribution_date', `${label} has no date; not imported (an attribution needs its date).`);
    return [];
  }
  const sources = attributionSources.length > 0 ? attributionSources : (input.sources ?? []);
  if (sources.length === 0) {
    problems.error(
      'attribution_source_url',
      `${label} has no source URL; not imported (an attribution needs a source).`,
    );
    return [];
  }

  const attributingCountries = values.attributing_country
    ? splitCountryList(values.attributing_country)
    : { codes: [], others: [] };
  for (const other of attributingCountries.others)
    problems.error('attributing_country', `"${other}" is not a country this importer knows; not recorded.`);
  const company = values.attributing_company;
  const actor = values.attributing_actor;
  const kind =
    mapping?.kind ?? (company ? 'company' : attributingCountries.codes.length > 0 ? 'state' : 'media');
  const name =
    (kind === 'company' ? company : null) ??
    actor ??
    (attributingCountries.codes.length > 0
      ? attributingCountries.codes.map(countryNameOf).join(', ')
      : null) ??
    company ??
    mapping?.defaultName ??
    'Not named in the source';
  const typeText = [values.attribution_type, values.attribution_subtype].filter((part) => part).join(' — ');
  const basis =
    (values.attribution_type ? basisOfAttributionType(typeText) : null) ?? mapping?.basis ?? 'technical';
  const settled = values.settled_initiator ?? null;
  const isSettled = settled !== null && /^(true|yes|1)$/i.test(settled);
  const notes = [
    values.attribution_id ? `EuRepoC attribution ${values.attribution_id}.` : null,
    basisValue ? `Basis: ${basisValue}.` : null,
    typeText ? `Type: ${typeText}.` : null,
    values.initiator_category ? `Initiator category: ${values.initiator_category}.` : null,
    values.initiator_country ? `Initiator country: ${values.initiator_country}.` : null,
    settled !== null ? `Settled: ${isSettled ? 'yes' : 'no'}.` : null,
  ].filter((part) => part !== null);

  return actorNames.map((actorName) => ({
    attributedBy: {
      kind,
      name: clip(name, 300),
      country: attributingCountries.codes.length === 1 ? (attributingCountries.codes[0] as string) : null,
    },
    attributedOn,
    basis,
    actor: { name: clip(actorName, 200), kind: 'threat_actor', sponsorCountry: sponsorCountry ?? null },
    confidence: mapping?.isContested ? 'low' : isSettled ? 'medium' : 'low',
    sources: sources.slice(0, 50),
    notes: notes.length > 0 ? clip(notes.join(' '), 5000) : null,
  }));
}

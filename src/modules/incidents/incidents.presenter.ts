import type { Static } from 'typebox';
import { COUNTRIES } from '../../core/reference/countries.ts';
import { NORMS } from './catalog.ts';
import type { AttributionRow, CorrectionRow, IncidentRow } from './incidents.repository.ts';
import type { Harm, Impacts, IncidentOut, IncidentSummary, Source } from './incidents.schemas.ts';
import { type IntensityInput, intensityOf } from './intensity.ts';

type SourceOut = {
  url: string;
  title: string;
  publisher: string | null;
  publishedOn: string | null;
  archivedOn: string | null;
  archiveUrl: string | null;
};

const REGION_BY_COUNTRY = new Map(COUNTRIES.map((country) => [country.code, country.regionCode]));
const NORM_CITATIONS = new Map<string, string>(NORMS.map((norm) => [norm.code, norm.citation]));

const parse = <T>(json: string): T => JSON.parse(json) as T;

/** The UN M49 regions of the given countries, each once, in code order. */
export function regionsOf(countries: string[]): string[] {
  const regions = new Set<string>();
  for (const country of countries) {
    const region = REGION_BY_COUNTRY.get(country);
    if (region) regions.add(region);
  }
  return [...regions].sort();
}

export function presentSource(source: Source): SourceOut {
  return {
    url: source.url,
    title: source.title,
    publisher: source.publisher ?? null,
    publishedOn: source.publishedOn ?? null,
    archivedOn: source.archivedOn ?? null,
    archiveUrl: source.archiveUrl ?? null,
  };
}

/** Impacts as stored, with every optional figure made explicit (null when unknown). */
export function normalisedImpacts(impacts: Static<typeof Impacts>): IncidentOut['impacts'] {
  return {
    availability: {
      affected: impacts.availability.affected,
      durationHours: impacts.availability.durationHours ?? null,
    },
    confidentiality: {
      affected: impacts.confidentiality.affected,
      recordsExposed: impacts.confidentiality.recordsExposed ?? null,
    },
    integrity: { affected: impacts.integrity.affected },
    physical: { affected: impacts.physical.affected, description: impacts.physical.description ?? null },
    economic: { affected: impacts.economic.affected, lossUsd: impacts.economic.lossUsd ?? null },
  };
}

export function normalisedHarm(harm: Static<typeof Harm>): IncidentOut['harm'] {
  return {
    hospitalServicesDisrupted: harm.hospitalServicesDisrupted ?? null,
    patientsRedirected: harm.patientsRedirected ?? null,
    peopleDataLeaked: harm.peopleDataLeaked ?? null,
    essentialServicesLost: harm.essentialServicesLost ?? null,
    notes: harm.notes ?? null,
  };
}

export function intensityInputOf(impacts: IncidentOut['impacts'], harm: IncidentOut['harm']): IntensityInput {
  return { ...impacts, harm };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

export function presentAttribution(
  row: AttributionRow,
  startedOn: string | null,
): IncidentOut['attributions'][number] {
  return {
    id: row.id,
    attributedBy: { kind: row.attributor_kind, name: row.attributor_name, country: row.attributor_country },
    attributedOn: row.attributed_on,
    basis: row.basis,
    actor: {
      id: row.actor_id,
      name: row.actor_name,
      kind: row.actor_kind,
      aliases: parse<string[]>(row.actor_aliases),
      sponsorCountry: row.sponsor_country,
    },
    confidence: row.confidence,
    sources: parse<Source[]>(row.sources).map(presentSource),
    notes: row.notes,
    daysAfterStart: startedOn === null ? null : daysBetween(startedOn, row.attributed_on),
    createdAt: row.created_at,
  };
}

export function presentCorrection(row: CorrectionRow): IncidentOut['corrections'][number] {
  return { madeAt: row.made_at, kind: row.kind, note: row.note, fields: parse<string[]>(row.fields) };
}

export function presentIncident(
  row: IncidentRow,
  attributions: AttributionRow[],
  corrections: CorrectionRow[],
  permissions: IncidentOut['permissions'],
): IncidentOut {
  const countries = parse<string[]>(row.countries);
  const impacts = normalisedImpacts(parse(row.impacts));
  const harm = normalisedHarm(parse(row.harm));
  type Response = Omit<IncidentOut['responses'][number], 'sources'> & { sources?: Source[] };
  return {
    id: row.id,
    organization: { id: row.org_id, name: row.org_name },
    title: row.title,
    description: row.description,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    status: row.status,
    types: parse(row.types),
    countries,
    regions: regionsOf(countries),
    sectors: parse(row.sectors),
    victims: parse(row.victims),
    impacts,
    harm,
    intensity: intensityOf(intensityInputOf(impacts, harm)),
    attributions: attributions.map((attribution) => presentAttribution(attribution, row.started_on)),
    responses: parse<Response[]>(row.responses).map((response) => ({
      kind: response.kind,
      by: response.by,
      byCountry: response.byCountry ?? null,
      respondedOn: response.respondedOn ?? null,
      description: response.description ?? null,
      sources: (response.sources ?? []).map(presentSource),
    })),
    norms: parse<Array<{ code: string; rationale: string }>>(row.norms).map((norm) => ({
      code: norm.code,
      citation: NORM_CITATIONS.get(norm.code) ?? norm.code,
      rationale: norm.rationale,
    })),
    lawQuestions: parse(row.law_questions),
    sources: parse<Source[]>(row.sources).map(presentSource),
    tlp: row.tlp,
    visibility: row.visibility,
    participantOrgIds: parse(row.participant_org_ids),
    participantUserIds: parse(row.participant_user_ids),
    editorialState: row.editorial_state as IncidentOut['editorialState'],
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    corrections: corrections.map(presentCorrection),
    permissions,
  };
}

export function presentIncidentSummary(row: IncidentRow): Static<typeof IncidentSummary> {
  return {
    id: row.id,
    organization: { id: row.org_id, name: row.org_name },
    title: row.title,
    startedOn: row.started_on,
    status: row.status,
    types: parse(row.types),
    countries: parse(row.countries),
    sectors: [...new Set(parse<Array<{ sector: string }>>(row.sectors).map((target) => target.sector))],
    intensity: row.intensity,
    tlp: row.tlp,
    editorialState: row.editorial_state,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
  };
}

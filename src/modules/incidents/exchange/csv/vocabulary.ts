import type { SectorCode } from '../../../../core/reference/sectors.ts';
import type {
  ATTRIBUTION_BASES,
  ATTRIBUTOR_KINDS,
  IncidentType,
  LAW_TOPICS,
  RESPONSE_KINDS,
  VICTIM_KINDS,
} from '../../catalog.ts';
import { normalizeName } from './countries.ts';

/**
 * The datasets' vocabularies against our codes, as explicit tables (docs/incidents-csv.md prints them).
 * Keys are compared after normalizeName (lower case, no punctuation), so "Data theft & Doxing" and
 * "data theft and doxing" are one key.
 */

type VictimKind = (typeof VICTIM_KINDS)[number];
type AttributorKind = (typeof ATTRIBUTOR_KINDS)[number];
type Basis = (typeof ATTRIBUTION_BASES)[number];
type ResponseKind = (typeof RESPONSE_KINDS)[number];
type LawTopic = (typeof LAW_TOPICS)[number];

export interface TypeMapping {
  types: IncidentType[];
  /** Set when our codes say less than the source's value: the import warns. */
  loss?: string;
}

function keyed<T>(table: Readonly<Record<string, T>>): ReadonlyMap<string, T> {
  return new Map(Object.entries(table).map(([key, value]) => [normalizeName(key), value]));
}

export function lookup<T>(table: ReadonlyMap<string, T>, value: string): T | undefined {
  return table.get(normalizeName(value));
}

// EuRepoC -------------------------------------------------------------------------------------------------

/** EuRepoC `incident_type` (and the dyadic dataset's `operation_type`). */
export const EUREPOC_INCIDENT_TYPES = keyed<TypeMapping>({
  Disruption: { types: ['disruption'] },
  'Data theft': { types: ['data_theft'] },
  'Data theft & Doxing': { types: ['data_theft', 'hack_and_leak'] },
  Ransomware: { types: ['ransomware'] },
  Wiper: { types: ['wiper'] },
  'Hack and leak': { types: ['hack_and_leak'] },
  'DDoS/Defacement': {
    types: ['disruption'],
    loss: 'EuRepoC does not say whether this was a DDoS or a defacement; recorded as disruption.',
  },
  'Hijacking with Misuse': {
    types: ['other'],
    loss: 'Hijacking (taking control of systems or accounts) has no code of its own; recorded as other.',
  },
  'Hijacking without Misuse': {
    types: ['other'],
    loss: 'Hijacking (taking control of systems or accounts) has no code of its own; recorded as other.',
  },
  Other: { types: ['other'] },
});

export interface TargetMapping {
  sector: SectorCode | null;
  subSector?: string;
  victimKind: VictimKind;
}

/** EuRepoC `receiver_category`, used when the row gives no sub-category that maps. */
export const EUREPOC_RECEIVER_CATEGORIES = keyed<TargetMapping>({
  'Critical infrastructure': { sector: null, victimKind: 'company' },
  'State institutions / political system': { sector: 'public_administration', victimKind: 'government' },
  'International / supranational organization': { sector: null, victimKind: 'international_organization' },
  'International / supranational organisation': { sector: null, victimKind: 'international_organization' },
  'Social groups': { sector: null, victimKind: 'individuals' },
  Media: { sector: null, victimKind: 'company' },
  Science: { sector: 'research', victimKind: 'academic' },
  Education: { sector: 'research', victimKind: 'academic' },
  'Corporate Targets': { sector: null, victimKind: 'company' },
  'Corporate Targets (corporate targets only coded if the respective company is not part of the critical infrastructure definition)':
    { sector: null, victimKind: 'company' },
  'End user(s) / specially protected groups': { sector: null, victimKind: 'individuals' },
  Other: { sector: 'other', victimKind: 'other' },
});

/** EuRepoC `receiver_subcategory` (`receiver_category_subcode` before release 1.3). */
export const EUREPOC_RECEIVER_SUBCATEGORIES = keyed<TargetMapping>({
  // Critical infrastructure.
  Energy: { sector: 'energy', victimKind: 'company' },
  Water: { sector: 'drinking_water', victimKind: 'company' },
  Transportation: { sector: 'transport', victimKind: 'company' },
  Health: { sector: 'health', victimKind: 'company' },
  Chemicals: { sector: 'chemicals', victimKind: 'company' },
  Telecommunications: { sector: 'telecommunications', victimKind: 'company' },
  Food: { sector: 'food', victimKind: 'company' },
  Finance: { sector: 'banking', victimKind: 'company' },
  'Defence industry': { sector: 'manufacturing', victimKind: 'company' },
  Space: { sector: 'space', victimKind: 'company' },
  'Waste Water Management': { sector: 'waste_water', victimKind: 'company' },
  'Critical Manufacturing': { sector: 'manufacturing', victimKind: 'company' },
  'Digital Provider': { sector: 'digital_providers', victimKind: 'company' },
  Research: { sector: 'research', victimKind: 'academic' },
  // State institutions / political system.
  'Government / ministries': {
    sector: 'public_administration',
    subSector: 'central_government',
    victimKind: 'government',
  },
  Legislative: { sector: 'public_administration', subSector: 'parliament', victimKind: 'government' },
  Legislatives: { sector: 'public_administration', subSector: 'parliament', victimKind: 'government' },
  'Civil service / administration': { sector: 'public_administration', victimKind: 'government' },
  'Civil service / administration (also public schools)': {
    sector: 'public_administration',
    victimKind: 'government',
  },
  Judiciary: { sector: 'public_administration', subSector: 'judiciary', victimKind: 'government' },
  Judicary: { sector: 'public_administration', subSector: 'judiciary', victimKind: 'government' },
  Military: { sector: 'public_administration', victimKind: 'government' },
  Police: { sector: 'public_administration', victimKind: 'government' },
  'Intelligence agencies': { sector: 'public_administration', victimKind: 'government' },
  'Political parties': { sector: 'elections', subSector: 'political_parties', victimKind: 'other' },
  'Election infrastructure / related systems': {
    sector: 'elections',
    subSector: 'election_administration',
    victimKind: 'government',
  },
  'Other (e.g., embassies)': { sector: 'public_administration', victimKind: 'government' },
  // Social groups.
  'Advocacy / activists (e.g. human rights organizations)': { sector: null, victimKind: 'ngo' },
  'Advocacy / activists': { sector: null, victimKind: 'ngo' },
  Ethnic: { sector: null, victimKind: 'individuals' },
  Religious: { sector: null, victimKind: 'individuals' },
  Hacktivists: { sector: null, victimKind: 'individuals' },
  Criminal: { sector: null, victimKind: 'individuals' },
  Terrorist: { sector: null, victimKind: 'individuals' },
  'Political opposition / dissidents / expats': { sector: null, victimKind: 'individuals' },
  'Other social groups': { sector: null, victimKind: 'individuals' },
});

export interface AttributorMapping {
  kind: AttributorKind;
  basis: Basis;
  /** The attributor's name when the row names none. */
  defaultName: string;
  /** The attribution is doubted: confidence low. */
  isContested?: boolean;
  /** Not an attribution by anyone but the initiator: not imported as one. */
  isSelfAttribution?: boolean;
}

/** EuRepoC `attribution_basis`: who made the attribution, and so its kind and default basis. */
export const EUREPOC_ATTRIBUTION_BASES = keyed<AttributorMapping>({
  'IT-security community attributes attacker': {
    kind: 'company',
    basis: 'technical',
    defaultName: 'IT-security community',
  },
  'Attribution by receiver government / state entity': {
    kind: 'state',
    basis: 'political',
    defaultName: 'Government of the targeted State',
  },
  'Attribution by third-party government / state entity': {
    kind: 'state',
    basis: 'political',
    defaultName: 'Government of a third State',
  },
  'Attribution by third-party': {
    kind: 'state',
    basis: 'political',
    defaultName: 'Government of a third State',
  },
  'Attribution by EU institution/agency': {
    kind: 'intergovernmental',
    basis: 'political',
    defaultName: 'European Union',
  },
  'Attribution by international organization': {
    kind: 'intergovernmental',
    basis: 'political',
    defaultName: 'International organization',
  },
  'Receiver attributes attacker': {
    kind: 'company',
    basis: 'technical',
    defaultName: 'The targeted organization',
  },
  'Media-based attribution': { kind: 'media', basis: 'technical', defaultName: 'Media reports' },
  'Contested attribution': {
    kind: 'company',
    basis: 'technical',
    defaultName: 'Contested attribution',
    isContested: true,
  },
  'Attacker confirms': {
    kind: 'company',
    basis: 'technical',
    defaultName: 'The initiator',
    isSelfAttribution: true,
  },
});

/** `attribution_type` words that name the basis more precisely than `attribution_basis` does. */
export function basisOfAttributionType(value: string): Basis | null {
  // EuRepoC's labels explain themselves in parentheses ("Political statement (e.g., on technical
  // analysis)"); the words before them name the kind.
  const text = value.replace(/\([^)]*\)/g, ' ').toLowerCase();
  if (/legal|indict|court|judicial|prosecut|sanction/.test(text)) return 'legal';
  if (/political|statement|government|diplomatic|official/.test(text)) return 'political';
  if (/technical|forensic|it[- ]security|malware|indicator/.test(text)) return 'technical';
  return null;
}

/** EuRepoC `initiator_category` values that make the initiator's country its sponsor State. */
export const EUREPOC_STATE_INITIATORS = new Set(
  [
    'State',
    'State affiliated actor',
    'State-affiliated actor',
    'Non-state actor, state-affiliation suggested',
    'Non-state actor; state-affiliation suggested',
  ].map(normalizeName),
);

/** EuRepoC `il_breach_indicator`: the questions of international law a breach raises, by keyword. */
export function lawTopicOf(value: string): LawTopic | null {
  const text = value.toLowerCase();
  if (/humanitarian/.test(text)) return 'international_humanitarian_law';
  if (/human rights/.test(text)) return 'human_rights_law';
  if (/sovereign/.test(text)) return 'sovereignty';
  if (/intervention/.test(text)) return 'non_intervention';
  if (/self[- ]defen[cs]e/.test(text)) return 'self_defence';
  if (/use of force|armed attack/.test(text)) return 'use_of_force';
  if (/due diligence/.test(text)) return 'due_diligence';
  if (/countermeasure/.test(text)) return 'countermeasures';
  if (/state responsibility|attributable/.test(text)) return 'state_responsibility';
  if (/peaceful settlement/.test(text)) return 'peaceful_settlement';
  return null;
}

/** A response's kind by the words of its type (EuRepoC political and legal responses, CFR `Response`). */
export function responseKindOf(value: string): ResponseKind | null {
  const text = value.toLowerCase();
  if (/sanction|restrictive measure|asset freeze|travel ban/.test(text)) return 'sanction';
  if (/indict|charge|arrest|prosecut|extradit|convict|court|criminal|lawsuit|legal action|warrant/.test(text))
    return 'indictment';
  if (
    /technical|takedown|take down|seiz|sinkhole|botnet|patch|block|counter[- ]?operation|hack[- ]?back/.test(
      text,
    )
  )
    return 'technical_measure';
  if (
    /statement|condemn|attribut|diplomatic|summon|expel|expulsion|protest|concern|d[ée]marche|speech|declar|press|denial|deny|denied|confirm|accus/.test(
      text,
    )
  )
    return 'statement';
  return null;
}

// CFR Cyber Operations Tracker ------------------------------------------------------------------------------

/** CFR `Type`. */
export const CFR_TYPES = keyed<TypeMapping>({
  Espionage: { types: ['espionage'] },
  'Denial of service': { types: ['ddos'] },
  'Distributed denial of service': { types: ['ddos'] },
  DDoS: { types: ['ddos'] },
  'Data destruction': { types: ['wiper'] },
  Defacement: { types: ['defacement'] },
  Sabotage: { types: ['sabotage'] },
  Doxing: { types: ['hack_and_leak'] },
  Doxxing: { types: ['hack_and_leak'] },
  'Financial theft': { types: ['financial_theft'] },
});

/** CFR `Category`: what the victims are. */
export const CFR_CATEGORIES = keyed<{ victimKind: VictimKind; sector: SectorCode | null }>({
  Government: { victimKind: 'government', sector: 'public_administration' },
  Military: { victimKind: 'government', sector: 'public_administration' },
  'Private sector': { victimKind: 'company', sector: null },
  'Civil society': { victimKind: 'ngo', sector: null },
});

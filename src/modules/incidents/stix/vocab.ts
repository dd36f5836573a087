import { SECTOR_CODES, type SectorCode } from '../../../core/reference/sectors.ts';
import {
  ATTRIBUTOR_KINDS,
  type CONFIDENCE_LEVELS,
  INCIDENT_TYPES,
  type IncidentType,
  VICTIM_KINDS,
} from '../catalog.ts';

/**
 * Our vocabularies against STIX's open vocabularies, both ways.
 *
 * STIX open vocabularies accept values of one's own, so where our code says more than the closest STIX
 * value (both `ddos` and `disruption` are `denial-of-service` to STIX), we write the STIX value for every
 * consumer and our own code beside it (with hyphens, as STIX spells values); reading, our own code wins,
 * and a STIX value none of our codes accounts for falls back on a default code.
 */

const hyphenated = (code: string): string => code.replaceAll('_', '-');
const underscored = (value: string): string => value.toLowerCase().replaceAll('-', '_');

/** Incident Core Extension `incident_types` (event-type-ov) for each of our incident types. */
const INCIDENT_TYPE_OV: Readonly<Record<IncidentType, string | null>> = {
  ransomware: 'ransomware',
  wiper: 'destruction',
  disruption: 'denial-of-service',
  ddos: 'denial-of-service',
  data_theft: 'data-exfiltration',
  espionage: 'unauthorized-access-information',
  hack_and_leak: 'unauthorized-release',
  disinformation: null,
  defacement: 'vandalism',
  sabotage: 'destruction',
  financial_theft: null,
  other: 'unspecified',
};
const INCIDENT_TYPE_DEFAULT: Readonly<Record<string, IncidentType>> = {
  ransomware: 'ransomware',
  destruction: 'wiper',
  'denial-of-service': 'disruption',
  'data-exfiltration': 'data_theft',
  'unauthorized-access-information': 'espionage',
  'unauthorized-access-system': 'espionage',
  'unauthorized-release': 'hack_and_leak',
  vandalism: 'defacement',
  'deletion-information': 'wiper',
  'modification-information': 'sabotage',
  unspecified: 'other',
};

function withOwnCodes<Code extends string>(
  codes: readonly Code[],
  vocabularyValueOf: (code: Code) => string | null,
): string[] {
  const values: string[] = [];
  for (const code of codes) {
    const standard = vocabularyValueOf(code);
    if (standard !== null && !values.includes(standard)) values.push(standard);
    const own = hyphenated(code);
    if (own !== standard && !values.includes(own)) values.push(own);
  }
  return values;
}

function fromValues<Code extends string>(
  values: readonly string[],
  ownCodes: readonly Code[],
  vocabularyValueOf: (code: Code) => string | null,
  defaults: Readonly<Record<string, Code>>,
): Code[] {
  const direct: Code[] = [];
  for (const value of values) {
    const code = ownCodes.find((candidate) => candidate === underscored(value));
    if (code !== undefined && !direct.includes(code)) direct.push(code);
  }
  const result = [...direct];
  for (const value of values) {
    const accounted = direct.some((code) => vocabularyValueOf(code) === value);
    const fallback = defaults[value];
    if (!accounted && fallback !== undefined && !result.includes(fallback)) result.push(fallback);
  }
  return result;
}

export function stixIncidentTypes(types: readonly string[]): string[] {
  const known = types.filter((type): type is IncidentType =>
    (INCIDENT_TYPES as readonly string[]).includes(type),
  );
  return withOwnCodes(known, (type) => INCIDENT_TYPE_OV[type]);
}

export function incidentTypesOf(values: readonly string[]): IncidentType[] {
  return fromValues(values, INCIDENT_TYPES, (type) => INCIDENT_TYPE_OV[type], INCIDENT_TYPE_DEFAULT);
}

/** STIX industry-sector-ov for each of our sectors. */
const SECTOR_OV: Readonly<Record<SectorCode, string | null>> = {
  energy: 'energy',
  transport: 'transportation',
  banking: 'financial-services',
  financial_market_infrastructure: 'financial-services',
  health: 'healthcare',
  drinking_water: 'water',
  waste_water: 'water',
  digital_infrastructure: 'infrastructure',
  ict_service_management: 'technology',
  telecommunications: 'telecommunications',
  public_administration: 'government',
  space: 'aerospace',
  postal_and_courier: 'transportation',
  waste_management: 'utilities',
  chemicals: 'chemical',
  food: 'agriculture',
  manufacturing: 'manufacturing',
  digital_providers: 'technology',
  research: 'education',
  emergency_services: 'emergency-services',
  elections: 'government',
  humanitarian: 'non-profit',
  other: null,
};
const SECTOR_DEFAULT: Readonly<Record<string, SectorCode>> = {
  energy: 'energy',
  transportation: 'transport',
  'financial-services': 'banking',
  insurance: 'banking',
  healthcare: 'health',
  pharmaceuticals: 'health',
  water: 'drinking_water',
  dams: 'energy',
  nuclear: 'energy',
  infrastructure: 'digital_infrastructure',
  technology: 'digital_providers',
  telecommunications: 'telecommunications',
  communications: 'telecommunications',
  government: 'public_administration',
  'government-national': 'public_administration',
  'government-regional': 'public_administration',
  'government-local': 'public_administration',
  'government-public-services': 'public_administration',
  aerospace: 'space',
  utilities: 'waste_management',
  chemical: 'chemicals',
  agriculture: 'food',
  manufacturing: 'manufacturing',
  automotive: 'manufacturing',
  education: 'research',
  'emergency-services': 'emergency_services',
  'non-profit': 'humanitarian',
};

export function stixSectors(sector: string): string[] {
  if (!(SECTOR_CODES as readonly string[]).includes(sector)) return [];
  return withOwnCodes([sector as SectorCode], (code) => SECTOR_OV[code]);
}

/** Our sector codes for STIX `sectors` values, own codes first. */
export function sectorCodesOf(values: readonly string[]): SectorCode[] {
  return fromValues(values, SECTOR_CODES, (code) => SECTOR_OV[code], SECTOR_DEFAULT);
}

/** The code among `values` that is one of `codes` once written with underscores, if any. */
export function ownCodeAmong<Code extends string>(
  values: readonly string[],
  codes: readonly Code[],
): Code | null {
  for (const value of values) {
    const code = underscored(value);
    if ((codes as readonly string[]).includes(code)) return code as Code;
  }
  return null;
}

export function stixRole(code: string): string {
  return hyphenated(code);
}

export function victimKindOf(
  roles: readonly string[],
  identityClass: string | undefined,
): (typeof VICTIM_KINDS)[number] {
  const own = ownCodeAmong(roles, VICTIM_KINDS);
  if (own) return own;
  return identityClass === 'individual' || identityClass === 'group' ? 'individuals' : 'other';
}

export function attributorKindOf(
  roles: readonly string[],
  identityClass: string | undefined,
): (typeof ATTRIBUTOR_KINDS)[number] {
  const own = ownCodeAmong(roles, ATTRIBUTOR_KINDS);
  if (own) return own;
  return identityClass === 'individual' ? 'researcher' : 'company';
}

/** identity_class (identity-class-ov) of a victim or an attributor by its kind. */
export function identityClassOfKind(kind: string): string {
  if (kind === 'individuals') return 'group';
  if (kind === 'researcher') return 'individual';
  return 'organization';
}

/** Our confidence level for a STIX confidence (0–100): the nearest of the values CONFIDENCE_STIX gives. */
export function confidenceLevelOf(value: unknown): (typeof CONFIDENCE_LEVELS)[number] {
  if (typeof value !== 'number') return 'low';
  if (value >= 68) return 'high';
  if (value >= 33) return 'medium';
  return 'low';
}

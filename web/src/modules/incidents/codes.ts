import sectors from '../../../../src/core/reference/data/sectors.json' with { type: 'json' };
import {
  ACTOR_KINDS,
  ATTRIBUTION_BASES,
  ATTRIBUTOR_KINDS,
  CONFIDENCE_LEVELS,
  EDITORIAL_STATES,
  INCIDENT_STATUSES,
  INCIDENT_TYPES,
  LAW_TOPICS,
  NORMS,
  RESPONSE_KINDS,
  SUB_SECTORS,
  VICTIM_KINDS,
} from '../../../../src/modules/incidents/catalog.ts';
import type { SectorCode } from './types.ts';

// The incident record's code lists come from the server's own catalog, so the pages offer exactly the codes
// the API accepts. Their labels live in the web catalogs (incidents.codes.*), sectors' in the reference data.

export {
  ACTOR_KINDS,
  ATTRIBUTION_BASES,
  ATTRIBUTOR_KINDS,
  CONFIDENCE_LEVELS,
  EDITORIAL_STATES,
  INCIDENT_STATUSES,
  INCIDENT_TYPES,
  LAW_TOPICS,
  RESPONSE_KINDS,
  VICTIM_KINDS,
};

export type IncidentType = (typeof INCIDENT_TYPES)[number];
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export type EditorialState = (typeof EDITORIAL_STATES)[number];

export const NORM_CODES: readonly string[] = NORMS.map((norm) => norm.code);
/** "A/70/174, para. 13(f)" for a norm code: the exact citation, shown beside our own short title. */
export const normCitationOf = (code: string): string =>
  NORMS.find((norm) => norm.code === code)?.citation ?? code;
/** "13(f)" for "13f". */
export const normLabelOf = (code: string): string => code.replace(/^13([a-k])$/, '13($1)');

export const SECTORS = sectors;
export const SECTOR_CODES = sectors.map((sector) => sector.code) as SectorCode[];

/** The sub-sectors a sector has (none for most). */
export const subSectorsOf = (sector: string): readonly string[] => SUB_SECTORS[sector as SectorCode] ?? [];

/** The impact and harm dimensions, in the order the record and the intensity formula list them. */
export const IMPACT_NAMES = ['availability', 'confidentiality', 'integrity', 'physical', 'economic'] as const;
export type ImpactName = (typeof IMPACT_NAMES)[number];
export const HARM_NAMES = [
  'hospitalServicesDisrupted',
  'patientsRedirected',
  'peopleDataLeaked',
  'essentialServicesLost',
] as const;
export type HarmName = (typeof HARM_NAMES)[number];
/** The terms of the intensity score, each shown with its points. */
export const INTENSITY_TERMS = [...IMPACT_NAMES, 'people'] as const;

export const VISIBILITIES = ['public', 'registered', 'community', 'participants'] as const;
export const INCIDENT_TLPS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'] as const;

export const isOneOf = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

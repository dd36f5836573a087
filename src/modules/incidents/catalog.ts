// The incident record's fixed vocabularies. Codes are stable (they appear in the API, in CSV and STIX
// exports and in statistics); labels in the six UN languages live in the web catalogs. The types follow
// the families EuRepoC's codebook and the CFR Cyber Operations Tracker use, under our own names.

import type { SectorCode } from '../../core/reference/sectors.ts';

export const INCIDENT_TYPES = [
  'ransomware',
  'wiper',
  'disruption',
  'ddos',
  'data_theft',
  'espionage',
  'hack_and_leak',
  'disinformation',
  'defacement',
  'sabotage',
  'financial_theft',
  'other',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];

/** Where the incident itself stands (not the record's editorial state). */
export const INCIDENT_STATUSES = ['ongoing', 'contained', 'ended', 'unknown'] as const;

export const EDITORIAL_STATES = ['draft', 'review', 'published', 'withdrawn'] as const;

/**
 * Critical-infrastructure sub-sectors, after the sub-sectors of the EU NIS2 Directive's annexes (with
 * health split finer, as harm to patients is what the record must show). A sector without sub-sectors
 * takes none.
 */
export const SUB_SECTORS: Partial<Record<SectorCode, readonly string[]>> = {
  energy: ['electricity', 'district_heating', 'oil', 'gas', 'hydrogen'],
  transport: ['air', 'rail', 'water', 'road'],
  health: [
    'hospitals',
    'primary_care',
    'emergency_medical',
    'laboratories',
    'pharmaceuticals',
    'medical_devices',
    'public_health_authority',
    'health_insurance',
  ],
  digital_infrastructure: [
    'internet_exchange',
    'dns',
    'tld_registry',
    'cloud',
    'data_centre',
    'cdn',
    'trust_services',
  ],
  public_administration: [
    'central_government',
    'regional_government',
    'local_government',
    'judiciary',
    'parliament',
  ],
  elections: ['election_administration', 'campaigns', 'political_parties'],
  humanitarian: ['international_organizations', 'ngos'],
};

export function isSubSectorOf(sector: string, subSector: string): boolean {
  return (SUB_SECTORS[sector as SectorCode] ?? []).includes(subSector);
}

/**
 * The eleven voluntary norms of responsible State behaviour, A/70/174 paragraph 13 (a)–(k), endorsed by
 * GA resolution 70/237. Titles are our own short paraphrases, not UN wording.
 */
export const NORMS = [
  { code: '13a', citation: 'A/70/174, para. 13(a)', title: 'Cooperate for stability and security' },
  { code: '13b', citation: 'A/70/174, para. 13(b)', title: 'Consider all relevant information' },
  { code: '13c', citation: 'A/70/174, para. 13(c)', title: 'No knowing use of territory for wrongful acts' },
  { code: '13d', citation: 'A/70/174, para. 13(d)', title: 'Cooperate against criminal and terrorist use' },
  { code: '13e', citation: 'A/70/174, para. 13(e)', title: 'Respect human rights and privacy' },
  { code: '13f', citation: 'A/70/174, para. 13(f)', title: 'Do not damage critical infrastructure' },
  { code: '13g', citation: 'A/70/174, para. 13(g)', title: 'Protect critical infrastructure' },
  { code: '13h', citation: 'A/70/174, para. 13(h)', title: 'Respond to requests for assistance' },
  { code: '13i', citation: 'A/70/174, para. 13(i)', title: 'Supply-chain integrity' },
  { code: '13j', citation: 'A/70/174, para. 13(j)', title: 'Responsible vulnerability reporting' },
  { code: '13k', citation: 'A/70/174, para. 13(k)', title: 'Do no harm to emergency response teams' },
] as const;
export const NORM_CODES = NORMS.map((norm) => norm.code);
export type NormCode = (typeof NORMS)[number]['code'];

/** Topics of international law an incident may raise, as national positions name them. */
export const LAW_TOPICS = [
  'sovereignty',
  'non_intervention',
  'use_of_force',
  'self_defence',
  'due_diligence',
  'state_responsibility',
  'countermeasures',
  'international_humanitarian_law',
  'human_rights_law',
  'peaceful_settlement',
  'other',
] as const;

/** How an attribution was made: by technical analysis, a political statement, or a legal act. */
export const ATTRIBUTION_BASES = ['technical', 'political', 'legal'] as const;
export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
/** The STIX 2.1 confidence value (0–100) each level maps to, after the spec's Admiralty-style scale. */
export const CONFIDENCE_STIX: Record<(typeof CONFIDENCE_LEVELS)[number], number> = {
  low: 15,
  medium: 50,
  high: 85,
};

export const ATTRIBUTOR_KINDS = [
  'state',
  'intergovernmental',
  'company',
  'researcher',
  'media',
  'civil_society',
] as const;
/** STIX's distinction: a threat actor is who acts; an intrusion set is a cluster of activity not yet tied to one. */
export const ACTOR_KINDS = ['threat_actor', 'intrusion_set'] as const;
export const RESPONSE_KINDS = ['statement', 'sanction', 'indictment', 'technical_measure', 'other'] as const;
export const VICTIM_KINDS = [
  'government',
  'company',
  'hospital',
  'ngo',
  'international_organization',
  'academic',
  'individuals',
  'other',
] as const;

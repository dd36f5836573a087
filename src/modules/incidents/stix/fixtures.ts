import type { IncidentOut } from '../incidents.schemas.ts';
import { intensityOf } from '../intensity.ts';

/** Rich incident records in the API's presented shape, for the STIX mapping tests. */

const source = (url: string, title: string, extra: Partial<IncidentOut['sources'][number]> = {}) => ({
  url,
  title,
  publisher: null,
  publishedOn: null,
  archivedOn: null,
  archiveUrl: null,
  ...extra,
});

export function richIncident(overrides: Partial<IncidentOut> = {}): IncidentOut {
  const impacts: IncidentOut['impacts'] = {
    availability: { affected: true, durationHours: 72 },
    confidentiality: { affected: true, recordsExposed: 250_000 },
    integrity: { affected: true },
    physical: { affected: true, description: 'Infusion pumps had to be reset by hand.' },
    economic: { affected: true, lossUsd: 4_500_000 },
  };
  const harm: IncidentOut['harm'] = {
    hospitalServicesDisrupted: 3,
    patientsRedirected: 140,
    peopleDataLeaked: 120_000,
    essentialServicesLost: null,
    notes: 'Emergency admissions diverted for two days.',
  };
  const base: IncidentOut = {
    id: 'inc_01HZX3K8Q2',
    organization: { id: 'org_cert_eu', name: 'CERT Example' },
    title: 'Ransomware attack on a university hospital',
    description: 'Encryption of hospital systems; patient data published on a leak site.',
    startedOn: '2024-03-01',
    endedOn: '2024-03-04',
    status: 'contained',
    types: ['ransomware', 'data_theft', 'ddos'],
    countries: ['FR', 'BE'],
    regions: ['150'],
    sectors: [
      { sector: 'health', subSector: 'hospitals' },
      { sector: 'digital_infrastructure', subSector: null },
    ],
    victims: [
      {
        name: 'Hôpital Universitaire Exemple',
        isAnonymised: false,
        kind: 'hospital',
        country: 'FR',
        sector: 'health',
      },
      { name: null, isAnonymised: true, kind: 'company', country: 'BE', sector: 'digital_infrastructure' },
      { name: null, isAnonymised: false, kind: 'individuals', country: null, sector: null },
    ],
    impacts,
    harm,
    intensity: intensityOf({ ...impacts, harm }),
    attributions: [
      {
        id: 'att_1',
        attributedBy: { kind: 'state', name: 'Government of Exampleland', country: 'FR' },
        attributedOn: '2024-04-15',
        basis: 'political',
        actor: {
          id: 'act_1',
          name: 'GRIMSPIDER',
          kind: 'threat_actor',
          aliases: ['Grim Spider', 'TA-505x'],
          sponsorCountry: 'XX',
        },
        confidence: 'high',
        sources: [
          source('https://gov.example/statement', 'Statement on the hospital attack', {
            publisher: 'Government of Exampleland',
            publishedOn: '2024-04-15',
            archivedOn: '2024-04-16',
            archiveUrl: 'https://archive.example/gov-statement',
          }),
        ],
        notes: 'Joint statement with two partners.',
        daysAfterStart: 45,
        createdAt: '2024-04-16T09:30:00.000Z',
      },
      {
        id: 'att_2',
        attributedBy: { kind: 'company', name: 'Example Threat Intel', country: null },
        attributedOn: '2024-03-20',
        basis: 'technical',
        actor: { id: 'act_2', name: 'Cluster 42', kind: 'intrusion_set', aliases: [], sponsorCountry: 'YY' },
        confidence: 'medium',
        sources: [source('https://intel.example/blog/cluster-42', 'Cluster 42 returns')],
        notes: null,
        daysAfterStart: 19,
        createdAt: '2024-03-21T12:00:00.000Z',
      },
    ],
    responses: [
      {
        kind: 'statement',
        by: 'Ministry of Health',
        byCountry: 'FR',
        respondedOn: '2024-03-02',
        description: 'Crisis cell opened.',
        sources: [source('https://health.example/press', 'Press release')],
      },
      { kind: 'sanction', by: 'Council', byCountry: null, respondedOn: null, description: null, sources: [] },
    ],
    norms: [
      {
        code: '13f',
        citation: 'A/70/174, para. 13(f)',
        rationale: 'Hospital systems are critical infrastructure.',
      },
      {
        code: '13c',
        citation: 'A/70/174, para. 13(c)',
        rationale: 'Operated from the territory of a State that knew.',
      },
    ],
    lawQuestions: [
      { topic: 'due_diligence', note: 'Did the territorial State act on notification?' },
      { topic: 'sovereignty', note: null },
    ],
    sources: [
      source('https://news.example/hospital-ransomware', 'Hospital hit by ransomware', {
        publisher: 'Example News',
        publishedOn: '2024-03-02',
        archivedOn: '2024-03-03',
        archiveUrl: 'https://archive.example/news',
      }),
      source('https://leaks.example/post/123', 'Leak site post', { archivedOn: '2024-03-10' }),
    ],
    tlp: 'TLP:GREEN',
    visibility: 'community',
    participantOrgIds: [],
    participantUserIds: [],
    editorialState: 'published',
    version: 3,
    createdAt: '2024-03-02T08:00:00.000Z',
    updatedAt: '2024-04-16T10:00:00.000Z',
    publishedAt: '2024-03-05T08:00:00.000Z',
    corrections: [],
    permissions: { canEdit: false, canReview: false },
  };
  return { ...base, ...overrides };
}

/** A record with as little as the API allows: nothing known beyond a title and a type. */
export function sparseIncident(overrides: Partial<IncidentOut> = {}): IncidentOut {
  const impacts: IncidentOut['impacts'] = {
    availability: { affected: false, durationHours: null },
    confidentiality: { affected: false, recordsExposed: null },
    integrity: { affected: false },
    physical: { affected: false, description: null },
    economic: { affected: false, lossUsd: null },
  };
  const harm: IncidentOut['harm'] = {
    hospitalServicesDisrupted: null,
    patientsRedirected: null,
    peopleDataLeaked: null,
    essentialServicesLost: null,
    notes: null,
  };
  return richIncident({
    id: 'inc_sparse',
    title: 'Disinformation campaign',
    description: '',
    startedOn: null,
    endedOn: null,
    status: 'unknown',
    types: ['disinformation'],
    countries: [],
    regions: [],
    sectors: [],
    victims: [],
    impacts,
    harm,
    intensity: intensityOf({ ...impacts, harm }),
    attributions: [],
    responses: [],
    norms: [],
    lawQuestions: [],
    sources: [],
    tlp: 'TLP:CLEAR',
    ...overrides,
  });
}

/** The fields a new record would be created with to read as `incident`: what a lossless import gives back. */
export function inputOf(incident: IncidentOut) {
  return {
    title: incident.title,
    description: incident.description,
    startedOn: incident.startedOn,
    endedOn: incident.endedOn,
    status: incident.status,
    types: incident.types,
    countries: incident.countries,
    sectors: incident.sectors,
    victims: incident.victims,
    impacts: incident.impacts,
    harm: incident.harm,
    responses: incident.responses,
    norms: incident.norms.map(({ code, rationale }) => ({ code, rationale })),
    lawQuestions: incident.lawQuestions,
    sources: incident.sources,
    tlp: incident.tlp,
    visibility: incident.visibility,
  };
}

/** The attributions as they would be sent to be recorded. */
export function attributionInputsOf(incident: IncidentOut) {
  return incident.attributions.map((attribution) => ({
    attributedBy: attribution.attributedBy,
    attributedOn: attribution.attributedOn,
    basis: attribution.basis,
    actor: {
      name: attribution.actor.name,
      kind: attribution.actor.kind,
      aliases: attribution.actor.aliases,
      sponsorCountry: attribution.actor.sponsorCountry,
    },
    confidence: attribution.confidence,
    sources: attribution.sources,
    notes: attribution.notes,
  }));
}

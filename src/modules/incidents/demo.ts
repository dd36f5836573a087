import type { Config } from '../../config.ts';
import type { Db, Dialect } from '../../core/db/database.ts';
import { demoActor, demoContext, demoOrgId } from '../demo-support.ts';
import { addAttribution } from './attributions.service.ts';
import type { AttributionInput, CreateIncident } from './incidents.schemas.ts';
import { changeEditorialState, createIncident, updateIncident } from './incidents.service.ts';

// Fictional incidents: every organization, victim, actor and address here is invented, and the sources point
// at the reserved .example domain.
const source = (slug: string, title: string, publishedOn: string) => ({
  url: `https://news.example.org/${slug}`,
  title,
  publisher: 'Example News',
  publishedOn,
  archivedOn: publishedOn,
  archiveUrl: `https://archive.example.net/${slug}`,
});

const NO_IMPACT = {
  availability: { affected: false },
  confidentiality: { affected: false },
  integrity: { affected: false },
  physical: { affected: false },
  economic: { affected: false },
};

type Seed = Omit<CreateIncident, 'orgId'> & { attributions?: AttributionInput[]; stay?: 'draft' | 'review' };

const INCIDENTS: Seed[] = [
  {
    title: 'Ransomware shuts down a regional hospital network',
    description:
      'Clinical systems of a fictional hospital network were encrypted; ambulances were diverted to neighbouring cities for nine days and patient records were posted on a leak site.',
    startedOn: '2026-02-03',
    endedOn: '2026-02-12',
    status: 'ended',
    types: ['ransomware', 'data_theft'],
    countries: ['FR'],
    sectors: [{ sector: 'health', subSector: 'hospitals' }],
    victims: [
      {
        name: 'Demo Riverside Hospitals',
        isAnonymised: false,
        kind: 'hospital',
        country: 'FR',
        sector: 'health',
      },
    ],
    impacts: {
      availability: { affected: true, durationHours: 216 },
      confidentiality: { affected: true, recordsExposed: 480_000 },
      integrity: { affected: false },
      physical: { affected: false },
      economic: { affected: true, lossUsd: 12_000_000 },
    },
    harm: {
      hospitalServicesDisrupted: 4,
      patientsRedirected: 310,
      peopleDataLeaked: 480_000,
      essentialServicesLost: 1,
      notes: 'Emergency and radiology services closed to ambulances.',
    },
    responses: [
      {
        kind: 'statement',
        by: 'Ministry of Health',
        byCountry: 'FR',
        respondedOn: '2026-02-05',
        description: 'Condemned the attack on patients.',
      },
      {
        kind: 'technical_measure',
        by: 'Demo National CSIRT',
        byCountry: 'FR',
        respondedOn: '2026-02-04',
        description: 'Indicators shared with hospitals nationwide.',
      },
    ],
    norms: [
      { code: '13f', rationale: 'The operation impaired the provision of hospital services to the public.' },
      {
        code: '13c',
        rationale:
          'The operators are reported to act from a territory whose authorities did not respond to requests.',
      },
    ],
    lawQuestions: [
      { topic: 'due_diligence', note: 'Whether the State of the operators took feasible measures.' },
    ],
    sources: [
      source(
        '2026/02/hospital-ransomware',
        'Hospital network diverts ambulances after cyber attack',
        '2026-02-04',
      ),
    ],
    attributions: [
      {
        attributedBy: { kind: 'company', name: 'Example Threat Research' },
        attributedOn: '2026-02-20',
        basis: 'technical',
        actor: { name: 'Demo Lynx Group', kind: 'intrusion_set', aliases: ['DLG'] },
        confidence: 'medium',
        sources: [
          source('2026/02/lynx-analysis', 'Technical analysis of the hospital intrusion', '2026-02-20'),
        ],
        notes: 'Shared infrastructure and encryptor code with earlier campaigns.',
      },
    ],
  },
  {
    title: 'Wiper attack on an electricity distributor',
    description:
      'Destructive malware erased workstations and substation controllers of a fictional distributor; power was cut for 80,000 homes for six hours.',
    startedOn: '2025-12-18',
    endedOn: '2025-12-19',
    status: 'ended',
    types: ['wiper', 'disruption'],
    countries: ['UA'],
    sectors: [{ sector: 'energy', subSector: 'electricity' }],
    victims: [{ isAnonymised: true, kind: 'company', country: 'UA', sector: 'energy' }],
    impacts: {
      ...NO_IMPACT,
      availability: { affected: true, durationHours: 6 },
      integrity: { affected: true },
      physical: { affected: true, description: 'Substation controllers had to be replaced.' },
    },
    harm: { essentialServicesLost: 1, notes: 'About 80,000 homes without power in winter.' },
    responses: [
      {
        kind: 'sanction',
        by: 'Demo Regional Cyber Forum',
        respondedOn: '2026-04-02',
        description: 'Restrictive measures against two named operators.',
      },
    ],
    norms: [{ code: '13f', rationale: 'Intentional damage to critical infrastructure serving the public.' }],
    lawQuestions: [
      { topic: 'sovereignty' },
      { topic: 'use_of_force', note: 'Physical effects raise the question.' },
    ],
    sources: [
      source('2025/12/grid-wiper', 'Power cut follows destructive attack on distributor', '2025-12-19'),
    ],
    attributions: [
      {
        attributedBy: { kind: 'state', name: 'Government of Ukraine', country: 'UA' },
        attributedOn: '2026-01-15',
        basis: 'political',
        actor: { name: 'Demo Sandstorm', kind: 'threat_actor', sponsorCountry: 'RU' },
        confidence: 'high',
        sources: [source('2026/01/attribution-statement', 'Government attributes grid attack', '2026-01-15')],
      },
    ],
  },
  {
    title: 'Espionage against a foreign ministry',
    description:
      'Mailboxes of a fictional foreign ministry were accessed for months through a compromised mail gateway.',
    startedOn: '2025-09-01',
    status: 'contained',
    types: ['espionage'],
    countries: ['KE'],
    sectors: [{ sector: 'public_administration', subSector: 'central_government' }],
    victims: [
      {
        name: 'Demo Ministry of Foreign Affairs (Kenya desk)',
        isAnonymised: false,
        kind: 'government',
        country: 'KE',
        sector: 'public_administration',
      },
    ],
    impacts: { ...NO_IMPACT, confidentiality: { affected: true } },
    harm: {},
    responses: [],
    norms: [{ code: '13i', rationale: 'Entry was through a supply-chain compromise of the gateway vendor.' }],
    lawQuestions: [{ topic: 'sovereignty' }],
    sources: [source('2025/11/ministry-mail', 'Ministry confirms mailbox intrusion', '2025-11-10')],
    tlp: 'TLP:GREEN',
    visibility: 'community',
  },
  {
    title: 'Hack-and-leak ahead of a national election',
    description:
      'Documents stolen from a fictional party were published, some altered, days before the vote.',
    startedOn: '2026-05-20',
    status: 'ended',
    types: ['hack_and_leak', 'disinformation'],
    countries: ['CL'],
    sectors: [{ sector: 'elections', subSector: 'political_parties' }],
    victims: [{ isAnonymised: true, kind: 'other', country: 'CL', sector: 'elections' }],
    impacts: {
      ...NO_IMPACT,
      confidentiality: { affected: true, recordsExposed: 12_000 },
      integrity: { affected: true },
    },
    harm: {},
    responses: [{ kind: 'statement', by: 'Electoral authority', byCountry: 'CL', respondedOn: '2026-05-22' }],
    norms: [{ code: '13e', rationale: 'Targeted political participation and privacy.' }],
    lawQuestions: [{ topic: 'non_intervention' }],
    sources: [source('2026/05/election-leak', 'Leaked party documents appear online', '2026-05-21')],
  },
  {
    title: 'DDoS against a national CERT during an exercise',
    description: 'A week of traffic floods against the public services of a fictional national CERT.',
    startedOn: '2026-06-10',
    endedOn: '2026-06-17',
    status: 'ended',
    types: ['ddos'],
    countries: ['FR'],
    sectors: [{ sector: 'digital_infrastructure' }],
    victims: [
      {
        name: 'Demo National CSIRT',
        isAnonymised: false,
        kind: 'government',
        country: 'FR',
        sector: 'digital_infrastructure',
      },
    ],
    impacts: { ...NO_IMPACT, availability: { affected: true, durationHours: 30 } },
    harm: {},
    responses: [],
    norms: [{ code: '13k', rationale: 'The activity targeted an authorized emergency response team.' }],
    lawQuestions: [],
    sources: [source('2026/06/cert-ddos', 'CERT website offline under traffic flood', '2026-06-11')],
    tlp: 'TLP:AMBER',
    visibility: 'participants',
  },
  {
    title: 'Suspected data theft at a pharmaceutical laboratory',
    description: 'Unconfirmed reports of stolen research data; under verification.',
    startedOn: '2026-09-02',
    status: 'unknown',
    types: ['data_theft'],
    countries: ['EG'],
    sectors: [{ sector: 'health', subSector: 'pharmaceuticals' }],
    victims: [],
    impacts: { ...NO_IMPACT, confidentiality: { affected: true } },
    harm: {},
    responses: [],
    norms: [],
    lawQuestions: [],
    sources: [source('2026/09/lab-theft', 'Laboratory investigates possible breach', '2026-09-03')],
    stay: 'draft',
  },
];

/** The incidents part of the demo dataset, made through the module's services and published by a second member. */
export async function seedIncidentsDemo(db: Db, dialect: Dialect, config: Config): Promise<void> {
  const ctx = await demoContext(db, dialect, config);
  const analyst = await demoActor(db, 'analyst@national-csirt.demo.invalid', true);
  const editor = await demoActor(db, 'admin@national-csirt.demo.invalid', true);
  const orgId = await demoOrgId(db, 'Demo National CSIRT');
  const ids: string[] = [];
  for (const { attributions = [], stay, ...fields } of INCIDENTS) {
    const incident = await createIncident(ctx, analyst, { orgId, ...fields });
    ids.push(incident.id);
    for (const attribution of attributions) await addAttribution(ctx, analyst, incident.id, attribution);
    if (stay === 'draft') continue;
    await changeEditorialState(ctx, analyst, incident.id, 'submit', undefined);
    if (stay === 'review') continue;
    await changeEditorialState(ctx, editor, incident.id, 'publish', undefined);
  }
  // A correction to the hospital incident, so the public log has an entry.
  await updateIncident(ctx, analyst, ids[0]!, {
    harm: {
      hospitalServicesDisrupted: 4,
      patientsRedirected: 340,
      peopleDataLeaked: 480_000,
      essentialServicesLost: 1,
    },
    correction: 'The regional health agency revised the number of patients redirected.',
  });
}

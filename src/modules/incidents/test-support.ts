import { addMember, createOrganization, createUser } from '../../../test/factories.ts';
import { type Client, signIn, type TestApp } from '../../../test/harness/app.ts';

export interface Member {
  userId: string;
  email: string;
  client: Client;
}

async function member(t: TestApp, orgId: string, role: 'org_admin' | 'member'): Promise<Member> {
  const user = await createUser(t.database.db);
  await addMember(t.database.db, orgId, user.id, role);
  return { userId: user.id, email: user.email, client: await signIn(t.app, user.email) };
}

export interface IncidentCast {
  /** A civil-society tracker that records incidents: an analyst who writes and an editor who reviews. */
  tracker: { orgId: string; analyst: Member; editor: Member };
  /** A national CERT, verified: the community. */
  cert: { orgId: string; analyst: Member };
  /** An organization not yet verified. */
  pending: { orgId: string; member: Member };
  /** A signed-in user with no organization. */
  loner: Member;
}

export async function createIncidentCast(t: TestApp): Promise<IncidentCast> {
  const tracker = await createOrganization(t.database.db, {
    name: 'Health Incident Watch',
    kind: 'civil_society',
  });
  const cert = await createOrganization(t.database.db, { name: 'CERT Kenya', kind: 'cert' });
  const pending = await createOrganization(t.database.db, {
    name: 'Pending Lab',
    kind: 'academia',
    verificationStatus: 'unverified',
  });
  const lonerUser = await createUser(t.database.db);
  return {
    tracker: {
      orgId: tracker.id,
      analyst: await member(t, tracker.id, 'member'),
      editor: await member(t, tracker.id, 'org_admin'),
    },
    cert: { orgId: cert.id, analyst: await member(t, cert.id, 'member') },
    pending: { orgId: pending.id, member: await member(t, pending.id, 'member') },
    loner: { userId: lonerUser.id, email: lonerUser.email, client: await signIn(t.app, lonerUser.email) },
  };
}

export const SOURCE = {
  url: 'https://news.example.org/2026/03/hospital-ransomware',
  title: 'Hospital group hit by ransomware',
  publisher: 'Example News',
  publishedOn: '2026-03-04',
  archivedOn: '2026-03-05',
  archiveUrl: 'https://archive.example.net/2026/03/hospital-ransomware',
};

export function incidentBody(orgId: string, overrides: Record<string, unknown> = {}) {
  return {
    orgId,
    title: 'Ransomware attack on a regional hospital group',
    description: 'Encryption of clinical systems forced the group to divert ambulances for nine days.',
    startedOn: '2026-03-01',
    endedOn: '2026-03-10',
    status: 'ended',
    types: ['ransomware', 'data_theft'],
    countries: ['KE', 'UG'],
    sectors: [{ sector: 'health', subSector: 'hospitals' }],
    victims: [
      {
        name: 'Lakeside Hospitals Group',
        isAnonymised: false,
        kind: 'hospital',
        country: 'KE',
        sector: 'health',
      },
      { isAnonymised: true, kind: 'company', country: 'UG' },
    ],
    impacts: {
      availability: { affected: true, durationHours: 216 },
      confidentiality: { affected: true, recordsExposed: 250_000 },
      integrity: { affected: false },
      physical: { affected: false },
      economic: { affected: true, lossUsd: 4_000_000 },
    },
    harm: {
      hospitalServicesDisrupted: 3,
      patientsRedirected: 120,
      peopleDataLeaked: 250_000,
      essentialServicesLost: 1,
      notes: 'Emergency department closed to ambulances.',
    },
    responses: [
      {
        kind: 'statement',
        by: 'Ministry of Health',
        byCountry: 'KE',
        respondedOn: '2026-03-06',
        sources: [SOURCE],
      },
    ],
    norms: [{ code: '13f', rationale: 'The operation impaired hospital services to the public.' }],
    lawQuestions: [{ topic: 'due_diligence', note: 'Operators reportedly based abroad.' }],
    sources: [SOURCE],
    ...overrides,
  };
}

export function attributionBody(overrides: Record<string, unknown> = {}) {
  return {
    attributedBy: { kind: 'company', name: 'Example Threat Intel' },
    attributedOn: '2026-03-20',
    basis: 'technical',
    actor: { name: 'Vice Lynx', kind: 'intrusion_set', aliases: ['VL-7'] },
    confidence: 'medium',
    sources: [SOURCE],
    notes: 'Shared infrastructure with earlier campaigns.',
    ...overrides,
  };
}

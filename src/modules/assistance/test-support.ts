import { addMember, createOrganization, createUser } from '../../../test/factories.ts';
import { type Client, signIn, type TestApp } from '../../../test/harness/app.ts';
import type { Db } from '../../core/db/database.ts';
import { newId, nowIso } from '../../core/db/ids.ts';

/** A POC entry straight into the directory's table, as the contacts module would hold it. */
export async function createPoc(
  db: Db,
  fields: {
    orgId: string;
    userId: string;
    role: 'technical' | 'diplomatic' | 'policy';
    name?: string;
    email?: string;
    languages?: string[];
    openpgpKey?: string | null;
    openpgpFingerprint?: string | null;
    openpgpExpiresAt?: string | null;
  },
): Promise<{ id: string; email: string }> {
  const id = newId('poc');
  const now = nowIso();
  const email = fields.email ?? `${id}@poc.example.test`;
  await db
    .insertInto('poc_entries')
    .values({
      id,
      org_id: fields.orgId,
      user_id: fields.userId,
      role: fields.role,
      name: fields.name ?? `${fields.role} desk ${id.slice(-4)}`,
      email,
      phone: null,
      hotline: null,
      messenger: null,
      languages: JSON.stringify(fields.languages ?? ['en']),
      time_zone: 'UTC',
      working_hours: null,
      openpgp_key: fields.openpgpKey ?? null,
      openpgp_fingerprint: fields.openpgpFingerprint ?? null,
      openpgp_expires_at: fields.openpgpExpiresAt ?? null,
      services: JSON.stringify(['incident_coordination']),
      nominated_by: fields.userId,
      confirmed_at: now,
      valid_until: new Date(Date.now() + 365 * 86_400_000).toISOString(),
      reminder_sent_at: null,
      expiry_escalated_at: null,
      created_at: now,
      updated_at: now,
      removed_at: null,
    })
    .execute();
  return { id, email };
}

export interface Person {
  userId: string;
  client: Client;
}

export interface PocPerson extends Person {
  pocId: string;
  email: string;
}

async function person(
  t: TestApp,
  orgId: string | null,
  options: { hasTotp?: boolean; isPlatformAdmin?: boolean } = {},
) {
  const hasTotp = options.hasTotp ?? options.isPlatformAdmin ?? false;
  const user = await createUser(t.database.db, {
    hasTotp,
    ...(options.isPlatformAdmin ? { isPlatformAdmin: true } : {}),
  });
  if (orgId) await addMember(t.database.db, orgId, user.id);
  const client = await signIn(t.app, user.email, {
    withTotp: options.hasTotp ?? options.isPlatformAdmin ?? false,
  });
  return { userId: user.id, client };
}

async function pocPerson(
  t: TestApp,
  orgId: string,
  role: 'technical' | 'diplomatic' | 'policy',
  extra: { languages?: string[]; email?: string; openpgpKey?: string; openpgpFingerprint?: string } = {},
): Promise<PocPerson> {
  const member = await person(t, orgId, { hasTotp: true });
  const poc = await createPoc(t.database.db, { orgId, userId: member.userId, role, ...extra });
  return { ...member, pocId: poc.id, email: poc.email };
}

/** The cast of an assistance test: a sender, two recipients with POCs of each role, and everyone else. */
export interface Cast {
  sender: { orgId: string; poc: PocPerson; colleague: Person };
  recipient: {
    orgId: string;
    technical: PocPerson;
    diplomatic: PocPerson;
    policy: PocPerson;
    member: Person;
  };
  second: { orgId: string; technical: PocPerson };
  third: { orgId: string; member: Person };
  unverified: { orgId: string; member: Person };
  admin: Person;
}

export async function createCast(
  t: TestApp,
  options: {
    recipientTechnical?: { languages?: string[]; openpgpKey?: string; openpgpFingerprint?: string };
  } = {},
): Promise<Cast> {
  const db = t.database.db;
  const senderOrg = await createOrganization(db, { name: 'CERT Kenya', kind: 'cert', countryCode: 'KE' });
  const recipientOrg = await createOrganization(db, { name: 'CERT France', kind: 'cert', countryCode: 'FR' });
  const secondOrg = await createOrganization(db, { name: 'CSIRT Chile', kind: 'cert', countryCode: 'CL' });
  const thirdOrg = await createOrganization(db, { name: 'Bystander CERT', kind: 'cert' });
  const unverifiedOrg = await createOrganization(db, {
    name: 'Unverified Response Team',
    kind: 'cert',
    verificationStatus: 'unverified',
  });
  return {
    sender: {
      orgId: senderOrg.id,
      poc: await pocPerson(t, senderOrg.id, 'technical'),
      colleague: await person(t, senderOrg.id),
    },
    recipient: {
      orgId: recipientOrg.id,
      technical: await pocPerson(t, recipientOrg.id, 'technical', options.recipientTechnical ?? {}),
      diplomatic: await pocPerson(t, recipientOrg.id, 'diplomatic'),
      policy: await pocPerson(t, recipientOrg.id, 'policy'),
      member: await person(t, recipientOrg.id),
    },
    second: { orgId: secondOrg.id, technical: await pocPerson(t, secondOrg.id, 'technical') },
    third: { orgId: thirdOrg.id, member: await person(t, thirdOrg.id) },
    unverified: { orgId: unverifiedOrg.id, member: await person(t, unverifiedOrg.id) },
    admin: await person(t, null, { isPlatformAdmin: true }),
  };
}

/** A valid request body from the cast's sender; override any field. */
export function requestBody(cast: Cast, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    senderOrgId: cast.sender.orgId,
    recipientOrgIds: [cast.recipient.orgId],
    type: 'request_for_assistance',
    tlp: 'TLP:AMBER',
    title: 'Ransomware at the national hospital network',
    detectedAt: new Date(Date.now() - 3_600_000).toISOString(),
    incidentStatus: 'ongoing',
    sector: 'health',
    impactLevel: 'high',
    isCrossBorder: true,
    assistanceRequested: ['malware_analysis', 'forensics'],
    assistanceDetails: 'Analysis of the encryptor sample and of the initial access vector.',
    actionsTaken: 'Affected segments isolated; backups verified offline.',
    urgency: 'priority',
    responseLanguage: 'en',
    description: 'Encryption of file servers began at 03:10 UTC; C2 at 185.220.101.47 (CVE-2023-4966).',
    ...overrides,
  };
}

export async function sendRequest(client: Client, body: Record<string, unknown>, idempotencyKey?: string) {
  return client.request({
    method: 'POST',
    url: '/api/v1/assistance-requests',
    payload: body,
    ...(idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {}),
  });
}

export async function countRows(
  db: Db,
  table: 'assistance_requests' | 'assistance_messages' | 'assistance_attachments' | 'assistance_recipients',
) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

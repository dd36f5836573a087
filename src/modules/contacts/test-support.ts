import { addMember, createOrganization, createUser } from '../../../test/factories.ts';
import { type Client, signIn, type TestApp } from '../../../test/harness/app.ts';

/** The people of a directory test: the secretariat, two States, a CERT, an unverified organization, an outsider. */
export interface DirectoryCast {
  secretariat: Client;
  /** Kenya: an admin, a member who will hold its entries, and a plain member. */
  kenya: {
    orgId: string;
    admin: Client;
    adminId: string;
    holder: Client;
    holderId: string;
    member: Client;
    memberId: string;
  };
  chile: { orgId: string; admin: Client; adminId: string };
  /** A verified CERT in France. */
  cert: { orgId: string; admin: Client; adminId: string; member: Client; memberId: string };
  unverified: { orgId: string; admin: Client; adminId: string; member: Client; memberId: string };
  outsider: Client;
  outsiderId: string;
}

async function person(
  t: TestApp,
  orgId: string,
  role: 'org_admin' | 'member',
  fields: { locale?: string } = {},
) {
  const user = await createUser(t.database.db);
  await addMember(t.database.db, orgId, user.id, role);
  if (fields.locale) {
    await t.database.db
      .updateTable('users')
      .set({ locale: fields.locale })
      .where('id', '=', user.id)
      .execute();
  }
  return { id: user.id, email: user.email, client: await signIn(t.app, user.email) };
}

export async function createDirectoryCast(t: TestApp): Promise<DirectoryCast> {
  const db = t.database.db;
  const secretariat = await createUser(db, { isPlatformAdmin: true });
  const kenya = await createOrganization(db, { name: 'Republic of Kenya', kind: 'state', countryCode: 'KE' });
  const chile = await createOrganization(db, { name: 'Republic of Chile', kind: 'state', countryCode: 'CL' });
  const cert = await createOrganization(db, { name: 'CERT-FR', kind: 'cert', countryCode: 'FR' });
  const unverified = await createOrganization(db, {
    name: 'Unverified Response Team',
    kind: 'cert',
    countryCode: 'DE',
    verificationStatus: 'unverified',
  });
  const kenyaAdmin = await person(t, kenya.id, 'org_admin', { locale: 'fr' });
  const kenyaHolder = await person(t, kenya.id, 'member');
  const kenyaMember = await person(t, kenya.id, 'member');
  const chileAdmin = await person(t, chile.id, 'org_admin', { locale: 'es' });
  const certAdmin = await person(t, cert.id, 'org_admin');
  const certMember = await person(t, cert.id, 'member');
  const unverifiedAdmin = await person(t, unverified.id, 'org_admin');
  const unverifiedMember = await person(t, unverified.id, 'member');
  const outsider = await createUser(db);
  return {
    secretariat: await signIn(t.app, secretariat.email, { withTotp: true }),
    kenya: {
      orgId: kenya.id,
      admin: kenyaAdmin.client,
      adminId: kenyaAdmin.id,
      holder: kenyaHolder.client,
      holderId: kenyaHolder.id,
      member: kenyaMember.client,
      memberId: kenyaMember.id,
    },
    chile: { orgId: chile.id, admin: chileAdmin.client, adminId: chileAdmin.id },
    cert: {
      orgId: cert.id,
      admin: certAdmin.client,
      adminId: certAdmin.id,
      member: certMember.client,
      memberId: certMember.id,
    },
    unverified: {
      orgId: unverified.id,
      admin: unverifiedAdmin.client,
      adminId: unverifiedAdmin.id,
      member: unverifiedMember.client,
      memberId: unverifiedMember.id,
    },
    outsider: await signIn(t.app, outsider.email),
    outsiderId: outsider.id,
  };
}

/** A valid nomination body; override what the test is about. */
export function nomination(orgId: string, userId: string, overrides: Record<string, unknown> = {}) {
  return {
    orgId,
    userId,
    role: 'technical',
    name: 'National CERT duty desk',
    email: 'duty@cert.example.test',
    phone: '+254 20 000 0000',
    hotline: '+254 700 000 000',
    messenger: 'Signal: +254 700 000 001',
    languages: ['en', 'sw'],
    timeZone: 'Africa/Nairobi',
    workingHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' },
    services: ['incident_coordination', 'forensics'],
    ...overrides,
  };
}

export async function nominateAs(client: Client, body: Record<string, unknown>) {
  return client.request({ method: 'POST', url: '/api/v1/contacts', payload: body });
}

/** Moves an entry's validity so that it ends at `validUntil`, as if months had passed. */
export async function setValidUntil(t: TestApp, id: string, validUntil: Date) {
  await t.database.db
    .updateTable('poc_entries')
    .set({ valid_until: validUntil.toISOString() })
    .where('id', '=', id)
    .execute();
}

import { addMember, createOrganization, createUser } from '../../../test/factories.ts';
import { type Client, signIn, type TestApp } from '../../../test/harness/app.ts';

export interface Member {
  userId: string;
  email: string;
  client: Client;
}

async function member(t: TestApp, orgId: string, role: 'org_admin' | 'member') {
  const user = await createUser(t.database.db);
  await addMember(t.database.db, orgId, user.id, role);
  return { userId: user.id, email: user.email, client: await signIn(t.app, user.email) };
}

export interface DisclosureCast {
  vendor: { orgId: string; admin: Member; analyst: Member };
  other: { orgId: string; admin: Member };
  researcher: Member;
}

/** A vendor's security team (admin and analyst), another verified organization, and a researcher with an account. */
export async function createDisclosureCast(t: TestApp): Promise<DisclosureCast> {
  const vendor = await createOrganization(t.database.db, {
    name: 'Acme Routers PSIRT',
    kind: 'private_sector',
  });
  const other = await createOrganization(t.database.db, { name: 'CERT Elsewhere', kind: 'cert' });
  const researcherUser = await createUser(t.database.db);
  return {
    vendor: {
      orgId: vendor.id,
      admin: await member(t, vendor.id, 'org_admin'),
      analyst: await member(t, vendor.id, 'member'),
    },
    other: { orgId: other.id, admin: await member(t, other.id, 'org_admin') },
    researcher: {
      userId: researcherUser.id,
      email: researcherUser.email,
      client: await signIn(t.app, researcherUser.email),
    },
  };
}

export function programBody(orgId: string, overrides: Record<string, unknown> = {}) {
  return {
    orgId,
    name: 'Acme Routers vulnerability disclosure',
    scopeIn: ['Acme RT-1000 router firmware', '*.acme.example'],
    scopeOut: ['Physical attacks on offices'],
    safeHarbor: 'full',
    disclosurePolicy: 'coordinated',
    disclosureDays: 90,
    acknowledgeDays: 3,
    triageDays: 10,
    resolveDays: 90,
    languages: ['en', 'fr'],
    acceptsAnonymous: true,
    offersCredit: true,
    openpgpKey: null,
    publish: true,
    ...overrides,
  };
}

export function reportContent(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Authentication bypass in the admin interface',
    product: 'Acme RT-1000',
    version: 'firmware 2.3.0 to 2.4.1',
    description: 'A crafted cookie skips the password check of /admin.',
    reproduction: '1. Set cookie role=admin\n2. Open /admin',
    impact: 'Full control of the router from the LAN.',
    priorVendorContact: 'None.',
    exploitation: 'no',
    publicity: 'no',
    disclosurePlans: 'I would like to publish after a fix, or after 90 days.',
    ...overrides,
  };
}

export async function createProgram(client: Client, orgId: string, overrides: Record<string, unknown> = {}) {
  const response = await client.request({
    method: 'POST',
    url: '/api/v1/disclosure-programs',
    payload: programBody(orgId, overrides),
  });
  if (response.statusCode !== 201) throw new Error(`program: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; orgId: string; reportUrl: string };
}

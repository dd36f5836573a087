import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../../../test/factories.ts';
import { type Client, createTestApp, signIn, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import {
  API_ROOT,
  createCollection,
  createTestOrg,
  indicator,
  postEnvelope,
  TAXII,
  type TestOrg,
  taxii,
} from '../test-support.ts';

/** What each organization receives over TAXII, by TLP label and collection visibility. */
describeEachDialect('TAXII: TLP and visibility on the way out', (dialect) => {
  let t: TestApp;
  let owner: TestOrg;
  let writer: TestOrg;
  let member: TestOrg;
  let stranger: TestOrg;
  let unverified: TestOrg;
  let platformAdmin: Client;
  let community: string;
  const names = new Map<string, string>();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    owner = await createTestOrg(t, { name: 'Owner' });
    writer = await createTestOrg(t, { name: 'Writer' });
    member = await createTestOrg(t, { name: 'Member' });
    stranger = await createTestOrg(t, { name: 'Stranger' });
    unverified = await createTestOrg(t, { name: 'Unverified', verified: false });
    const admin = await createUser(t.database.db, { isPlatformAdmin: true });
    platformAdmin = await signIn(t.app, admin.email, { withTotp: true });
    community = await createCollection(t.database.db, {
      ownerOrgId: owner.orgId,
      visibility: 'community',
      writerOrgIds: [writer.orgId],
      memberOrgIds: [member.orgId],
      defaultTlp: 'TLP:GREEN',
    });
  });
  afterAll(() => t.close());

  async function share(
    token: string,
    collection: string,
    labelled: Record<string, Parameters<typeof indicator>[0]>,
  ) {
    const objects = Object.entries(labelled).map(([name, fields]) => {
      const object = indicator({ ...fields, name });
      names.set(object.id as string, name);
      return object;
    });
    const response = await postEnvelope(t, token, collection, objects);
    expect(response.statusCode, response.body).toBe(202);
    return response.json();
  }

  async function received(token: string | null, collection: string): Promise<string[] | number> {
    const response = await taxii(t, token, {
      method: 'GET',
      url: `${API_ROOT}/collections/${collection}/objects/`,
    });
    if (response.statusCode !== 200) return response.statusCode;
    return ((response.json().objects ?? []) as { name: string }[]).map((o) => o.name).sort();
  }

  it('sends TLP:AMBER to the sharing organization and the collection’s owner and members only, and refuses TLP:RED', async () => {
    const status = await share(writer.member.token, community, {
      amber: { tlp: 'TLP:AMBER' },
      strict: { tlp: 'TLP:AMBER+STRICT' },
      green: { tlp: 'TLP:GREEN' },
      clear: { tlp: 'TLP:CLEAR' },
      unmarked: {},
      red: { tlp: 'TLP:RED' },
    });
    expect(status).toMatchObject({ success_count: 5, failure_count: 1 });
    expect(status.failures[0].message).toContain('TLP:RED');

    const everything = ['amber', 'clear', 'green', 'strict', 'unmarked'];
    expect(await received(writer.member.token, community)).toEqual(everything);
    expect(await received(member.member.token, community)).toEqual(everything);
    expect(await received(owner.member.token, community)).toEqual(everything);
    expect(await received(stranger.member.token, community)).toEqual(['clear', 'green', 'unmarked']);
    expect(await received(unverified.member.token, community)).toBe(404);
    expect(await received(null, community)).toBe(401);

    // The secretariat has no TLP bypass.
    const asAdmin = await platformAdmin.request({
      method: 'GET',
      url: `${API_ROOT}/collections/${community}/objects/`,
      headers: { accept: TAXII },
    });
    expect(((asAdmin.json().objects ?? []) as { name: string }[]).map((o) => o.name).sort()).toEqual([
      'clear',
      'green',
      'unmarked',
    ]);
  });

  it('hides an AMBER object from others everywhere: by id, versions and manifest', async () => {
    const amberId = [...names].find(([, name]) => name === 'amber')![0];
    const base = `${API_ROOT}/collections/${community}`;
    for (const url of [`${base}/objects/${amberId}/`, `${base}/objects/${amberId}/versions/`]) {
      expect((await taxii(t, stranger.member.token, { method: 'GET', url })).statusCode, url).toBe(404);
      expect((await taxii(t, member.member.token, { method: 'GET', url })).statusCode, url).toBe(200);
    }
    const manifest = await taxii(t, stranger.member.token, { method: 'GET', url: `${base}/manifest/` });
    const ids = (manifest.json().objects as { id: string }[]).map((o) => names.get(o.id)).sort();
    expect(ids).toEqual(['clear', 'green', 'unmarked']);
  });

  it('lets anonymous clients read only the CLEAR objects of public collections', async () => {
    const open = await createCollection(t.database.db, {
      ownerOrgId: owner.orgId,
      visibility: 'public',
      defaultTlp: 'TLP:CLEAR',
    });
    await share(owner.member.token, open, {
      'open clear': { tlp: 'TLP:CLEAR' },
      'open unmarked': {},
      'open green': { tlp: 'TLP:GREEN' },
      'open amber': { tlp: 'TLP:AMBER' },
    });
    expect(await received(null, open)).toEqual(['open clear', 'open unmarked']);
    expect(await received(unverified.member.token, open)).toEqual(['open clear', 'open unmarked']);
    expect(await received(stranger.member.token, open)).toEqual([
      'open clear',
      'open green',
      'open unmarked',
    ]);
    expect(await received(owner.member.token, open)).toEqual([
      'open amber',
      'open clear',
      'open green',
      'open unmarked',
    ]);
  });

  it('keeps registered collections from anonymous clients and GREEN from unverified organizations', async () => {
    const registered = await createCollection(t.database.db, {
      ownerOrgId: owner.orgId,
      visibility: 'registered',
    });
    await share(owner.member.token, registered, {
      'reg clear': { tlp: 'TLP:CLEAR' },
      'reg green': { tlp: 'TLP:GREEN' },
    });
    expect(await received(null, registered)).toBe(401);
    expect(await received(unverified.member.token, registered)).toEqual(['reg clear']);
    expect(await received(stranger.member.token, registered)).toEqual(['reg clear', 'reg green']);
  });

  it('shows participants collections to their owner and members only', async () => {
    const closed = await createCollection(t.database.db, {
      ownerOrgId: owner.orgId,
      visibility: 'participants',
      memberOrgIds: [member.orgId],
    });
    await share(owner.member.token, closed, {
      'closed green': { tlp: 'TLP:GREEN' },
      'closed amber': { tlp: 'TLP:AMBER' },
    });
    expect(await received(member.member.token, closed)).toEqual(['closed amber', 'closed green']);
    expect(await received(stranger.member.token, closed)).toBe(404);
    expect(await received(writer.member.token, closed)).toBe(404);
    const listed = await taxii(t, stranger.member.token, { method: 'GET', url: `${API_ROOT}/collections/` });
    expect((listed.json().collections as { id: string }[]).map((c) => c.id)).not.toContain(closed);
  });
});

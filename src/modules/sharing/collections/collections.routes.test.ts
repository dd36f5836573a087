import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../../../test/factories.ts';
import { type Client, createTestApp, signIn, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import { createTestOrg, type TestOrg, taxii } from '../test-support.ts';

describeEachDialect('sharing: managing collections', (dialect) => {
  let t: TestApp;
  let owner: TestOrg;
  let other: TestOrg;
  let unverified: TestOrg;
  let platformAdmin: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    owner = await createTestOrg(t, { name: 'CERT Owner' });
    other = await createTestOrg(t, { name: 'CERT Other' });
    unverified = await createTestOrg(t, { name: 'Unverified', verified: false });
    const admin = await createUser(t.database.db, { isPlatformAdmin: true });
    platformAdmin = await signIn(t.app, admin.email, { withTotp: true });
  });
  afterAll(() => t.close());

  const create = (client: Client, payload: Record<string, unknown>) =>
    client.request({ method: 'POST', url: '/api/v1/sharing/collections', payload });

  it('lets an admin of a verified organization create its collection, and audits it', async () => {
    const response = await create(owner.admin.client, {
      title: 'Ransomware indicators',
      description: 'What we see',
      alias: 'ransomware',
      ownerOrgId: owner.orgId,
      visibility: 'community',
      memberOrgIds: [other.orgId],
    });
    expect(response.statusCode, response.body).toBe(201);
    const collection = response.json();
    expect(collection).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      alias: 'ransomware',
      ownerOrg: { id: owner.orgId, name: 'CERT Owner' },
      visibility: 'community',
      defaultTlp: 'TLP:GREEN',
      memberOrgs: [{ id: other.orgId, name: 'CERT Other' }],
      writerOrgs: [],
      taxiiUrl: `http://localhost:8080/taxii2/api/collections/${collection.id}/`,
      viewer: { canRead: true, canWrite: true, canManage: true },
    });
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'org_id'])
      .where('subject_id', '=', collection.id)
      .execute();
    expect(audit).toEqual([{ action: 'sharing_collection.created', org_id: owner.orgId }]);

    // A member of another organization reads it, without the member and writer lists.
    const seen = await other.member.client.request({
      method: 'GET',
      url: `/api/v1/sharing/collections/${collection.id}`,
    });
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      memberOrgs: null,
      writerOrgs: null,
      viewer: { canRead: true, canWrite: false, canManage: false },
    });
  });

  it('refuses creation to members who are not admins, admins of other or unverified organizations, and anonymous users', async () => {
    const body = (ownerOrgId: string | null) => ({ title: 'X', ownerOrgId, visibility: 'community' });
    expect((await create(owner.member.client, body(owner.orgId))).statusCode).toBe(403);
    expect((await create(other.admin.client, body(owner.orgId))).statusCode).toBe(403);
    expect((await create(unverified.admin.client, body(unverified.orgId))).statusCode).toBe(403);
    expect((await create(owner.admin.client, body(null))).statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sharing/collections',
      payload: body(owner.orgId),
    });
    expect(anonymous.statusCode).toBe(401);
    const byToken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sharing/collections',
      headers: { authorization: `Bearer ${owner.admin.token}` },
      payload: body(owner.orgId),
    });
    expect(byToken.statusCode).toBe(201);
  });

  it('lets platform admins create the instance’s own collections', async () => {
    const response = await create(platformAdmin, {
      title: 'Public advisories',
      ownerOrgId: null,
      visibility: 'public',
      defaultTlp: 'TLP:CLEAR',
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json()).toMatchObject({ ownerOrg: null, visibility: 'public', defaultTlp: 'TLP:CLEAR' });
  });

  it('checks names, aliases and labels', async () => {
    const unknown = await create(owner.admin.client, {
      title: 'X',
      ownerOrgId: owner.orgId,
      visibility: 'participants',
      writerOrgIds: ['org_00000000000000000000000000'],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({
      code: 'unknown_organizations',
      organizationIds: ['org_00000000000000000000000000'],
    });
    const taken = await create(owner.admin.client, {
      title: 'X',
      alias: 'ransomware',
      ownerOrgId: owner.orgId,
      visibility: 'community',
    });
    expect(taken.statusCode).toBe(409);
    const red = await create(owner.admin.client, {
      title: 'X',
      ownerOrgId: owner.orgId,
      visibility: 'community',
      defaultTlp: 'TLP:RED',
    });
    expect(red.statusCode).toBe(400);
    const missingOwner = await create(platformAdmin, {
      title: 'X',
      ownerOrgId: 'org_00000000000000000000000000',
      visibility: 'community',
    });
    expect(missingOwner.statusCode).toBe(404);
  });

  it('lists what each reader may read, and shows participants collections to their members only', async () => {
    const hidden = (
      await create(owner.admin.client, {
        title: 'Closed group',
        ownerOrgId: owner.orgId,
        visibility: 'participants',
        memberOrgIds: [other.orgId],
      })
    ).json().id as string;
    const titles = async (client: Client | null) => {
      const response = client
        ? await client.request({ method: 'GET', url: '/api/v1/sharing/collections?limit=100' })
        : await t.app.inject({ method: 'GET', url: '/api/v1/sharing/collections' });
      expect(response.statusCode).toBe(200);
      return (response.json().items as { title: string }[]).map((item) => item.title);
    };
    expect(await titles(null)).toEqual(['Public advisories']);
    expect(await titles(other.member.client)).toContain('Closed group');
    expect(await titles(unverified.member.client)).toEqual(['Public advisories']);
    const stranger = await createTestOrg(t);
    expect(await titles(stranger.member.client)).not.toContain('Closed group');
    expect(
      (await stranger.member.client.request({ method: 'GET', url: `/api/v1/sharing/collections/${hidden}` }))
        .statusCode,
    ).toBe(404);

    const firstPage = await owner.member.client.request({
      method: 'GET',
      url: '/api/v1/sharing/collections?limit=1',
    });
    const { items, nextCursor } = firstPage.json();
    expect(items).toHaveLength(1);
    const secondPage = await owner.member.client.request({
      method: 'GET',
      url: `/api/v1/sharing/collections?limit=1&cursor=${nextCursor}`,
    });
    expect(secondPage.json().items[0].id).not.toBe(items[0].id);
    expect(
      (await owner.member.client.request({ method: 'GET', url: '/api/v1/sharing/collections?cursor=nope' }))
        .statusCode,
    ).toBe(400);
  });

  it('changes members, writers and the default label, keeps visibility fixed, and retires', async () => {
    const id = (
      await create(owner.admin.client, {
        title: 'Evolving',
        ownerOrgId: owner.orgId,
        visibility: 'community',
      })
    ).json().id as string;
    const patch = (client: Client, payload: Record<string, unknown>) =>
      client.request({ method: 'PATCH', url: `/api/v1/sharing/collections/${id}`, payload });
    const changed = await patch(owner.admin.client, {
      writerOrgIds: [other.orgId],
      defaultTlp: 'TLP:AMBER',
      title: 'Evolved',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({
      title: 'Evolved',
      defaultTlp: 'TLP:AMBER',
      writerOrgs: [{ id: other.orgId }],
    });
    expect((await patch(owner.admin.client, { visibility: 'public' })).statusCode).toBe(400);
    expect((await patch(owner.member.client, { title: 'Nope' })).statusCode).toBe(403);
    expect((await patch(other.admin.client, { title: 'Nope' })).statusCode).toBe(403);

    const listed = async () =>
      (
        (await taxii(t, other.member.token, { method: 'GET', url: '/taxii2/api/collections/' })).json()
          .collections as {
          id: string;
          can_write: boolean;
        }[]
      ).find((c) => c.id === id);
    expect(await listed()).toMatchObject({ can_write: true });

    expect(
      (await other.admin.client.request({ method: 'DELETE', url: `/api/v1/sharing/collections/${id}` }))
        .statusCode,
    ).toBe(403);
    expect(
      (await owner.admin.client.request({ method: 'DELETE', url: `/api/v1/sharing/collections/${id}` }))
        .statusCode,
    ).toBe(204);
    expect(await listed()).toBeUndefined();
    expect(
      (await taxii(t, owner.member.token, { method: 'GET', url: `/taxii2/api/collections/${id}/objects/` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await other.member.client.request({ method: 'GET', url: `/api/v1/sharing/collections/${id}` }))
        .statusCode,
    ).toBe(404);
    const managerView = await owner.admin.client.request({
      method: 'GET',
      url: `/api/v1/sharing/collections/${id}`,
    });
    expect(managerView.json().retiredAt).toEqual(expect.any(String));
    expect((await patch(owner.admin.client, { title: 'Again' })).statusCode).toBe(409);
  });
});

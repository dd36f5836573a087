import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTimePagingServer } from '../../../../test/fixtures/taxii-time-paging-server.ts';
import { createTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import { createCollection, createTestOrg, indicator, postEnvelope, type TestOrg } from '../test-support.ts';
import { decryptSecret } from './credentials.ts';
import { pollDueFeeds } from './poll.ts';

describeEachDialect('sharing: TAXII feeds', (dialect) => {
  let t: TestApp;
  let apiRoot: string;
  let source: TestOrg;
  let poller: TestOrg;
  let stranger: TestOrg;
  let sourceCollection: string;
  let localCollection: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { TAXII_FEEDS_ALLOW_PRIVATE_NETWORKS: 'true' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    apiRoot = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/taxii2/api/`;
    source = await createTestOrg(t, { name: 'Source CERT' });
    poller = await createTestOrg(t, { name: 'Polling CERT' });
    stranger = await createTestOrg(t, { name: 'Stranger' });
    sourceCollection = await createCollection(t.database.db, { ownerOrgId: source.orgId, title: 'Source' });
    localCollection = await createCollection(t.database.db, {
      ownerOrgId: poller.orgId,
      visibility: 'participants',
      title: 'Polled',
    });
  });
  afterAll(() => t.close());

  const createFeed = (payload: Record<string, unknown>, client = poller.admin.client) =>
    client.request({ method: 'POST', url: '/api/v1/sharing/feeds', payload });
  const feedBody = (fields: Record<string, unknown> = {}) => ({
    orgId: poller.orgId,
    name: 'Source CERT indicators',
    apiRootUrl: apiRoot,
    collectionId: sourceCollection,
    localCollectionId: localCollection,
    auth: { type: 'basic', username: 'poller', password: poller.member.token },
    ...fields,
  });
  const runNow = (id: string) =>
    poller.admin.client.request({ method: 'POST', url: `/api/v1/sharing/feeds/${id}/run` });
  const localIds = async () =>
    (
      await t.database.db
        .selectFrom('sharing_objects')
        .select(['stix_id', 'owner_org_id', 'visibility'])
        .where('collection_id', '=', localCollection)
        .execute()
    ).map((row) => row.stix_id);

  it('stores the credentials encrypted and never shows them', async () => {
    const response = await createFeed(feedBody({ name: 'Secret keeper' }));
    expect(response.statusCode, response.body).toBe(201);
    expect(response.body).not.toContain(poller.member.token);
    const feed = response.json();
    expect(feed).toMatchObject({
      orgId: poller.orgId,
      apiRootUrl: apiRoot,
      auth: { type: 'basic', username: 'poller', hasSecret: true },
      intervalMinutes: 60,
      isEnabled: true,
      addedAfter: null,
      lastRun: null,
    });
    const row = await t.database.db
      .selectFrom('sharing_feeds')
      .selectAll()
      .where('id', '=', feed.id)
      .executeTakeFirstOrThrow();
    expect(row.auth_secret).not.toContain(poller.member.token);
    expect(decryptSecret(t.app.ctx.signingKey, feed.id, row.auth_secret!)).toBe(poller.member.token);
    expect(decryptSecret(t.app.ctx.signingKey, 'fed_other', row.auth_secret!)).toBeNull();
    const listed = await poller.admin.client.request({
      method: 'GET',
      url: `/api/v1/sharing/feeds?orgId=${poller.orgId}`,
    });
    expect(listed.body).not.toContain(poller.member.token);
    expect(listed.json().items.map((item: { id: string }) => item.id)).toContain(feed.id);
    expect(
      (await poller.admin.client.request({ method: 'DELETE', url: `/api/v1/sharing/feeds/${feed.id}` }))
        .statusCode,
    ).toBe(204);
  });

  it('is managed by the organization’s admins only', async () => {
    expect((await createFeed(feedBody(), poller.member.client)).statusCode).toBe(403);
    expect((await createFeed(feedBody(), stranger.admin.client)).statusCode).toBe(403);
    const feed = (await createFeed(feedBody({ name: 'Private' }))).json();
    for (const client of [poller.member.client, stranger.admin.client]) {
      expect(
        (await client.request({ method: 'GET', url: `/api/v1/sharing/feeds/${feed.id}` })).statusCode,
      ).toBe(404);
      expect(
        (await client.request({ method: 'POST', url: `/api/v1/sharing/feeds/${feed.id}/run` })).statusCode,
      ).toBe(404);
      expect(
        (await client.request({ method: 'GET', url: `/api/v1/sharing/feeds/${feed.id}/runs` })).statusCode,
      ).toBe(404);
    }
    expect(
      (
        await stranger.admin.client.request({
          method: 'GET',
          url: `/api/v1/sharing/feeds?orgId=${poller.orgId}`,
        })
      ).statusCode,
    ).toBe(403);
    await poller.admin.client.request({ method: 'DELETE', url: `/api/v1/sharing/feeds/${feed.id}` });
  });

  it('refuses local collections the organization cannot add to, and malformed addresses', async () => {
    const notWritable = await createFeed(feedBody({ localCollectionId: sourceCollection }));
    expect(notWritable.statusCode).toBe(422);
    expect(notWritable.json().code).toBe('collection_not_writable');
    for (const apiRootUrl of [
      'http://user:pw@127.0.0.1/taxii2/api/',
      'http://127.0.0.1/taxii2/api/?x=1',
      'ftp://example.org/',
    ]) {
      expect((await createFeed(feedBody({ apiRootUrl }))).statusCode, apiRootUrl).toBe(400);
    }
  });

  it('polls into the local collection as the organization, logs the run, and resumes after the last object', async () => {
    const first = [
      indicator({ name: 'one' }),
      indicator({ name: 'two' }),
      indicator({ name: 'red', tlp: 'TLP:RED' }),
    ];
    expect((await postEnvelope(t, source.member.token, sourceCollection, first)).json()).toMatchObject({
      success_count: 2,
    });
    const feed = (await createFeed(feedBody())).json();

    const run = await runNow(feed.id);
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json()).toMatchObject({
      trigger: 'manual',
      pages: 1,
      objectsReceived: 2,
      objectsAdded: 2,
      objectsRejected: 0,
      addedAfterFrom: null,
      addedAfterTo: expect.stringMatching(/Z$/),
      error: null,
      finishedAt: expect.any(String),
    });
    const stored = await t.database.db
      .selectFrom('sharing_objects')
      .select(['stix_id', 'owner_org_id', 'visibility', 'tlp'])
      .where('collection_id', '=', localCollection)
      .orderBy('date_added')
      .execute();
    expect(stored).toEqual([
      { stix_id: first[0]!.id, owner_org_id: poller.orgId, visibility: 'participants', tlp: 'TLP:GREEN' },
      { stix_id: first[1]!.id, owner_org_id: poller.orgId, visibility: 'participants', tlp: 'TLP:GREEN' },
    ]);

    const again = (await runNow(feed.id)).json();
    expect(again).toMatchObject({
      objectsReceived: 0,
      objectsAdded: 0,
      addedAfterFrom: run.json().addedAfterTo,
      error: null,
    });

    const later = indicator({ name: 'three' });
    await postEnvelope(t, source.member.token, sourceCollection, [later]);
    expect((await runNow(feed.id)).json()).toMatchObject({ objectsReceived: 1, objectsAdded: 1 });
    expect(await localIds()).toContain(later.id);

    const runs = await poller.admin.client.request({
      method: 'GET',
      url: `/api/v1/sharing/feeds/${feed.id}/runs?limit=2`,
    });
    expect(runs.json().items.map((r: { objectsAdded: number }) => r.objectsAdded)).toEqual([1, 0]);
    expect(runs.json().nextCursor).toEqual(expect.any(String));
    const shown = (
      await poller.admin.client.request({ method: 'GET', url: `/api/v1/sharing/feeds/${feed.id}` })
    ).json();
    expect(shown.lastRun).toMatchObject({ objectsAdded: 1 });
    expect(shown.addedAfter).toBe(shown.lastRun.addedAfterTo);

    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_label', 'org_id'])
      .where('action', '=', 'sharing.feed_polled')
      .where('subject_id', '=', localCollection)
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ actor_label: `system:taxii-feed:${feed.id}`, org_id: poller.orgId });
    await poller.admin.client.request({ method: 'DELETE', url: `/api/v1/sharing/feeds/${feed.id}` });
  });

  it('follows next through several pages of our own server', async () => {
    const collection = await createCollection(t.database.db, { ownerOrgId: source.orgId });
    const objects = Array.from({ length: 2300 }, (_, i) => indicator({ name: `bulk ${i}` }));
    const posted = await postEnvelope(t, source.member.token, collection, objects);
    expect(posted.json()).toMatchObject({ success_count: 2300 });
    const target = await createCollection(t.database.db, { ownerOrgId: poller.orgId });
    const feed = (await createFeed(feedBody({ collectionId: collection, localCollectionId: target }))).json();
    const run = (await runNow(feed.id)).json();
    expect(run).toMatchObject({ pages: 3, objectsReceived: 2300, objectsAdded: 2300, error: null });
    const count = await t.database.db
      .selectFrom('sharing_objects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('collection_id', '=', target)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2300);
  });

  it('pages by time with servers that answer more without next, sending the credentials it was given', async () => {
    const remoteCollection = 'e1a7c1d2-0000-4000-8000-000000000001';
    const objects = Array.from({ length: 5 }, (_, i) => ({
      object: indicator({ name: `remote ${i}` }),
      dateAdded: `2026-03-0${i + 1}T00:00:00.000000Z`,
    }));
    const remote = await startTimePagingServer({
      collectionId: remoteCollection,
      objects,
      pageSize: 2,
      authorization: 'Bearer remote-secret',
    });
    try {
      const target = await createCollection(t.database.db, { ownerOrgId: poller.orgId });
      const feed = (
        await createFeed(
          feedBody({
            apiRootUrl: remote.url,
            collectionId: remoteCollection,
            localCollectionId: target,
            auth: { type: 'bearer', token: 'remote-secret' },
          }),
        )
      ).json();
      const run = (await runNow(feed.id)).json();
      expect(run).toMatchObject({
        pages: 3,
        objectsReceived: 5,
        objectsAdded: 5,
        addedAfterTo: '2026-03-05T00:00:00.000000Z',
        error: null,
      });
      expect(remote.requests.map((r) => r.path)).toEqual([
        `/api/collections/${remoteCollection}/objects/?limit=1000`,
        `/api/collections/${remoteCollection}/objects/?limit=1000&added_after=2026-03-02T00%3A00%3A00.000000Z`,
        `/api/collections/${remoteCollection}/objects/?limit=1000&added_after=2026-03-04T00%3A00%3A00.000000Z`,
      ]);
      expect(remote.requests.every((r) => r.accept === 'application/taxii+json;version=2.1')).toBe(true);

      // Wrong credentials and a wrong collection are logged on the run, and the position is kept.
      await poller.admin.client.request({
        method: 'PATCH',
        url: `/api/v1/sharing/feeds/${feed.id}`,
        payload: { auth: { type: 'bearer', token: 'wrong' } },
      });
      const refused = (await runNow(feed.id)).json();
      expect(refused).toMatchObject({
        pages: 0,
        error: 'The server answered 401: Unauthorized.',
        addedAfterFrom: '2026-03-05T00:00:00.000000Z',
      });
      const moved = await poller.admin.client.request({
        method: 'PATCH',
        url: `/api/v1/sharing/feeds/${feed.id}`,
        payload: { auth: { type: 'bearer', token: 'remote-secret' }, collectionId: 'other' },
      });
      expect(moved.json().addedAfter).toBeNull();
      // Stored credentials never follow the feed to another server unless given again.
      const redirected = await poller.admin.client.request({
        method: 'PATCH',
        url: `/api/v1/sharing/feeds/${feed.id}`,
        payload: { apiRootUrl: 'https://collector.example/taxii2/api/' },
      });
      expect(redirected.statusCode).toBe(422);
      expect(redirected.json()).toMatchObject({ code: 'credentials_required', field: 'auth' });
      expect((await runNow(feed.id)).json().error).toBe('The server answered 404: No such collection.');
    } finally {
      await remote.close();
    }
  });

  it('polls due feeds from the job, and never twice at once', async () => {
    const collection = await createCollection(t.database.db, { ownerOrgId: source.orgId });
    await postEnvelope(t, source.member.token, collection, [indicator()]);
    const target = await createCollection(t.database.db, { ownerOrgId: poller.orgId });
    const feed = (await createFeed(feedBody({ collectionId: collection, localCollectionId: target }))).json();
    // Other feeds of this file are either deleted or not yet due after their manual runs.
    await t.database.db
      .updateTable('sharing_feeds')
      .set({ lease_until: new Date(Date.now() + 60_000).toISOString() })
      .where('id', '=', feed.id)
      .execute();
    expect((await runNow(feed.id)).statusCode).toBe(409);
    expect(await pollDueFeeds(t.app.ctx)).toBe(0);
    await t.database.db
      .updateTable('sharing_feeds')
      .set({ lease_until: null })
      .where('id', '=', feed.id)
      .execute();
    expect(await pollDueFeeds(t.app.ctx)).toBe(1);
    const shown = (
      await poller.admin.client.request({ method: 'GET', url: `/api/v1/sharing/feeds/${feed.id}` })
    ).json();
    expect(shown.lastRun).toMatchObject({ trigger: 'schedule', objectsAdded: 1 });
    expect(Date.parse(shown.nextRunAt) - Date.now()).toBeGreaterThan(50 * 60_000);
    expect(await pollDueFeeds(t.app.ctx)).toBe(0);
  });

  it('refuses feeds to private addresses unless the operator allows them', async () => {
    const guarded = await createTestApp(dialect);
    try {
      const org = await createTestOrg(guarded);
      const target = await createCollection(guarded.database.db, { ownerOrgId: org.orgId });
      const response = await org.admin.client.request({
        method: 'POST',
        url: '/api/v1/sharing/feeds',
        payload: { ...feedBody(), orgId: org.orgId, localCollectionId: target },
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().code).toBe('unsafe_url');
    } finally {
      await guarded.close();
    }
  });
});

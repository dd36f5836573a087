import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollDueFeeds } from '../src/modules/sharing/feeds/poll.ts';
import {
  createCollection,
  createTestOrg,
  indicator,
  postEnvelope,
  type TestOrg,
} from '../src/modules/sharing/test-support.ts';
import { createTestApp, type TestApp } from './harness/app.ts';

/**
 * Two Common Ground instances on loopback: B polls A over TAXII 2.1 with the API token of an organization
 * of A, and receives exactly what that organization may see on A, under TLP and visibility, as A wrote it.
 */
describe('two instances: one polls the other over TAXII', () => {
  let a: TestApp;
  let b: TestApp;
  let apiRootOfA: string;
  let source: TestOrg;
  let partner: TestOrg;
  let reader: TestOrg;
  let poller: TestOrg;
  let shared: string;
  let closed: string;
  const posted = new Map<string, Record<string, unknown>>();
  const nameOf = new Map<string, string>();

  beforeAll(async () => {
    a = await createTestApp('sqlite');
    await a.app.listen({ port: 0, host: '127.0.0.1' });
    apiRootOfA = `http://127.0.0.1:${(a.app.server.address() as AddressInfo).port}/taxii2/api/`;
    b = await createTestApp('sqlite', { TAXII_FEEDS_ALLOW_PRIVATE_NETWORKS: 'true' });

    source = await createTestOrg(a, { name: 'Source CERT' });
    partner = await createTestOrg(a, { name: 'Partner CERT' });
    reader = await createTestOrg(a, { name: 'Reader CERT' });
    shared = await createCollection(a.database.db, {
      ownerOrgId: source.orgId,
      visibility: 'community',
      memberOrgIds: [partner.orgId],
      defaultTlp: 'TLP:GREEN',
      title: 'Source indicators',
    });
    closed = await createCollection(a.database.db, {
      ownerOrgId: source.orgId,
      visibility: 'participants',
      memberOrgIds: [partner.orgId],
      title: 'Closed group',
    });
    poller = await createTestOrg(b, { name: 'Polling CERT on B' });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  async function share(collection: string, labelled: Record<string, Parameters<typeof indicator>[0]>) {
    const objects = Object.entries(labelled).map(([name, fields]) => {
      const object = indicator({ ...fields, name });
      posted.set(`${object.id}@${object.modified}`, object);
      nameOf.set(object.id as string, name);
      return object;
    });
    const response = await postEnvelope(a, source.member.token, collection, objects);
    expect(response.statusCode, response.body).toBe(202);
    return objects;
  }

  async function feedInto(name: string, token: string, remoteCollection: string) {
    const local = await createCollection(b.database.db, {
      ownerOrgId: poller.orgId,
      visibility: 'participants',
    });
    const response = await poller.admin.client.request({
      method: 'POST',
      url: '/api/v1/sharing/feeds',
      payload: {
        orgId: poller.orgId,
        name,
        apiRootUrl: apiRootOfA,
        collectionId: remoteCollection,
        localCollectionId: local,
        auth: { type: 'basic', username: 'taxii', password: token },
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    return { feedId: response.json().id as string, local };
  }

  const runNow = async (feedId: string) =>
    (
      await poller.admin.client.request({ method: 'POST', url: `/api/v1/sharing/feeds/${feedId}/run` })
    ).json();

  async function storedOnB(local: string) {
    const rows = await b.database.db
      .selectFrom('sharing_objects')
      .select(['stix_id', 'version', 'raw', 'owner_org_id'])
      .where('collection_id', '=', local)
      .orderBy('date_added')
      .execute();
    return rows;
  }

  let readerFeed: { feedId: string; local: string };
  let partnerFeed: { feedId: string; local: string };

  it('receives exactly what the token’s organization may see, as A wrote it', async () => {
    await share(shared, {
      clear: { tlp: 'TLP:CLEAR' },
      green: { tlp: 'TLP:GREEN' },
      unmarked: {},
      amber: { tlp: 'TLP:AMBER' },
      strict: { tlp: 'TLP:AMBER+STRICT' },
    });
    const refused = await postEnvelope(a, source.member.token, shared, [
      indicator({ tlp: 'TLP:RED', name: 'red' }),
    ]);
    expect(refused.json()).toMatchObject({ success_count: 0, failure_count: 1 });

    readerFeed = await feedInto('Reader view of A', reader.member.token, shared);
    partnerFeed = await feedInto('Partner view of A', partner.member.token, shared);

    expect(await runNow(readerFeed.feedId)).toMatchObject({
      objectsReceived: 3,
      objectsAdded: 3,
      error: null,
    });
    expect(await runNow(partnerFeed.feedId)).toMatchObject({
      objectsReceived: 5,
      objectsAdded: 5,
      error: null,
    });

    const readerRows = await storedOnB(readerFeed.local);
    expect(readerRows.map((row) => nameOf.get(row.stix_id)).sort()).toEqual(['clear', 'green', 'unmarked']);
    const partnerRows = await storedOnB(partnerFeed.local);
    expect(partnerRows.map((row) => nameOf.get(row.stix_id)).sort()).toEqual([
      'amber',
      'clear',
      'green',
      'strict',
      'unmarked',
    ]);
    // Each object arrives as it was posted on A, owned on B by the organization that polled it.
    for (const row of [...readerRows, ...partnerRows]) {
      const original = [...posted.values()].find((object) => object.id === row.stix_id)!;
      expect(JSON.parse(row.raw)).toEqual(original);
      expect(row.owner_org_id).toBe(poller.orgId);
    }
  });

  it('polls only what was added since, new versions included, when the schedule comes round', async () => {
    const [first] = await share(shared, { later: { tlp: 'TLP:GREEN' }, 'later amber': { tlp: 'TLP:AMBER' } });
    const newVersion = indicator({
      id: first!.id as string,
      name: 'later, revised',
      tlp: 'TLP:GREEN',
      modified: '2026-06-01T00:00:00.000Z',
    });
    posted.set(`${newVersion.id}@${newVersion.modified}`, newVersion);
    expect((await postEnvelope(a, source.member.token, shared, [newVersion])).json()).toMatchObject({
      success_count: 1,
    });

    await b.database.db
      .updateTable('sharing_feeds')
      .set({ next_run_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', 'in', [readerFeed.feedId, partnerFeed.feedId])
      .execute();
    expect(await pollDueFeeds(b.app.ctx)).toBe(2);

    const runs = async (feedId: string) =>
      (
        await poller.admin.client.request({ method: 'GET', url: `/api/v1/sharing/feeds/${feedId}/runs` })
      ).json().items;
    // The reader's organization gets the GREEN object's latest version only (TAXII's default), not the AMBER one.
    expect((await runs(readerFeed.feedId))[0]).toMatchObject({
      trigger: 'schedule',
      objectsReceived: 1,
      objectsAdded: 1,
    });
    expect((await runs(partnerFeed.feedId))[0]).toMatchObject({
      trigger: 'schedule',
      objectsReceived: 2,
      objectsAdded: 2,
    });
    const readerRows = await storedOnB(readerFeed.local);
    expect(readerRows.map((row) => JSON.parse(row.raw).name)).toEqual([
      'clear',
      'green',
      'unmarked',
      'later, revised',
    ]);
  });

  it('logs a refusal when the token’s organization may not read the remote collection', async () => {
    const denied = await feedInto('Closed group, without membership', reader.member.token, closed);
    const run = await runNow(denied.feedId);
    expect(run).toMatchObject({
      pages: 0,
      objectsReceived: 0,
      error: 'The server answered 404: Collection not found.',
    });
    expect(await storedOnB(denied.local)).toEqual([]);
  });

  it('serves what B polled under B’s own rules', async () => {
    const outsider = await createTestOrg(b, { name: 'Outsider on B' });
    const asOutsider = await b.app.inject({
      method: 'GET',
      url: `/taxii2/api/collections/${readerFeed.local}/objects/`,
      headers: {
        accept: 'application/taxii+json;version=2.1',
        authorization: `Bearer ${outsider.member.token}`,
      },
    });
    expect(asOutsider.statusCode).toBe(404);
    const asPoller = await b.app.inject({
      method: 'GET',
      url: `/taxii2/api/collections/${readerFeed.local}/objects/?match[version]=all`,
      headers: {
        accept: 'application/taxii+json;version=2.1',
        authorization: `Bearer ${poller.member.token}`,
      },
    });
    expect(asPoller.statusCode).toBe(200);
    // The first version of the revised object was never sent: when B polled, A's latest was the revision.
    expect(asPoller.json().objects).toHaveLength(4);
  });
});

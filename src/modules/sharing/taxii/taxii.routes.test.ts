import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness/app.ts';
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

interface Envelope {
  more?: boolean;
  next?: string;
  objects?: { id: string; modified: string; name: string }[];
}

describeEachDialect('TAXII 2.1 server', (dialect) => {
  let t: TestApp;
  let owner: TestOrg;
  let other: TestOrg;
  let community: string;
  let publicCollection: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { UPLOAD_LIMIT_BYTES: '200000' });
    owner = await createTestOrg(t, { name: 'CERT Owner' });
    other = await createTestOrg(t, { name: 'CERT Other' });
    community = await createCollection(t.database.db, { ownerOrgId: owner.orgId, title: 'Community feed' });
    publicCollection = await createCollection(t.database.db, {
      ownerOrgId: owner.orgId,
      visibility: 'public',
      defaultTlp: 'TLP:CLEAR',
      title: 'Public feed',
    });
  });
  afterAll(() => t.close());

  const get = (
    url: string,
    token: string | null = owner.member.token,
    headers: Record<string, string> = {},
  ) => taxii(t, token, { method: 'GET', url, headers });

  it('serves discovery and the API root, with and without the trailing slash, in the TAXII media type', async () => {
    for (const url of ['/taxii2/', '/taxii2']) {
      const response = await get(url, null);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type']).toBe(TAXII);
      expect(response.json()).toMatchObject({
        title: expect.stringContaining('Common Ground'),
        default: 'http://localhost:8080/taxii2/api/',
        api_roots: ['http://localhost:8080/taxii2/api/'],
      });
    }
    for (const url of [`${API_ROOT}/`, API_ROOT]) {
      const response = await get(url, null);
      expect(response.statusCode, url).toBe(200);
      expect(response.json()).toEqual({
        title: expect.any(String),
        description: expect.any(String),
        versions: [TAXII],
        max_content_length: 200000,
      });
    }
  });

  it('answers 406 when the Accept header names nothing it serves, and takes the usual forms', async () => {
    for (const accept of [
      'application/json',
      'application/taxii+json;version=2.0',
      'text/html',
      'application/taxii+json;q=0',
    ]) {
      const response = await get('/taxii2/', null, { accept });
      expect(response.statusCode, accept).toBe(406);
      expect(response.headers['content-type']).toBe(TAXII);
      expect(response.json()).toMatchObject({ http_status: '406', error_code: 'not_acceptable' });
    }
    for (const accept of [
      'application/taxii+json',
      'application/taxii+json; version=2.1',
      '*/*',
      'text/html, application/*;q=0.5',
    ]) {
      expect((await get('/taxii2/', null, { accept })).statusCode, accept).toBe(200);
    }
  });

  it('lists the collections each requester may read, with can_read and can_write', async () => {
    const anonymous = (await get(`${API_ROOT}/collections/`, null)).json() as {
      collections: { id: string }[];
    };
    expect(anonymous.collections.map((c) => c.id)).toEqual([publicCollection]);
    const ownerView = (await get(`${API_ROOT}/collections`)).json() as {
      collections: { id: string; can_read: boolean; can_write: boolean; media_types: string[] }[];
    };
    expect(ownerView.collections.map((c) => c.id).sort()).toEqual([community, publicCollection].sort());
    expect(ownerView.collections.every((c) => c.can_read && c.can_write)).toBe(true);
    expect(ownerView.collections[0]!.media_types).toEqual(['application/stix+json;version=2.1']);
    const otherView = (await get(`${API_ROOT}/collections/${community}/`, other.member.token)).json();
    expect(otherView).toMatchObject({
      id: community,
      title: 'Community feed',
      can_read: true,
      can_write: false,
    });
  });

  it('adds an envelope, answers 202 with a complete status, and keeps the status readable to the poster', async () => {
    const a = indicator({ name: 'first' });
    const invalid = { type: 'indicator', id: 'indicator--not-a-uuid' };
    const response = await postEnvelope(t, owner.member.token, community, [a, invalid, 42]);
    expect(response.statusCode, response.body).toBe(202);
    expect(response.headers['content-type']).toBe(TAXII);
    const status = response.json();
    expect(status).toMatchObject({
      status: 'complete',
      total_count: 3,
      success_count: 1,
      failure_count: 2,
      pending_count: 0,
      successes: [{ id: a.id, version: a.modified }],
      failures: [
        { id: 'indicator--not-a-uuid', message: expect.any(String) },
        { id: 'objects[2]', message: expect.any(String) },
      ],
    });
    const again = await get(`${API_ROOT}/status/${status.id}/`, owner.admin.token);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(status);
    expect((await get(`${API_ROOT}/status/${status.id}`, other.member.token)).statusCode).toBe(404);
    expect((await get(`${API_ROOT}/status/${status.id}`, null)).statusCode).toBe(401);

    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'org_id'])
      .where('subject_id', '=', community)
      .execute();
    expect(audit).toEqual([{ action: 'sharing.objects_added', org_id: owner.orgId }]);
  });

  it('keeps one row per version: re-posting is a success without a duplicate, a new modified is a new version', async () => {
    const id = `indicator--${crypto.randomUUID()}`;
    const v1 = indicator({ id, name: 'v1' });
    const v2 = indicator({ id, name: 'v2', modified: '2026-02-01T00:00:00.000Z' });
    expect((await postEnvelope(t, owner.member.token, community, [v1])).statusCode).toBe(202);
    const repost = (await postEnvelope(t, owner.member.token, community, [v1, v2])).json();
    expect(repost).toMatchObject({ success_count: 2, failure_count: 0 });
    expect(repost.successes[0]).toMatchObject({ id, message: 'already in the collection' });

    const rows = await t.database.db
      .selectFrom('sharing_objects')
      .select(['version', 'is_latest', 'is_first'])
      .where('stix_id', '=', id)
      .orderBy('version')
      .execute();
    expect(rows).toEqual([
      { version: '2026-01-01T00:00:00.000000000Z', is_latest: 0, is_first: 1 },
      { version: '2026-02-01T00:00:00.000000000Z', is_latest: 1, is_first: 0 },
    ]);

    const latest = (await get(`${API_ROOT}/collections/${community}/objects/${id}/`)).json() as Envelope;
    expect(latest.objects?.map((o) => o.name)).toEqual(['v2']);
    const all = (
      await get(`${API_ROOT}/collections/${community}/objects/${id}/?match[version]=all`)
    ).json() as Envelope;
    expect(all.objects?.map((o) => o.name)).toEqual(['v1', 'v2']);
    const first = (
      await get(`${API_ROOT}/collections/${community}/objects/${id}?match[version]=first`)
    ).json() as Envelope;
    expect(first.objects?.map((o) => o.name)).toEqual(['v1']);
    const exact = (
      await get(`${API_ROOT}/collections/${community}/objects/${id}/?match[version]=2026-02-01T00:00:00Z`)
    ).json() as Envelope;
    expect(exact.objects?.map((o) => o.name)).toEqual(['v2']);

    const versions = await get(`${API_ROOT}/collections/${community}/objects/${id}/versions/`);
    expect(versions.statusCode).toBe(200);
    expect(versions.json()).toEqual({
      more: false,
      versions: ['2026-01-01T00:00:00.000Z', '2026-02-01T00:00:00.000Z'],
    });
    expect(versions.headers['x-taxii-date-added-first']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);

    const manifest = (
      await get(`${API_ROOT}/collections/${community}/manifest/?match[id]=${id}&match[version]=all`)
    ).json();
    expect(manifest.objects).toEqual([
      {
        id,
        date_added: expect.any(String),
        version: '2026-01-01T00:00:00.000Z',
        media_type: 'application/stix+json;version=2.1',
      },
      {
        id,
        date_added: expect.any(String),
        version: '2026-02-01T00:00:00.000Z',
        media_type: 'application/stix+json;version=2.1',
      },
    ]);
  });

  it('pages with limit and next in date_added order, with the date-added headers, and resumes with added_after', async () => {
    const collection = await createCollection(t.database.db, { ownerOrgId: owner.orgId });
    const objects = Array.from({ length: 7 }, (_, i) => indicator({ name: `n${i}` }));
    expect((await postEnvelope(t, owner.member.token, collection, objects.slice(0, 4))).statusCode).toBe(202);
    expect((await postEnvelope(t, owner.member.token, collection, objects.slice(4))).statusCode).toBe(202);

    const seen: string[] = [];
    const lasts: string[] = [];
    let next: string | undefined;
    for (let page = 0; page < 10; page++) {
      const response = await get(
        `${API_ROOT}/collections/${collection}/objects/?limit=3${next ? `&next=${encodeURIComponent(next)}` : ''}`,
      );
      expect(response.statusCode).toBe(200);
      const envelope = response.json() as Envelope;
      seen.push(...(envelope.objects ?? []).map((o) => o.name));
      lasts.push(String(response.headers['x-taxii-date-added-last']));
      const firstAdded = String(response.headers['x-taxii-date-added-first']);
      expect(firstAdded <= String(response.headers['x-taxii-date-added-last'])).toBe(true);
      if (!envelope.more) {
        expect(envelope.next).toBeUndefined();
        break;
      }
      next = envelope.next;
    }
    expect(seen).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
    expect(lasts).toHaveLength(3);

    const resumed = (
      await get(`${API_ROOT}/collections/${collection}/objects/?added_after=${encodeURIComponent(lasts[0]!)}`)
    ).json() as Envelope;
    expect(resumed.objects?.map((o) => o.name)).toEqual(['n3', 'n4', 'n5', 'n6']);
    const none = await get(
      `${API_ROOT}/collections/${collection}/objects/?added_after=${encodeURIComponent(lasts[2]!)}`,
    );
    expect(none.json()).toEqual({ more: false });
    expect(none.headers['x-taxii-date-added-first']).toBeUndefined();
  });

  it('filters by match[type], match[id] and match[spec_version], with commas meaning "or"', async () => {
    const collection = await createCollection(t.database.db, { ownerOrgId: owner.orgId });
    const a = indicator({ name: 'a' });
    const b = indicator({ name: 'b' });
    const identity = {
      type: 'identity',
      spec_version: '2.1',
      id: `identity--${crypto.randomUUID()}`,
      created: '2026-01-01T00:00:00.000Z',
      modified: '2026-01-01T00:00:00.000Z',
      name: 'Someone',
    };
    expect((await postEnvelope(t, owner.member.token, collection, [a, b, identity])).json()).toMatchObject({
      success_count: 3,
    });
    const ids = (query: string) =>
      get(`${API_ROOT}/collections/${collection}/objects/?${query}`).then((r) =>
        ((r.json() as Envelope).objects ?? []).map((o) => o.id),
      );
    expect(await ids('match[type]=identity')).toEqual([identity.id]);
    expect(await ids('match[type]=indicator,identity')).toEqual([a.id, b.id, identity.id]);
    expect(await ids(`match[id]=${b.id},${identity.id}`)).toEqual([b.id, identity.id]);
    expect(await ids(`match[id]=${b.id}&match[type]=identity`)).toEqual([]);
    expect(await ids('match[spec_version]=2.1')).toHaveLength(3);
    expect(await ids('match[spec_version]=2.0')).toEqual([]);
  });

  it('refuses bad filters, cursors, methods and paths with TAXII error messages', async () => {
    const base = `${API_ROOT}/collections/${community}/objects/`;
    for (const query of [
      'added_after=yesterday',
      'added_after=2026-02-30T00:00:00Z',
      'limit=0',
      'limit=-3',
      'limit=ten',
      'next=garbage',
      'match[version]=latest',
      'match[id]=not-an-id',
      'match[type]=Bad_Type',
      'match[spec_version]=two',
      'match[type]=indicator&match[type]=identity',
      'match[type]=',
    ]) {
      const response = await get(`${base}?${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toBe(TAXII);
      expect(response.json()).toMatchObject({ http_status: '400', error_id: expect.any(String) });
    }
    const unknown = await get(`${API_ROOT}/collections/${community}/nothing-here/`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ error_code: 'not_found', http_status: '404' });
    const deleted = await taxii(t, owner.member.token, { method: 'DELETE', url: `${API_ROOT}/collections/` });
    expect(deleted.statusCode).toBe(405);
    expect(deleted.headers.allow).toBe('GET, HEAD');
    expect((await get(`${API_ROOT}/collections/not-a-uuid/objects/`)).statusCode).toBe(404);
    expect(
      (await get(`${API_ROOT}/collections/${community}/objects/indicator--${crypto.randomUUID()}/`))
        .statusCode,
    ).toBe(404);
  });

  it('refuses the wrong Content-Type with 415, a body over max_content_length with 413, and broken envelopes with 400', async () => {
    const url = `${API_ROOT}/collections/${community}/objects/`;
    for (const contentType of [
      'application/json',
      'application/stix+json;version=2.1',
      'application/taxii+json;version=2.0',
      'text/plain',
    ]) {
      const response = await taxii(t, owner.member.token, {
        method: 'POST',
        url,
        headers: { 'content-type': contentType },
        payload: JSON.stringify({ objects: [indicator()] }),
      });
      expect(response.statusCode, contentType).toBe(415);
      expect(response.json()).toMatchObject({ http_status: '415' });
    }
    const huge = await postEnvelope(
      t,
      owner.member.token,
      community,
      Array.from({ length: 400 }, () => indicator({ name: 'x'.repeat(600) })),
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ http_status: '413' });
    for (const payload of ['{"objects": [', '[]', '{"objects": {}}', '{"objects": []}', '"text"']) {
      const response = await taxii(t, owner.member.token, {
        method: 'POST',
        url,
        headers: { 'content-type': TAXII },
        payload,
      });
      expect(response.statusCode, payload).toBe(400);
      expect(response.headers['content-type']).toBe(TAXII);
    }
  });

  it('takes the token as a Basic password or a Bearer token, and asks anonymous clients to sign in', async () => {
    const url = `${API_ROOT}/collections/${community}/objects/`;
    const bearer = await t.app.inject({
      method: 'GET',
      url,
      headers: { accept: TAXII, authorization: `Bearer ${owner.member.token}` },
    });
    expect(bearer.statusCode).toBe(200);
    const anonymous = await get(url, null);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toContain('Basic');
    expect(anonymous.json()).toMatchObject({ http_status: '401' });
    const wrong = await get(url, 'cg_not-a-real-token');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error_code: 'invalid_token' });
    const noToken = await t.app.inject({
      method: 'GET',
      url,
      headers: { accept: TAXII, authorization: `Basic ${Buffer.from('user:password').toString('base64')}` },
    });
    expect(noToken.statusCode).toBe(401);
  });

  it('refuses additions from organizations that may read but not write (403)', async () => {
    const response = await postEnvelope(t, other.member.token, community, [indicator()]);
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ http_status: '403' });
  });
});

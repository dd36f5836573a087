import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, createOrganization, createUser } from '../../../test/factories.ts';
import { type Client, createTestApp, signIn, type TestApp } from '../../../test/harness/app.ts';
import { describeEachDialect } from '../../../test/harness/databases.ts';

const TAXII = 'application/taxii+json;version=2.1';
const basic = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;

/** API tokens as HTTP Basic passwords (how TAXII clients send them), and authentication on /taxii2. */
describeEachDialect('identity: API tokens over Basic and on TAXII paths', (dialect) => {
  let t: TestApp;
  let client: Client;
  let userId: string;
  let token: string;
  let orgId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const user = await createUser(t.database.db);
    userId = user.id;
    const org = await createOrganization(t.database.db);
    orgId = org.id;
    await addMember(t.database.db, org.id, user.id);
    client = await signIn(t.app, user.email);
    const created = await client.request({
      method: 'POST',
      url: '/api/v1/me/api-tokens',
      payload: { name: 'taxii', organizationId: org.id, expiresInDays: 1 },
    });
    token = created.json().token;
  });
  afterAll(() => t.close());

  const me = (authorization: string) =>
    t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } });

  it('takes the token as the Basic password, whatever the user name, as it takes a Bearer token', async () => {
    const bearer = await me(`Bearer ${token}`);
    expect(bearer.statusCode).toBe(200);
    for (const credentials of [`taxii:${token}`, `:${token}`, `someone@example.org:${token}`]) {
      const response = await me(basic(credentials));
      expect(response.statusCode, credentials).toBe(200);
      expect(response.json().id).toBe(userId);
    }
  });

  it('refuses Basic credentials whose password is not a live token', async () => {
    for (const authorization of [
      basic('user:correct horse battery staple'),
      basic(`${token}`),
      basic(`user:${token}x`),
      basic('user:cg_unknown'),
      'Basic !!!not-base64!!!',
      'Basic',
      `Digest ${token}`,
    ]) {
      const response = await me(authorization);
      expect(response.statusCode, authorization).toBe(401);
      expect(response.json().code).toBe('invalid_token');
    }
  });

  it('stops accepting a revoked token over Basic at once', async () => {
    const extra = await client.request({
      method: 'POST',
      url: '/api/v1/me/api-tokens',
      payload: { name: 'short-lived', organizationId: orgId, expiresInDays: 1 },
    });
    const { id, token: secret } = extra.json();
    expect((await me(basic(`x:${secret}`))).statusCode).toBe(200);
    expect((await client.request({ method: 'DELETE', url: `/api/v1/me/api-tokens/${id}` })).statusCode).toBe(
      204,
    );
    expect((await me(basic(`x:${secret}`))).statusCode).toBe(401);
  });

  it('resolves the actor on /taxii2 paths, and only there besides /api', async () => {
    // A bad token is refused on TAXII paths, because they authenticate…
    for (const url of ['/taxii2/', '/taxii2', '/taxii2/api/collections/', '/taxii2?x=1']) {
      const response = await t.app.inject({
        method: 'GET',
        url,
        headers: { accept: TAXII, authorization: 'Bearer cg_nope' },
      });
      expect(response.statusCode, url).toBe(401);
    }
    // …and ignored elsewhere, where no credentials are read.
    const elsewhere = await t.app.inject({
      method: 'GET',
      url: '/taxii2x',
      headers: { authorization: 'Bearer cg_nope' },
    });
    expect(elsewhere.statusCode).not.toBe(401);
  });

  it('keeps the CSRF rule for cookie sessions on TAXII writes', async () => {
    const url = '/taxii2/api/collections/00000000-0000-4000-8000-000000000000/objects/';
    const headers = { accept: TAXII, 'content-type': TAXII };
    const withoutCsrf = await t.app.inject({
      method: 'POST',
      url,
      headers: { ...headers, cookie: client.cookie },
      payload: '{"objects":[]}',
    });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json()).toMatchObject({ error_code: 'csrf_failed', http_status: '403' });
    // With the token the request passes authentication and meets the TAXII rules (no such collection here).
    const withCsrf = await client.request({ method: 'POST', url, headers, payload: '{"objects":[]}' });
    expect(withCsrf.statusCode).toBe(404);
  });
});

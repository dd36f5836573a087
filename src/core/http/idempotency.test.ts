import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, createOrganization, createUser } from '../../../test/factories.ts';
import { type Client, createTestApp, signIn, type TestApp } from '../../../test/harness/app.ts';
import { describeEachDialect } from '../../../test/harness/databases.ts';

/** A kept answer is replayed to the credential that asked, not to the same person's other sessions or tokens. */
describeEachDialect('idempotency: answers kept per credential', (dialect) => {
  let t: TestApp;
  let orgId: string;
  let email: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const db = t.database.db;
    orgId = (await createOrganization(db, { name: 'CERT Ghana', kind: 'cert', countryCode: 'GH' })).id;
    const admin = await createUser(db);
    email = admin.email;
    await addMember(db, orgId, admin.id, 'org_admin');
  });
  afterAll(() => t.close());

  const invite = (client: Client, to: string, key: string) =>
    client.request({
      method: 'POST',
      url: `/api/v1/organizations/${orgId}/invitations`,
      payload: { email: to, role: 'member' },
      headers: { 'idempotency-key': key },
    });

  it('replays to the same session only', async () => {
    const first = await signIn(t.app, email);
    const created = await invite(first, 'ama@example.test', 'invite-1');
    expect(created.statusCode, created.body).toBe(201);
    const again = await invite(first, 'ama@example.test', 'invite-1');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(created.json().id);

    // Another session of the same person: the key is its own, so a different body is a new request.
    const second = await signIn(t.app, email);
    const other = await invite(second, 'kofi@example.test', 'invite-1');
    expect(other.statusCode, other.body).toBe(201);
    expect(other.headers['idempotent-replayed']).toBeUndefined();
    expect(other.json().id).not.toBe(created.json().id);

    // A token of the same person does not get the session's kept answer either.
    const token = await first.request({
      method: 'POST',
      url: '/api/v1/me/api-tokens',
      payload: { name: 'automation', organizationId: orgId, expiresInDays: 1 },
    });
    expect(token.statusCode, token.body).toBe(201);
    const viaToken = await t.app.inject({
      method: 'POST',
      url: `/api/v1/organizations/${orgId}/invitations`,
      payload: { email: 'ama@example.test', role: 'member' },
      headers: { 'idempotency-key': 'invite-1', authorization: `Bearer ${token.json().token}` },
    });
    expect(viaToken.headers['idempotent-replayed']).toBeUndefined();
    expect(viaToken.body).not.toContain(created.json().id);
  });
});

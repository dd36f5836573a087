import { afterEach, beforeEach, expect, it } from 'vitest';
import { addMember, createOrganization, createUser } from '../../../test/factories.ts';
import { type Client, createTestApp, signIn, type TestApp } from '../../../test/harness/app.ts';
import { describeEachDialect } from '../../../test/harness/databases.ts';
import { newId, nowIso } from '../db/ids.ts';
import { notifyUsers } from './outbox.ts';

// A public address literal: accepted without a DNS lookup, and never contacted (no worker runs here).
const PUBLIC_URL = 'https://93.184.216.34/hooks/common-ground';

interface Webhook {
  id: string;
  url: string;
  status: string;
  eventTypes: string[];
  consecutiveFailures: number;
  disabledAt: string | null;
  secret?: string;
}

describeEachDialect('webhook routes', (dialect) => {
  let testApp: TestApp;
  let orgId: string;
  let admin: Client;
  let member: Client;
  let outsider: Client;

  beforeEach(async () => {
    testApp = await createTestApp(dialect);
    const db = testApp.database.db;
    orgId = (await createOrganization(db, { name: 'CERT Alpha' })).id;
    const otherOrgId = (await createOrganization(db, { name: 'CERT Beta' })).id;
    const [adminUser, memberUser, outsiderUser] = await Promise.all([
      createUser(db),
      createUser(db),
      createUser(db),
    ]);
    await addMember(db, orgId, adminUser.id, 'org_admin');
    await addMember(db, orgId, memberUser.id, 'member');
    await addMember(db, otherOrgId, outsiderUser.id, 'org_admin');
    [admin, member, outsider] = await Promise.all([
      signIn(testApp.app, adminUser.email),
      signIn(testApp.app, memberUser.email),
      signIn(testApp.app, outsiderUser.email),
    ]);
  });

  afterEach(async () => {
    await testApp.close();
  });

  const webhooksUrl = () => `/api/v1/organizations/${orgId}/webhooks`;

  async function createAsAdmin(payload: Record<string, unknown> = {}) {
    const response = await admin.request({
      method: 'POST',
      url: webhooksUrl(),
      payload: {
        url: PUBLIC_URL,
        description: 'SIEM',
        eventTypes: ['organization.member_added'],
        ...payload,
      },
    });
    expect(response.statusCode).toBe(201);
    return response.json<Webhook>();
  }

  it('lets an org admin create a webhook and shows the secret only in that response', async () => {
    const created = await createAsAdmin();
    expect(created).toMatchObject({
      url: PUBLIC_URL,
      status: 'active',
      eventTypes: ['organization.member_added'],
      consecutiveFailures: 0,
      disabledAt: null,
    });
    expect(created.id).toMatch(/^whk_/);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const list = await admin.request({ method: 'GET', url: webhooksUrl() });
    expect(list.statusCode).toBe(200);
    const { items } = list.json<{ items: Webhook[] }>();
    expect(items.map((item) => item.id)).toEqual([created.id]);
    expect(items[0]).not.toHaveProperty('secret');
    expect(list.body).not.toContain(created.secret!.slice(6));

    const audit = await testApp.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'webhook.created')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ org_id: orgId, subject_id: created.id });
    // The audit trail names the site only; paths often hold tokens.
    expect(audit.summary).toContain('https://93.184.216.34');
    expect(audit.summary).not.toContain('/hooks/common-ground');
  });

  it('refuses a plain member and a member of another organization', async () => {
    const created = await createAsAdmin();
    for (const client of [member, outsider]) {
      expect((await client.request({ method: 'GET', url: webhooksUrl() })).statusCode).toBe(403);
      const create = await client.request({
        method: 'POST',
        url: webhooksUrl(),
        payload: { url: PUBLIC_URL, eventTypes: ['*'] },
      });
      expect(create.statusCode).toBe(403);
      expect(create.json()).toMatchObject({ code: 'forbidden' });
      const patch = await client.request({
        method: 'PATCH',
        url: `${webhooksUrl()}/${created.id}`,
        payload: { description: 'taken over' },
      });
      expect(patch.statusCode).toBe(403);
      expect(
        (await client.request({ method: 'DELETE', url: `${webhooksUrl()}/${created.id}` })).statusCode,
      ).toBe(403);
      expect(
        (await client.request({ method: 'POST', url: `${webhooksUrl()}/${created.id}/test` })).statusCode,
      ).toBe(403);
      expect(
        (await client.request({ method: 'GET', url: `${webhooksUrl()}/${created.id}/deliveries` }))
          .statusCode,
      ).toBe(403);
    }
    expect(await testApp.database.db.selectFrom('webhook_endpoints').select('description').execute()).toEqual(
      [{ description: 'SIEM' }],
    );
  });

  it("hides an unverified organization's webhooks from outsiders as not found, and asks anonymous callers to sign in", async () => {
    await testApp.database.db
      .updateTable('organizations')
      .set({ verification_status: 'unverified', verified_at: null })
      .where('id', '=', orgId)
      .execute();
    expect((await outsider.request({ method: 'GET', url: webhooksUrl() })).statusCode).toBe(404);
    expect((await admin.request({ method: 'GET', url: webhooksUrl() })).statusCode).toBe(200);

    await testApp.database.db
      .updateTable('organizations')
      .set({ verification_status: 'verified' })
      .where('id', '=', orgId)
      .execute();
    const anonymous = await testApp.app.inject({ method: 'GET', url: webhooksUrl() });
    expect(anonymous.statusCode).toBe(401);
  });

  it('does not reach a webhook of another organization through this one', async () => {
    const created = await createAsAdmin();
    const otherAdminOrg = await outsider.request({ method: 'GET', url: '/api/v1/me' });
    const otherOrgId = otherAdminOrg.json<{ memberships: { organizationId: string }[] }>().memberships[0]!
      .organizationId;
    const response = await outsider.request({
      method: 'PATCH',
      url: `/api/v1/organizations/${otherOrgId}/webhooks/${created.id}`,
      payload: { description: 'taken over' },
    });
    expect(response.statusCode).toBe(404);
  });

  it('validates event types', async () => {
    for (const eventTypes of [[], ['organization.exploded'], ['*', '*'], [42]]) {
      const response = await admin.request({
        method: 'POST',
        url: webhooksUrl(),
        payload: { url: PUBLIC_URL, eventTypes },
      });
      expect(response.statusCode, JSON.stringify(eventTypes)).toBe(400);
    }
    expect((await createAsAdmin({ eventTypes: ['*'] })).eventTypes).toEqual(['*']);
  });

  it('refuses URLs on loopback and private networks, before any connection', async () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://10.0.0.1/',
      'http://[::1]/',
      'http://169.254.169.254/',
      'http://localhost:8080/',
    ]) {
      const response = await admin.request({
        method: 'POST',
        url: webhooksUrl(),
        payload: { url, eventTypes: ['*'] },
      });
      expect(response.statusCode, url).toBe(400);
      expect(response.json()).toMatchObject({ code: 'webhook_url_not_allowed' });
    }
    const created = await createAsAdmin();
    const patch = await admin.request({
      method: 'PATCH',
      url: `${webhooksUrl()}/${created.id}`,
      payload: { url: 'http://192.168.0.10/hook' },
    });
    expect(patch.statusCode).toBe(400);
    expect(patch.json()).toMatchObject({ code: 'webhook_url_not_allowed' });
    expect(await testApp.database.db.selectFrom('webhook_endpoints').select('url').execute()).toEqual([
      { url: PUBLIC_URL },
    ]);
  });

  it('updates, re-enables and deletes a webhook', async () => {
    const created = await createAsAdmin();
    const updated = await admin.request({
      method: 'PATCH',
      url: `${webhooksUrl()}/${created.id}`,
      payload: { eventTypes: ['organization.updated', 'webhook.test'], description: 'SOC' },
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ eventTypes: ['organization.updated', 'webhook.test'] });

    await testApp.database.db
      .updateTable('webhook_endpoints')
      .set({
        status: 'disabled',
        consecutive_failures: 15,
        disabled_at: nowIso(),
        disabled_reason: '15 failures',
      })
      .where('id', '=', created.id)
      .execute();
    const enabled = await admin.request({
      method: 'PATCH',
      url: `${webhooksUrl()}/${created.id}`,
      payload: { status: 'active' },
    });
    expect(enabled.json()).toMatchObject({
      status: 'active',
      consecutiveFailures: 0,
      disabledAt: null,
      disabledReason: null,
    });
    const disabledStatus = await admin.request({
      method: 'PATCH',
      url: `${webhooksUrl()}/${created.id}`,
      payload: { status: 'disabled' },
    });
    expect(disabledStatus.statusCode).toBe(400);

    const deleted = await admin.request({ method: 'DELETE', url: `${webhooksUrl()}/${created.id}` });
    expect(deleted.statusCode).toBe(204);
    expect((await admin.request({ method: 'GET', url: webhooksUrl() })).json()).toEqual({ items: [] });
    expect(
      (await admin.request({ method: 'DELETE', url: `${webhooksUrl()}/${created.id}` })).statusCode,
    ).toBe(404);
    const actions = await testApp.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', created.id)
      .orderBy('seq')
      .execute();
    expect(actions.map((row) => row.action)).toEqual([
      'webhook.created',
      'webhook.updated',
      'webhook.enabled',
      'webhook.deleted',
    ]);
  });

  it('queues a test event for that webhook alone', async () => {
    const target = await createAsAdmin({ eventTypes: ['organization.updated'] });
    await createAsAdmin({ eventTypes: ['*'] });
    const response = await admin.request({ method: 'POST', url: `${webhooksUrl()}/${target.id}/test` });
    expect(response.statusCode).toBe(202);
    const { messageId } = response.json<{ messageId: string }>();
    const rows = await testApp.database.db
      .selectFrom('outbox')
      .selectAll()
      .where('channel', '=', 'webhook')
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ id: messageId, topic: 'webhook.test', org_id: orgId, status: 'pending' });
    expect(JSON.parse(rows[0]!.payload)).toMatchObject({ endpointId: target.id, type: 'webhook.test' });
  });

  it('lists delivery attempts newest first, page by page', async () => {
    const created = await createAsAdmin();
    const ids = [newId('whd'), newId('whd'), newId('whd')];
    await testApp.database.db
      .insertInto('webhook_deliveries')
      .values(
        ids.map((id, index) => ({
          id,
          endpoint_id: created.id,
          message_id: 'msg_1',
          attempt: index + 1,
          at: nowIso(),
          status_code: index === 2 ? 200 : 500,
          is_success: index === 2 ? 1 : 0,
          error: index === 2 ? null : 'HTTP 500',
          duration_ms: 12,
        })),
      )
      .execute();
    const first = await admin.request({
      method: 'GET',
      url: `${webhooksUrl()}/${created.id}/deliveries?limit=2`,
    });
    expect(first.statusCode).toBe(200);
    const page = first.json<{
      items: { id: string; attempt: number; isSuccess: boolean }[];
      nextCursor: string;
    }>();
    expect(page.items.map((item) => [item.attempt, item.isSuccess])).toEqual([
      [3, true],
      [2, false],
    ]);
    const second = await admin.request({
      method: 'GET',
      url: `${webhooksUrl()}/${created.id}/deliveries?limit=2&cursor=${page.nextCursor}`,
    });
    expect(second.json()).toEqual({
      items: [
        {
          id: ids[0],
          messageId: 'msg_1',
          attempt: 1,
          at: expect.any(String),
          statusCode: 500,
          isSuccess: false,
          error: 'HTTP 500',
          durationMs: 12,
        },
      ],
      nextCursor: null,
    });
  });
});

describeEachDialect('notification routes', (dialect) => {
  let testApp: TestApp;
  let alice: Client;
  let aliceId: string;
  let bobId: string;

  beforeEach(async () => {
    testApp = await createTestApp(dialect);
    const db = testApp.database.db;
    const [aliceUser, bobUser] = await Promise.all([createUser(db), createUser(db)]);
    aliceId = aliceUser.id;
    bobId = bobUser.id;
    alice = await signIn(testApp.app, aliceUser.email);
    const notify = (userId: string, title: string, body: string) =>
      db
        .transaction()
        .execute((trx) => notifyUsers(trx, { userIds: [userId], topic: 'test', title, body, link: '/x' }));
    for (const n of [1, 2, 3]) await notify(aliceId, `For Alice ${n}`, 'Body');
    await notify(bobId, 'For Bob', 'Secret to Bob');
  });

  afterEach(async () => {
    await testApp.close();
  });

  async function unreadCount() {
    const response = await alice.request({ method: 'GET', url: '/api/v1/notifications/unread-count' });
    expect(response.statusCode).toBe(200);
    return response.json<{ count: number }>().count;
  }

  it('lists only your own notifications, newest first', async () => {
    const response = await alice.request({ method: 'GET', url: '/api/v1/notifications' });
    expect(response.statusCode).toBe(200);
    const { items, nextCursor } = response.json<{
      items: { title: string; readAt: string | null }[];
      nextCursor: null;
    }>();
    expect(items.map((item) => item.title)).toEqual(['For Alice 3', 'For Alice 2', 'For Alice 1']);
    expect(items[0]).toMatchObject({ topic: 'test', body: 'Body', link: '/x', readAt: null });
    expect(nextCursor).toBeNull();
    expect(response.body).not.toContain('Bob');
  });

  it('counts unread notifications, marks one and then all read, and filters unread ones', async () => {
    expect(await unreadCount()).toBe(3);
    const { items } = (await alice.request({ method: 'GET', url: '/api/v1/notifications?limit=1' })).json<{
      items: { id: string }[];
    }>();
    const newest = items[0]!.id;
    const read = await alice.request({ method: 'POST', url: `/api/v1/notifications/${newest}/read` });
    expect(read.statusCode).toBe(204);
    expect(
      (await alice.request({ method: 'POST', url: `/api/v1/notifications/${newest}/read` })).statusCode,
    ).toBe(204);
    expect(await unreadCount()).toBe(2);
    const unread = await alice.request({ method: 'GET', url: '/api/v1/notifications?unreadOnly=true' });
    expect(unread.json<{ items: { id: string }[] }>().items.map((item) => item.id)).not.toContain(newest);
    expect(unread.json<{ items: unknown[] }>().items).toHaveLength(2);

    expect((await alice.request({ method: 'POST', url: '/api/v1/notifications/read-all' })).statusCode).toBe(
      204,
    );
    expect(await unreadCount()).toBe(0);
    const bobsUnread = await testApp.database.db
      .selectFrom('notifications')
      .select('read_at')
      .where('user_id', '=', bobId)
      .execute();
    expect(bobsUnread).toEqual([{ read_at: null }]);
  });

  it("reports someone else's notification as not found and leaves it unread", async () => {
    const bobs = await testApp.database.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', bobId)
      .executeTakeFirstOrThrow();
    const response = await alice.request({ method: 'POST', url: `/api/v1/notifications/${bobs.id}/read` });
    expect(response.statusCode).toBe(404);
    const row = await testApp.database.db
      .selectFrom('notifications')
      .select('read_at')
      .where('id', '=', bobs.id)
      .executeTakeFirstOrThrow();
    expect(row.read_at).toBeNull();
  });

  it('pages with a cursor', async () => {
    const first = (await alice.request({ method: 'GET', url: '/api/v1/notifications?limit=2' })).json<{
      items: { title: string }[];
      nextCursor: string;
    }>();
    expect(first.items.map((item) => item.title)).toEqual(['For Alice 3', 'For Alice 2']);
    const second = (
      await alice.request({ method: 'GET', url: `/api/v1/notifications?limit=2&cursor=${first.nextCursor}` })
    ).json<{ items: { title: string }[]; nextCursor: string | null }>();
    expect(second).toMatchObject({ items: [{ title: 'For Alice 1' }], nextCursor: null });
  });

  it('requires signing in', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/notifications'],
      ['GET', '/api/v1/notifications/unread-count'],
      ['POST', '/api/v1/notifications/read-all'],
      ['POST', '/api/v1/notifications/ntf_x/read'],
    ] as const) {
      const response = await testApp.app.inject({ method, url });
      expect(response.statusCode, url).toBe(401);
      expect(response.json()).toMatchObject({ code: 'authentication_required' });
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createOrganization, createUser } from '../../../test/factories.ts';
import { type Client, createTestApp, signIn, type TestApp } from '../../../test/harness/app.ts';
import { describeEachDialect } from '../../../test/harness/databases.ts';

describeEachDialect('organizations', (dialect) => {
  let t: TestApp;
  let admin: Client;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const platformAdmin = await createUser(t.database.db, { isPlatformAdmin: true });
    admin = await signIn(t.app, platformAdmin.email, { withTotp: true });
  });
  afterAll(() => t.close());

  it('creates an organization whose creator is org admin, unverified; a State needs a known country', async () => {
    const user = await createUser(t.database.db);
    const client = await signIn(t.app, user.email);
    const noCountry = await client.request({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { name: 'Ministry without country', kind: 'state' },
    });
    expect(noCountry.statusCode).toBe(400);
    expect(noCountry.json().code).toBe('country_required');
    const unknownCountry = await client.request({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { name: 'Ministry of Nowhere', kind: 'state', countryCode: 'QQ' },
    });
    expect(unknownCountry.json().code).toBe('unknown_country');
    const created = await client.request({
      method: 'POST',
      url: '/api/v1/organizations',
      payload: { name: 'Ministry of ICT', kind: 'state', countryCode: 'KE' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      kind: 'state',
      countryCode: 'KE',
      verificationStatus: 'unverified',
      memberCount: 1,
    });
    const me = (await client.request({ url: '/api/v1/me' })).json();
    expect(me.memberships[0]).toMatchObject({
      organizationId: created.json().id,
      role: 'org_admin',
      isOrgVerified: false,
    });
  });

  it('hides unverified organizations from others and the public, and lists verified ones', async () => {
    const hidden = await createOrganization(t.database.db, {
      name: 'Zeta Unverified Org',
      verificationStatus: 'unverified',
    });
    const shown = await createOrganization(t.database.db, { name: 'Zeta Verified Org' });
    const anonymous = await t.app.inject({ url: '/api/v1/organizations?q=zeta' });
    expect(anonymous.json().items.map((o: { id: string }) => o.id)).toEqual([shown.id]);
    expect((await t.app.inject({ url: `/api/v1/organizations/${hidden.id}` })).statusCode).toBe(404);
    const adminView = await admin.request({ url: '/api/v1/organizations?q=zeta' });
    expect(
      adminView
        .json()
        .items.map((o: { id: string }) => o.id)
        .sort(),
    ).toEqual([hidden.id, shown.id].sort());
  });

  it('serves a fresh directory page after any write, even one made straight in the database', async () => {
    const first = (await t.app.inject({ url: '/api/v1/organizations?q=freshness' })).json();
    expect(first.items).toHaveLength(0);
    await createOrganization(t.database.db, { name: 'Freshness Check Org' });
    const second = (await t.app.inject({ url: '/api/v1/organizations?q=freshness' })).json();
    expect(second.items.map((o: { name: string }) => o.name)).toEqual(['Freshness Check Org']);
  });

  it('paginates with a cursor in name order without gaps or repeats', async () => {
    for (let i = 0; i < 7; i++) await createOrganization(t.database.db, { name: `Paging Org ${i}` });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/organizations?q=paging&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = (await t.app.inject({ url })).json() as {
        items: { name: string }[];
        nextCursor: string | null;
      };
      seen.push(...page.items.map((o) => o.name));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `Paging Org ${i}`));
    const bad = await t.app.inject({ url: '/api/v1/organizations?cursor=not-a-cursor' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('invalid_cursor');
  });

  it('lets only a TOTP-verified platform admin verify, and tells the org admins', async () => {
    const org = await createOrganization(t.database.db, { verificationStatus: 'unverified' });
    const orgAdmin = await createUser(t.database.db);
    await addMember(t.database.db, org.id, orgAdmin.id, 'org_admin');
    const orgAdminClient = await signIn(t.app, orgAdmin.email);
    const self = await orgAdminClient.request({
      method: 'POST',
      url: `/api/v1/organizations/${org.id}/verification`,
      payload: { status: 'verified' },
    });
    expect(self.statusCode).toBe(403);
    const noMfaAdmin = await createUser(t.database.db, { isPlatformAdmin: true, hasTotp: false });
    const noMfa = await signIn(t.app, noMfaAdmin.email);
    const refused = await noMfa.request({
      method: 'POST',
      url: `/api/v1/organizations/${org.id}/verification`,
      payload: { status: 'verified' },
    });
    expect(refused.statusCode).toBe(404);
    const verified = await admin.request({
      method: 'POST',
      url: `/api/v1/organizations/${org.id}/verification`,
      payload: { status: 'verified', note: 'Checked against the national registry' },
    });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().verificationStatus).toBe('verified');
    const unread = await orgAdminClient.request({ url: '/api/v1/notifications/unread-count' });
    expect(unread.json().count).toBeGreaterThan(0);
    const notes = await t.database.db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', orgAdmin.id)
      .execute();
    expect(notes.map((n) => n.title)).toContain('Verification: verified');
    const mail = await t.database.db
      .selectFrom('outbox')
      .select('payload')
      .where('channel', '=', 'email')
      .execute();
    expect(mail.some((m) => JSON.parse(m.payload).to === orgAdmin.email)).toBe(true);
  });

  it('invites by e-mail; the link creates the account and membership once', async () => {
    const org = await createOrganization(t.database.db, { name: 'Inviting CERT' });
    const orgAdmin = await createUser(t.database.db);
    await addMember(t.database.db, org.id, orgAdmin.id, 'org_admin');
    const client = await signIn(t.app, orgAdmin.email);
    const invited = await client.request({
      method: 'POST',
      url: `/api/v1/organizations/${org.id}/invitations`,
      payload: { email: 'New.Analyst@example.test', role: 'member' },
    });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ email: 'new.analyst@example.test', status: 'pending' });
    const outbox = await t.database.db
      .selectFrom('outbox')
      .select('payload')
      .where('topic', '=', 'invitation.created')
      .execute();
    const mail = outbox.map((r) => JSON.parse(r.payload)).find((m) => m.to === 'new.analyst@example.test');
    const token = /#token=([\w-]+)/.exec(mail.text)![1]!;
    const lookup = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/lookup',
      payload: { token },
    });
    expect(lookup.json()).toMatchObject({ organizationName: 'Inviting CERT', hasAccount: false });
    const accepted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, displayName: 'New Analyst', password: 'a long enough passphrase here' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().user.memberships[0].organizationId).toBe(org.id);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/invitations/accept',
      payload: { token, displayName: 'Someone Else', password: 'a long enough passphrase here' },
    });
    expect(again.json().code).toBe('invalid_token');
    const members = (await client.request({ url: `/api/v1/organizations/${org.id}/members` })).json().items;
    expect(members.map((m: { email: string }) => m.email)).toContain('new.analyst@example.test');
    const invitations = (await client.request({ url: `/api/v1/organizations/${org.id}/invitations` })).json()
      .items;
    expect(invitations[0].status).toBe('accepted');
  });

  it('keeps members out of admin work and other organizations out entirely', async () => {
    const org = await createOrganization(t.database.db);
    const outsiderOrg = await createOrganization(t.database.db);
    const [orgAdmin, member, outsider] = await Promise.all([1, 2, 3].map(() => createUser(t.database.db)));
    await addMember(t.database.db, org.id, orgAdmin!.id, 'org_admin');
    await addMember(t.database.db, org.id, member!.id, 'member');
    await addMember(t.database.db, outsiderOrg.id, outsider!.id, 'org_admin');
    const memberClient = await signIn(t.app, member!.email);
    const outsiderClient = await signIn(t.app, outsider!.email);
    const invite = {
      method: 'POST' as const,
      url: `/api/v1/organizations/${org.id}/invitations`,
      payload: { email: 'x@example.test', role: 'member' },
    };
    expect((await memberClient.request(invite)).statusCode).toBe(403);
    expect((await outsiderClient.request(invite)).statusCode).toBe(403);
    expect((await t.app.inject(invite)).statusCode).toBe(401);
    expect((await memberClient.request({ url: `/api/v1/organizations/${org.id}/members` })).statusCode).toBe(
      200,
    );
    expect(
      (await outsiderClient.request({ url: `/api/v1/organizations/${org.id}/members` })).statusCode,
    ).toBe(403);
    expect(
      (await memberClient.request({ url: `/api/v1/organizations/${org.id}/audit-events` })).statusCode,
    ).toBe(403);
    const adminClient = await signIn(t.app, orgAdmin!.email);
    const demoteLast = await adminClient.request({
      method: 'PATCH',
      url: `/api/v1/organizations/${org.id}/members/${orgAdmin!.id}`,
      payload: { role: 'member' },
    });
    expect(demoteLast.statusCode).toBe(409);
    expect(demoteLast.json().code).toBe('last_admin');
  });

  it('replays a creating POST with the same Idempotency-Key and refuses a different body under it', async () => {
    const user = await createUser(t.database.db);
    const client = await signIn(t.app, user.email);
    const send = (name: string) =>
      client.request({
        method: 'POST',
        url: '/api/v1/organizations',
        headers: { 'idempotency-key': 'create-org-1' },
        payload: { name, kind: 'academia' },
      });
    const first = await send('Institute of Idempotency');
    const second = await send('Institute of Idempotency');
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    expect(second.headers['idempotent-replayed']).toBe('true');
    const count = await t.database.db
      .selectFrom('organizations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('name', '=', 'Institute of Idempotency')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
    expect((await send('Another name')).json().code).toBe('idempotency_key_reused');
    // What is kept for replay is neither the key nor the answer in clear.
    const kept = await t.database.db.selectFrom('idempotency_keys').selectAll().execute();
    expect(JSON.stringify(kept)).not.toContain('create-org-1');
    expect(JSON.stringify(kept)).not.toContain('Institute of Idempotency');
  });

  describe('audit', () => {
    it('shows org admins their events and platform admins all, with an intact chain', async () => {
      const user = await createUser(t.database.db);
      const client = await signIn(t.app, user.email);
      const org = (
        await client.request({
          method: 'POST',
          url: '/api/v1/organizations',
          payload: { name: 'Audited Org', kind: 'cert' },
        })
      ).json();
      const own = (await client.request({ url: `/api/v1/organizations/${org.id}/audit-events` })).json();
      expect(own.items[0]).toMatchObject({
        action: 'organization.created',
        organizationId: org.id,
        actorLabel: user.email,
      });
      expect(own.items.every((e: { organizationId: string }) => e.organizationId === org.id)).toBe(true);
      expect((await client.request({ url: '/api/v1/audit-events' })).statusCode).toBe(403);
      const all = (await admin.request({ url: '/api/v1/audit-events?limit=100' })).json();
      expect(all.items.length).toBeGreaterThan(own.items.length);
      const { verifyAuditChain } = await import('../audit/audit.ts');
      expect(await verifyAuditChain(t.database.db)).toMatchObject({ isIntact: true });
    });
  });
});

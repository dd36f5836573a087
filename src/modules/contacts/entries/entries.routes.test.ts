import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, createUser } from '../../../../test/factories.ts';
import { generateRecipientKey, type RecipientKey } from '../../../../test/fixtures/openpgp.ts';
import { createTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import { addCalendarMonths } from '../freshness/validity.ts';
import {
  createDirectoryCast,
  type DirectoryCast,
  nominateAs,
  nomination,
  setValidUntil,
} from '../test-support.ts';

describeEachDialect('contacts: nominating, reading and editing points of contact', (dialect) => {
  let t: TestApp;
  let cast: DirectoryCast;
  let key: RecipientKey;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createDirectoryCast(t);
    key = await generateRecipientKey('duty@cert.example.test');
  });
  afterAll(() => t.close());

  const countEntries = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('poc_entries')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('lets an admin of a verified organization nominate a member, with a checked key, and tells the member', async () => {
    const before = Date.now();
    const response = await nominateAs(
      cast.kenya.admin,
      nomination(cast.kenya.orgId, cast.kenya.holderId, {
        languages: ['EN-gb', 'sw', 'en-GB'],
        openpgpKey: key.publicArmored,
      }),
    );
    expect(response.statusCode).toBe(201);
    const entry = response.json();
    expect(entry).toMatchObject({
      org: {
        id: cast.kenya.orgId,
        name: 'Republic of Kenya',
        kind: 'state',
        countryCode: 'KE',
        regionCode: '002',
      },
      role: 'technical',
      holder: { id: cast.kenya.holderId },
      channels: { email: 'duty@cert.example.test', hotline: '+254 700 000 000' },
      languages: ['en-GB', 'sw'],
      timeZone: 'Africa/Nairobi',
      workingHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' },
      services: ['incident_coordination', 'forensics'],
      nominatedBy: { id: cast.kenya.adminId },
      freshness: 'fresh',
      openpgp: { fingerprint: key.fingerprint, isExpired: false },
    });
    expect(entry.openpgp.armored).toContain('BEGIN PGP PUBLIC KEY BLOCK');
    const confirmedAt = Date.parse(entry.confirmedAt);
    expect(confirmedAt).toBeGreaterThanOrEqual(before);
    expect(entry.validUntil).toBe(addCalendarMonths(new Date(entry.confirmedAt), 4).toISOString());
    // The member is told in the app and by e-mail.
    const notices = await t.database.db
      .selectFrom('notifications')
      .select(['topic', 'link'])
      .where('user_id', '=', cast.kenya.holderId)
      .execute();
    expect(notices).toEqual([{ topic: 'contact.nominated', link: `/contacts/${entry.id}` }]);
    const mails = await t.database.db
      .selectFrom('outbox')
      .select('payload')
      .where('topic', '=', 'contact.nominated')
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.payload).toContain('Republic of Kenya');
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_user_id'])
      .where('subject_id', '=', entry.id)
      .execute();
    expect(audit).toEqual([{ action: 'contact.nominated', actor_user_id: cast.kenya.adminId }]);
    // The key is downloadable as a file.
    const asc = await cast.cert.member.request({ url: `/api/v1/contacts/${entry.id}/openpgp.asc` });
    expect(asc.statusCode).toBe(200);
    expect(asc.headers['content-type']).toContain('application/pgp-keys');
    expect(asc.body).toContain('BEGIN PGP PUBLIC KEY BLOCK');
  });

  it('lets the secretariat nominate, signed in with TOTP', async () => {
    const response = await nominateAs(
      cast.secretariat,
      nomination(cast.chile.orgId, cast.chile.adminId, {
        role: 'diplomatic',
        name: 'Ministry of Foreign Affairs',
        languages: ['es'],
        timeZone: 'America/Santiago',
        services: ['crisis_communication'],
      }),
    );
    expect(response.statusCode).toBe(201);
  });

  it('refuses nominations by plain members, admins of unverified or other organizations, and the anonymous', async () => {
    const before = await countEntries();
    const cases: [string, Awaited<ReturnType<typeof nominateAs>>][] = [
      ['member', await nominateAs(cast.kenya.member, nomination(cast.kenya.orgId, cast.kenya.memberId))],
      ['holder', await nominateAs(cast.kenya.holder, nomination(cast.kenya.orgId, cast.kenya.holderId))],
      [
        'unverified admin',
        await nominateAs(cast.unverified.admin, nomination(cast.unverified.orgId, cast.unverified.memberId)),
      ],
      [
        'other org admin',
        await nominateAs(cast.cert.admin, nomination(cast.kenya.orgId, cast.kenya.memberId)),
      ],
      ['outsider', await nominateAs(cast.outsider, nomination(cast.kenya.orgId, cast.kenya.memberId))],
    ];
    for (const [who, response] of cases) {
      expect([who, response.statusCode, response.json().code]).toEqual([who, 403, 'forbidden']);
    }
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      payload: nomination(cast.kenya.orgId, cast.kenya.memberId),
    });
    expect(anonymous.statusCode).toBe(401);
    expect(await countEntries()).toBe(before);
  });

  it('refuses bad input with problem details and writes nothing', async () => {
    const before = await countEntries();
    const outboxBefore = (await t.database.db.selectFrom('outbox').select('id').execute()).length;
    const attempt = (overrides: Record<string, unknown>, userId = cast.kenya.memberId) =>
      nominateAs(cast.kenya.admin, nomination(cast.kenya.orgId, userId, overrides));
    const expectations: [Record<string, unknown>, number, string, string?][] = [
      [{ languages: ['english'] }, 422, 'invalid_language_tag'],
      [{ languages: ['en_US'] }, 422, 'invalid_language_tag'],
      [{ languages: [] }, 400, 'validation_failed'],
      [{ timeZone: 'Mars/Olympus_Mons' }, 422, 'invalid_time_zone'],
      [{ openpgpKey: key.privateArmored }, 422, 'invalid_openpgp_key', 'private_key'],
      [{ openpgpKey: 'not a key at all' }, 422, 'invalid_openpgp_key', 'not_a_key'],
      [{ services: ['telepathy'] }, 400, 'validation_failed'],
      [{ role: 'military' }, 400, 'validation_failed'],
      [{ workingHours: { days: [8], start: '08:00', end: '17:00' } }, 400, 'validation_failed'],
      [{ workingHours: { days: [1], start: '25:00', end: '17:00' } }, 400, 'validation_failed'],
      [{ email: 'not-an-address' }, 400, 'validation_failed'],
      [{ surprise: true }, 400, 'validation_failed'],
    ];
    for (const [overrides, status, code, reason] of expectations) {
      const response = await attempt(overrides);
      expect([overrides, response.statusCode, response.json().code]).toEqual([overrides, status, code]);
      expect(response.headers['content-type']).toContain('application/problem+json');
      if (reason) expect(response.json().reason).toBe(reason);
    }
    const notMember = await attempt({}, cast.cert.memberId);
    expect(notMember.statusCode).toBe(422);
    expect(notMember.json().code).toBe('not_a_member');
    expect(await countEntries()).toBe(before);
    expect((await t.database.db.selectFrom('outbox').select('id').execute()).length).toBe(outboxBefore);
    expect(
      JSON.stringify(await t.database.db.selectFrom('poc_entries').select('openpgp_key').execute()),
    ).not.toContain('PRIVATE KEY');
  });

  it('replays a nomination retried with the same Idempotency-Key', async () => {
    const body = nomination(cast.cert.orgId, cast.cert.memberId, {
      role: 'policy',
      name: 'CERT-FR policy desk',
      services: ['vulnerability_coordination'],
      languages: ['fr'],
      timeZone: 'Europe/Paris',
    });
    const headers = { 'idempotency-key': 'nominate-cert-policy-1' };
    const first = await cast.cert.admin.request({
      method: 'POST',
      url: '/api/v1/contacts',
      payload: body,
      headers,
    });
    const again = await cast.cert.admin.request({
      method: 'POST',
      url: '/api/v1/contacts',
      payload: body,
      headers,
    });
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(first.json().id);
    const rows = await t.database.db
      .selectFrom('poc_entries')
      .select('id')
      .where('org_id', '=', cast.cert.orgId)
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('lets the verified community search and filter; the public and outsiders cannot list entries', async () => {
    // Entries so far: Kenya technical (en-GB, sw), Chile diplomatic (es), CERT-FR policy (fr).
    const search = async (query: string, client = cast.cert.member) => {
      const response = await client.request({ url: `/api/v1/contacts${query}` });
      expect(response.statusCode).toBe(200);
      return (response.json().items as { name: string; org: { name: string } }[])
        .map((item) => item.org.name)
        .sort();
    };
    expect(await search('')).toEqual(['CERT-FR', 'Republic of Chile', 'Republic of Kenya']);
    expect(await search('?country=KE&country=cl')).toEqual(['Republic of Chile', 'Republic of Kenya']);
    expect(await search('?region=002')).toEqual(['Republic of Kenya']);
    expect(await search('?region=419')).toEqual(['Republic of Chile']);
    expect(await search('?region=150')).toEqual(['CERT-FR']);
    expect(await search('?role=diplomatic')).toEqual(['Republic of Chile']);
    expect(await search('?role=policy&role=technical')).toEqual(['CERT-FR', 'Republic of Kenya']);
    expect(await search('?language=en')).toEqual(['Republic of Kenya']);
    expect(await search('?language=FR')).toEqual(['CERT-FR']);
    expect(await search('?language=ar')).toEqual([]);
    expect(await search('?service=forensics')).toEqual(['Republic of Kenya']);
    expect(await search('?service=crisis_communication&service=forensics')).toEqual([
      'Republic of Chile',
      'Republic of Kenya',
    ]);
    expect(await search(`?orgId=${cast.chile.orgId}`)).toEqual(['Republic of Chile']);
    expect(await search('?q=duty')).toEqual(['Republic of Kenya']);
    expect(await search('?q=chile')).toEqual(['Republic of Chile']);
    expect(await search('?q=100%25')).toEqual([]);
    expect(await search('?freshness=fresh')).toEqual(['CERT-FR', 'Republic of Chile', 'Republic of Kenya']);
    expect(await search('?freshness=stale')).toEqual([]);
    // Pages follow the cursor.
    const first = (await cast.cert.member.request({ url: '/api/v1/contacts?limit=2' })).json();
    expect(first.items).toHaveLength(2);
    const second = (
      await cast.cert.member.request({ url: `/api/v1/contacts?limit=2&cursor=${first.nextCursor}` })
    ).json();
    expect(second.items).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    // A summary carries the key's fingerprint, not the key.
    const kenya = first.items
      .concat(second.items)
      .find((item: { org: { name: string } }) => item.org.name === 'Republic of Kenya');
    expect(kenya.openpgp).toEqual({ fingerprint: key.fingerprint, expiresAt: null, isExpired: false });

    const anonymous = await t.app.inject({ url: '/api/v1/contacts' });
    expect(anonymous.statusCode).toBe(401);
    expect((await cast.outsider.request({ url: '/api/v1/contacts' })).statusCode).toBe(403);
    expect((await cast.unverified.member.request({ url: '/api/v1/contacts' })).statusCode).toBe(403);
    expect(
      (await cast.unverified.member.request({ url: `/api/v1/contacts?orgId=${cast.kenya.orgId}` }))
        .statusCode,
    ).toBe(403);
    const kenyaId = kenya.id as string;
    expect((await t.app.inject({ url: `/api/v1/contacts/${kenyaId}` })).statusCode).toBe(404);
    expect((await cast.outsider.request({ url: `/api/v1/contacts/${kenyaId}` })).statusCode).toBe(404);
    expect((await cast.outsider.request({ url: `/api/v1/contacts/${kenyaId}/openpgp.asc` })).statusCode).toBe(
      404,
    );
  });

  it('lets members of an unverified organization read their own entries, and no one else outside the secretariat', async () => {
    const made = await nominateAs(
      cast.secretariat,
      nomination(cast.unverified.orgId, cast.unverified.memberId, { name: 'Unverified duty desk' }),
    );
    expect(made.statusCode).toBe(201);
    const own = await cast.unverified.member.request({
      url: `/api/v1/contacts?orgId=${cast.unverified.orgId}`,
    });
    expect(own.statusCode).toBe(200);
    expect(own.json().items.map((item: { name: string }) => item.name)).toEqual(['Unverified duty desk']);
    expect(
      (await cast.unverified.member.request({ url: `/api/v1/contacts/${made.json().id}` })).statusCode,
    ).toBe(200);
    // The verified community does not see entries of an organization that is not verified.
    const community = await cast.cert.member.request({ url: '/api/v1/contacts?q=unverified' });
    expect(community.json().items).toEqual([]);
    expect((await cast.cert.member.request({ url: `/api/v1/contacts/${made.json().id}` })).statusCode).toBe(
      404,
    );
    const secretariat = await cast.secretariat.request({ url: '/api/v1/contacts?q=unverified' });
    expect(secretariat.json().items).toHaveLength(1);
  });

  it('re-confirms on PATCH; the holder edits channels but not the role; others are refused', async () => {
    const list = await cast.kenya.admin.request({ url: `/api/v1/contacts?orgId=${cast.kenya.orgId}` });
    const id = list.json().items[0].id as string;
    await setValidUntil(t, id, new Date(Date.now() + 5 * 86_400_000));
    await t.database.db
      .updateTable('poc_entries')
      .set({ reminder_sent_at: new Date().toISOString() })
      .where('id', '=', id)
      .execute();
    expect((await cast.kenya.admin.request({ url: `/api/v1/contacts/${id}` })).json().freshness).toBe(
      'expiring',
    );

    const byHolder = await cast.kenya.holder.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${id}`,
      payload: { hotline: '+254 711 111 111', languages: ['sw', 'en'], openpgpKey: null },
    });
    expect(byHolder.statusCode).toBe(200);
    expect(byHolder.json()).toMatchObject({
      channels: { hotline: '+254 711 111 111' },
      languages: ['sw', 'en'],
      openpgp: null,
      freshness: 'fresh',
    });
    expect(Date.parse(byHolder.json().validUntil)).toBeGreaterThan(Date.now() + 100 * 86_400_000);
    const row = await t.database.db
      .selectFrom('poc_entries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.reminder_sent_at).toBeNull();
    expect(row.openpgp_fingerprint).toBeNull();

    const holderRole = await cast.kenya.holder.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${id}`,
      payload: { role: 'diplomatic' },
    });
    expect(holderRole.statusCode).toBe(403);
    for (const client of [cast.kenya.member, cast.cert.admin, cast.unverified.admin]) {
      const response = await client.request({
        method: 'PATCH',
        url: `/api/v1/contacts/${id}`,
        payload: { hotline: 'x' },
      });
      expect(response.statusCode).toBe(client === cast.unverified.admin ? 404 : 403);
    }
    const badHolder = await cast.kenya.admin.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${id}`,
      payload: { userId: cast.cert.memberId },
    });
    expect(badHolder.json().code).toBe('not_a_member');
    const orgMove = await cast.kenya.admin.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${id}`,
      payload: { orgId: cast.chile.orgId },
    });
    expect(orgMove.statusCode).toBe(400);
    const handover = await cast.kenya.admin.request({
      method: 'PATCH',
      url: `/api/v1/contacts/${id}`,
      payload: { userId: cast.kenya.memberId, role: 'policy' },
    });
    expect(handover.json()).toMatchObject({ holder: { id: cast.kenya.memberId }, role: 'policy' });
    const told = await t.database.db
      .selectFrom('notifications')
      .select('topic')
      .where('user_id', '=', cast.kenya.memberId)
      .execute();
    expect(told.map((n) => n.topic)).toContain('contact.nominated');
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['contact.nominated', 'contact.updated', 'contact.updated']);
  });

  it('removes an entry (admins only), which then disappears from reads and searches', async () => {
    const made = (
      await nominateAs(
        cast.kenya.admin,
        nomination(cast.kenya.orgId, cast.kenya.holderId, { role: 'diplomatic', name: 'To be removed' }),
      )
    ).json();
    const byHolder = await cast.kenya.holder.request({
      method: 'DELETE',
      url: `/api/v1/contacts/${made.id}`,
    });
    expect(byHolder.statusCode).toBe(403);
    const removed = await cast.kenya.admin.request({ method: 'DELETE', url: `/api/v1/contacts/${made.id}` });
    expect(removed.statusCode).toBe(204);
    expect((await cast.kenya.admin.request({ url: `/api/v1/contacts/${made.id}` })).statusCode).toBe(404);
    const search = await cast.secretariat.request({ url: '/api/v1/contacts?q=removed' });
    expect(search.json().items).toEqual([]);
    const again = await cast.kenya.admin.request({ method: 'DELETE', url: `/api/v1/contacts/${made.id}` });
    expect(again.statusCode).toBe(404);
    const row = await t.database.db
      .selectFrom('poc_entries')
      .select('removed_at')
      .where('id', '=', made.id)
      .executeTakeFirstOrThrow();
    expect(row.removed_at).not.toBeNull();
  });
  it('hides an entry from the community once its holder leaves, and flags it for the organization', async () => {
    const leaver = await createUser(t.database.db);
    await addMember(t.database.db, cast.kenya.orgId, leaver.id);
    const made = (
      await nominateAs(
        cast.kenya.admin,
        nomination(cast.kenya.orgId, leaver.id, { role: 'policy', name: 'Desk of a leaver' }),
      )
    ).json();
    expect(made.isHolderCurrent).toBe(true);
    const seen = await cast.cert.member.request({ url: '/api/v1/contacts?q=leaver' });
    expect(seen.json().items.map((item: { id: string }) => item.id)).toEqual([made.id]);

    await t.database.db
      .deleteFrom('memberships')
      .where('org_id', '=', cast.kenya.orgId)
      .where('user_id', '=', leaver.id)
      .execute();
    const afterSearch = await cast.cert.member.request({ url: '/api/v1/contacts?q=leaver' });
    expect(afterSearch.json().items).toEqual([]);
    const afterRead = await cast.cert.member.request({ url: `/api/v1/contacts/${made.id}` });
    expect(afterRead.statusCode).toBe(404);
    const own = await cast.kenya.admin.request({ url: '/api/v1/contacts?q=leaver' });
    expect(own.json().items).toMatchObject([{ id: made.id, isHolderCurrent: false }]);
  });
});

import { createHash } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, createOrganization, createUser } from '../../../../test/factories.ts';
import {
  type CapturedMail,
  type SmtpCapture,
  startSmtpCapture,
  startWorker,
  type WorkerHarness,
  waitUntil,
} from '../../../../test/fixtures/delivery-support.ts';
import { type Client, createTestApp, signIn, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import { createPoc, readMail, tokenOf } from '../test-support.ts';

const URL = '/api/v1/communication-checks';
const ACK_URL = `${URL}/acknowledgements`;

function expectProblem(response: LightMyRequestResponse, status: number, code: string) {
  expect(response.statusCode, response.body).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.json().code).toBe(code);
}

describeEachDialect('exercises: communication checks', (dialect) => {
  let t: TestApp;
  let smtp: SmtpCapture;
  let worker: WorkerHarness;
  let secretariat: Client;
  let adminWithoutTotp: Client;
  let orgAdmin: Client;
  let member: Client;
  const orgs: Record<'kenya' | 'chile' | 'switzerland' | 'china' | 'global' | 'unverified', string> = {
    kenya: '',
    chile: '',
    switzerland: '',
    china: '',
    global: '',
    unverified: '',
  };
  // POC ids by a short name, with their e-mail addresses.
  const pocs: Record<string, { id: string; email: string }> = {};

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    t = await createTestApp(dialect);
    worker = startWorker(t.database, { SMTP_URL: smtp.url }, { pollIntervalMs: 50 });
    const db = t.database.db;
    const admin = await createUser(db, { isPlatformAdmin: true });
    secretariat = await signIn(t.app, admin.email, { withTotp: true });
    const noTotp = await createUser(db, { isPlatformAdmin: true, hasTotp: false });
    adminWithoutTotp = await signIn(t.app, noTotp.email);

    orgs.kenya = (await createOrganization(db, { name: 'KE-CIRT/CC', kind: 'cert', countryCode: 'KE' })).id;
    orgs.chile = (
      await createOrganization(db, { name: 'CSIRT de Gobierno', kind: 'cert', countryCode: 'CL' })
    ).id;
    orgs.switzerland = (
      await createOrganization(db, { name: 'NCSC Suisse', kind: 'state', countryCode: 'CH' })
    ).id;
    orgs.china = (await createOrganization(db, { name: 'CNCERT', kind: 'cert', countryCode: 'CN' })).id;
    // No country, and a name a spreadsheet would run as a formula.
    orgs.global = (
      await createOrganization(db, { name: '=1+1 Response Forum', kind: 'civil_society', countryCode: null })
    ).id;
    orgs.unverified = (
      await createOrganization(db, {
        name: 'Unverified CERT',
        countryCode: 'KE',
        verificationStatus: 'unverified',
      })
    ).id;

    const add = async (name: string, fields: Parameters<typeof createPoc>[1]) => {
      pocs[name] = await createPoc(db, { name, ...fields });
    };
    await add('keTech', { orgId: orgs.kenya, role: 'technical', languages: ['en'] });
    await add('keDip', { orgId: orgs.kenya, role: 'diplomatic', languages: ['fr-CA', 'en'] });
    await add('clTech', { orgId: orgs.chile, role: 'technical', languages: ['es-CL'] });
    await add('chPolicy', { orgId: orgs.switzerland, role: 'policy', languages: ['ru'] });
    await add('chTech', { orgId: orgs.switzerland, role: 'technical', languages: ['ar'] });
    await add('cnTech', { orgId: orgs.china, role: 'technical', languages: ['zh-Hans'] });
    await add('globalTech', { orgId: orgs.global, role: 'technical', languages: ['de', 'sw'] });
    // Never asked: a removed entry and an unverified organization's POC.
    await createPoc(db, { orgId: orgs.kenya, name: 'removed', removedAt: new Date().toISOString() });
    await createPoc(db, { orgId: orgs.unverified, name: 'unverified' });

    const orgAdminUser = await createUser(db);
    await addMember(db, orgs.kenya, orgAdminUser.id, 'org_admin');
    orgAdmin = await signIn(t.app, orgAdminUser.email);
    const memberUser = await createUser(db);
    await addMember(db, orgs.kenya, memberUser.id, 'member');
    member = await signIn(t.app, memberUser.email);
  });
  afterAll(async () => {
    await worker?.stop();
    await t?.close();
    await smtp?.close();
  });

  const ALL = ['keTech', 'keDip', 'clTech', 'chPolicy', 'chTech', 'cnTech', 'globalTech'];
  const nameOfPoc = (id: string) => Object.entries(pocs).find(([, poc]) => poc.id === id)?.[0];

  async function counts() {
    const count = async (table: 'communication_checks' | 'communication_check_targets' | 'outbox') =>
      Number(
        (
          await t.database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      checks: await count('communication_checks'),
      targets: await count('communication_check_targets'),
      outbox: await count('outbox'),
    };
  }

  /** Posts a check and waits for its mails, which are the ones arriving after those already captured. */
  async function sendCheck(payload: Record<string, unknown>, expectedMails: number) {
    const before = smtp.mails.length;
    const response = await secretariat.request({ method: 'POST', url: URL, payload });
    expect(response.statusCode, response.body).toBe(201);
    await waitUntil(() => smtp.mails.length >= before + expectedMails, `${expectedMails} mails`);
    const mails: CapturedMail[] = smtp.mails.slice(before);
    return { check: response.json(), mails: mails.map((mail) => readMail(mail.raw)) };
  }

  it('lets only a platform admin signed in with TOTP run checks and read results, and writes nothing for the others', async () => {
    const initial = await counts();
    const attempts = [
      { client: adminWithoutTotp, status: 403 },
      { client: orgAdmin, status: 403 },
      { client: member, status: 403 },
    ];
    for (const { client, status } of attempts) {
      expectProblem(await client.request({ method: 'POST', url: URL, payload: {} }), status, 'forbidden');
      expectProblem(await client.request({ url: URL }), status, 'forbidden');
      expectProblem(await client.request({ url: `${URL}/chk_none` }), status, 'forbidden');
      expectProblem(await client.request({ url: `${URL}/chk_none/results.csv` }), status, 'forbidden');
    }
    expectProblem(
      await t.app.inject({ method: 'POST', url: URL, payload: {} }),
      401,
      'authentication_required',
    );
    expectProblem(await t.app.inject({ url: URL }), 401, 'authentication_required');
    expectProblem(await t.app.inject({ url: `${URL}/chk_none` }), 401, 'authentication_required');
    expect(await counts()).toEqual(initial);

    // The grant: the same request from the secretariat.
    const list = await secretariat.request({ url: URL });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({ items: [], nextCursor: null });
    expectProblem(await secretariat.request({ url: `${URL}/chk_none` }), 404, 'not_found');
  });

  it('refuses bad input with problem details and writes nothing', async () => {
    const initial = await counts();
    const bad: Record<string, unknown>[] = [
      { respondWithinHours: 0 },
      { respondWithinHours: 721 },
      { respondWithinHours: 1.5 },
      { note: 'x'.repeat(501) },
      { note: '' },
      { surprise: true },
      { filter: { countryCodes: ['ke'] } },
      { filter: { countryCodes: [] } },
      { filter: { regionCodes: ['2'] } },
      { filter: { roles: ['boss'] } },
      { filter: { languages: ['fr-CA'] } },
      { filter: { orgIds: [''] } },
      { filter: { colour: ['red'] } },
    ];
    for (const payload of bad) {
      expectProblem(
        await secretariat.request({ method: 'POST', url: URL, payload }),
        400,
        'validation_failed',
      );
    }
    // Well formed, but nobody matches: France has no POC here, and the unverified organization's is never asked.
    for (const filter of [
      { countryCodes: ['FR'] },
      { orgIds: [orgs.unverified] },
      { regionCodes: ['009'] },
    ]) {
      expectProblem(
        await secretariat.request({ method: 'POST', url: URL, payload: { filter } }),
        422,
        'no_matching_contacts',
      );
    }
    expectProblem(
      await t.app.inject({ method: 'POST', url: ACK_URL, payload: { token: 'short' } }),
      400,
      'validation_failed',
    );
    expectProblem(
      await t.app.inject({ method: 'POST', url: ACK_URL, payload: {} }),
      400,
      'validation_failed',
    );
    expectProblem(await secretariat.request({ url: `${URL}?cursor=nonsense` }), 400, 'invalid_cursor');
    expect(await counts()).toEqual(initial);
  });

  it('mails every current POC once, in its language, with a link whose token acknowledges once', async () => {
    const note = 'Annual ping test; no action beyond the click.';
    const { check, mails } = await sendCheck({ note }, ALL.length);
    expect(check).toMatchObject({
      targetCount: 7,
      acknowledgedCount: 0,
      responseRate: 0,
      medianSecondsToAcknowledge: null,
      note,
      filter: {},
      isOpen: true,
    });
    expect(Date.parse(check.closesAt) - Date.parse(check.createdAt)).toBe(72 * 3_600_000);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(smtp.mails.length, 'no further mail').toBe(mails.length);

    const expectedSubjects: Record<string, string> = {
      keTech: 'Common Ground: communication check, please acknowledge',
      keDip: 'Common Ground: vérification des communications, merci d’accuser réception',
      clTech: 'Common Ground: prueba de comunicación, confirme la recepción',
      chPolicy: 'Common Ground: проверка связи, подтвердите получение',
      chTech: 'Common Ground: اختبار اتصال، يرجى تأكيد الاستلام',
      cnTech: 'Common Ground: 通信检查，请确认收到',
      globalTech: 'Common Ground: communication check, please acknowledge',
    };
    const recipients = mails.map((mail) => mail.to).sort();
    expect(recipients).toEqual(ALL.map((name) => pocs[name]!.email).sort());
    const tokens = new Map<string, string>();
    for (const name of ALL) {
      const mail = mails.find((m) => m.to === pocs[name]!.email)!;
      expect(mail.subject).toBe(expectedSubjects[name]);
      expect(mail.text).toContain(name);
      expect(mail.text).toContain(note);
      expect(mail.text).toMatch(/http:\/\/localhost:8080\/checks\/acknowledge#token=[A-Za-z0-9_-]{43}\n/);
      tokens.set(name, tokenOf(mail.text));
    }
    expect(new Set(tokens.values()).size).toBe(ALL.length);
    // Only hashes are stored, and the delivered message's body is gone from the outbox.
    const stored = await t.database.db
      .selectFrom('communication_check_targets')
      .select(['poc_id', 'token_hash'])
      .where('check_id', '=', check.id)
      .execute();
    for (const row of stored) {
      const token = tokens.get(nameOfPoc(row.poc_id)!)!;
      expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    }
    await waitUntil(async () => {
      const rows = await t.database.db.selectFrom('outbox').select('payload').execute();
      return rows.every((row) => !row.payload.includes(tokens.get('keTech')!));
    }, 'the outbox to forget the delivered bodies');

    // Anyone holding the link acknowledges, without signing in; the answer names that POC alone.
    const first = await t.app.inject({
      method: 'POST',
      url: ACK_URL,
      payload: { token: tokens.get('keDip') },
    });
    expect(first.statusCode, first.body).toBe(200);
    const answer = first.json();
    expect(Object.keys(answer).sort()).toEqual([
      'acknowledgedAt',
      'alreadyAcknowledged',
      'checkId',
      'orgName',
      'pocName',
    ]);
    expect(answer).toMatchObject({
      checkId: check.id,
      alreadyAcknowledged: false,
      pocName: 'keDip',
      orgName: 'KE-CIRT/CC',
    });

    const repeat = await t.app.inject({
      method: 'POST',
      url: ACK_URL,
      payload: { token: tokens.get('keDip') },
    });
    expect(repeat.statusCode).toBe(200);
    expect(repeat.json()).toEqual({ ...answer, alreadyAcknowledged: true });
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: ACK_URL,
        payload: { token: `${tokens.get('keDip')!.slice(1)}x` },
      }),
      404,
      'invalid_token',
    );

    const detail = (await secretariat.request({ url: `${URL}/${check.id}` })).json();
    expect(detail).toMatchObject({ targetCount: 7, acknowledgedCount: 1 });
    const acknowledged = detail.targets.filter(
      (target: { acknowledgedAt: string | null }) => target.acknowledgedAt,
    );
    expect(acknowledged.map((target: { pocId: string }) => target.pocId)).toEqual([pocs.keDip!.id]);
    expect(acknowledged[0].acknowledgedAt).toBe(answer.acknowledgedAt);
    expect(detail.nonResponders).toHaveLength(6);

    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'org_id'])
      .where('subject_id', '=', check.id)
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'communication_check.created', org_id: null },
      { action: 'communication_check.acknowledged', org_id: orgs.kenya },
    ]);
  });

  it('asks exactly the POCs the filter selects', async () => {
    const cases: { filter: Record<string, unknown>; expected: string[] }[] = [
      { filter: { regionCodes: ['002'] }, expected: ['keTech', 'keDip'] },
      // A sub-region and an intermediate region select too.
      { filter: { regionCodes: ['155', '005'] }, expected: ['chPolicy', 'chTech', 'clTech'] },
      { filter: { roles: ['technical'] }, expected: ['keTech', 'clTech', 'chTech', 'cnTech', 'globalTech'] },
      { filter: { languages: ['fr'] }, expected: ['keDip'] },
      { filter: { countryCodes: ['CL', 'CN'] }, expected: ['clTech', 'cnTech'] },
      { filter: { orgIds: [orgs.switzerland], roles: ['policy'] }, expected: ['chPolicy'] },
      {
        filter: { regionCodes: ['150', '142'], roles: ['technical'], languages: ['zh', 'ar'] },
        expected: ['chTech', 'cnTech'],
      },
    ];
    for (const { filter, expected } of cases) {
      const { check, mails } = await sendCheck({ filter }, expected.length);
      expect(check.filter).toEqual(filter);
      expect(check.targetCount).toBe(expected.length);
      expect(mails.map((mail) => mail.to).sort()).toEqual(expected.map((name) => pocs[name]!.email).sort());
      const detail = (await secretariat.request({ url: `${URL}/${check.id}` })).json();
      expect(detail.targets.map((target: { pocId: string }) => nameOfPoc(target.pocId)).sort()).toEqual(
        [...expected].sort(),
      );
    }
  });

  it('computes response rates and median times overall, by region and by role, and lists non-responders', async () => {
    const { check } = await sendCheck({ note: 'Stats' }, ALL.length);
    const sentAt = '2026-03-02T08:00:00.000Z';
    const answeredAfter: Record<string, number | null> = {
      keTech: 60,
      keDip: 180,
      clTech: 30,
      chPolicy: 100,
      chTech: null,
      cnTech: 600,
      globalTech: null,
    };
    for (const [name, seconds] of Object.entries(answeredAfter)) {
      await t.database.db
        .updateTable('communication_check_targets')
        .set({
          sent_at: sentAt,
          acknowledged_at:
            seconds === null ? null : new Date(Date.parse(sentAt) + seconds * 1000).toISOString(),
        })
        .where('check_id', '=', check.id)
        .where('poc_id', '=', pocs[name]!.id)
        .execute();
    }
    const response = await secretariat.request({ url: `${URL}/${check.id}` });
    expect(response.statusCode).toBe(200);
    const detail = response.json();
    expect(detail).toMatchObject({
      targetCount: 7,
      acknowledgedCount: 5,
      responseRate: 5 / 7,
      medianSecondsToAcknowledge: 100,
    });
    expect(detail.byRegion).toEqual([
      {
        regionCode: '002',
        targetCount: 2,
        acknowledgedCount: 2,
        responseRate: 1,
        medianSecondsToAcknowledge: 120,
      },
      {
        regionCode: '019',
        targetCount: 1,
        acknowledgedCount: 1,
        responseRate: 1,
        medianSecondsToAcknowledge: 30,
      },
      {
        regionCode: '142',
        targetCount: 1,
        acknowledgedCount: 1,
        responseRate: 1,
        medianSecondsToAcknowledge: 600,
      },
      {
        regionCode: '150',
        targetCount: 2,
        acknowledgedCount: 1,
        responseRate: 0.5,
        medianSecondsToAcknowledge: 100,
      },
      {
        regionCode: null,
        targetCount: 1,
        acknowledgedCount: 0,
        responseRate: 0,
        medianSecondsToAcknowledge: null,
      },
    ]);
    expect(detail.byRole).toEqual([
      {
        role: 'diplomatic',
        targetCount: 1,
        acknowledgedCount: 1,
        responseRate: 1,
        medianSecondsToAcknowledge: 180,
      },
      {
        role: 'policy',
        targetCount: 1,
        acknowledgedCount: 1,
        responseRate: 1,
        medianSecondsToAcknowledge: 100,
      },
      {
        role: 'technical',
        targetCount: 5,
        acknowledgedCount: 3,
        responseRate: 0.6,
        medianSecondsToAcknowledge: 60,
      },
    ]);
    const cnTarget = detail.targets.find((target: { pocId: string }) => target.pocId === pocs.cnTech!.id);
    expect(cnTarget).toEqual({
      pocId: pocs.cnTech!.id,
      pocName: 'cnTech',
      orgId: orgs.china,
      orgName: 'CNCERT',
      countryCode: 'CN',
      regionCode: '142',
      role: 'technical',
      sentAt,
      acknowledgedAt: '2026-03-02T08:10:00.000Z',
      secondsToAcknowledge: 600,
    });
    expect(detail.nonResponders).toEqual([
      {
        pocId: pocs.chTech!.id,
        pocName: 'chTech',
        orgId: orgs.switzerland,
        orgName: 'NCSC Suisse',
        countryCode: 'CH',
        regionCode: '150',
        role: 'technical',
        sentAt,
      },
      {
        pocId: pocs.globalTech!.id,
        pocName: 'globalTech',
        orgId: orgs.global,
        orgName: '=1+1 Response Forum',
        countryCode: null,
        regionCode: null,
        role: 'technical',
        sentAt,
      },
    ]);

    // The history shows the same summary, newest first.
    const history = (await secretariat.request({ url: URL })).json();
    expect(history.items[0]).toMatchObject({
      id: check.id,
      targetCount: 7,
      acknowledgedCount: 5,
      responseRate: 5 / 7,
      medianSecondsToAcknowledge: 100,
    });

    const csv = await secretariat.request({ url: `${URL}/${check.id}/results.csv` });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'poc_id,poc_name,org_id,org_name,country_code,region_code,role,sent_at,acknowledged_at,seconds_to_acknowledge',
    );
    expect(lines).toHaveLength(8);
    expect(lines).toContain(
      `${pocs.cnTech!.id},cnTech,${orgs.china},CNCERT,CN,142,technical,${sentAt},2026-03-02T08:10:00.000Z,600`,
    );
    // A cell that would run as a formula is defused.
    expect(lines).toContain(
      `${pocs.globalTech!.id},globalTech,${orgs.global},'=1+1 Response Forum,,,technical,${sentAt},,`,
    );
  });

  it('refuses acknowledgements once the check has closed, but still answers a POC who had acknowledged', async () => {
    const { check, mails } = await sendCheck({ filter: { orgIds: [orgs.kenya] }, respondWithinHours: 1 }, 2);
    expect(Date.parse(check.closesAt) - Date.parse(check.createdAt)).toBe(3_600_000);
    const tokenFor = (name: string) => tokenOf(mails.find((mail) => mail.to === pocs[name]!.email)!.text);
    const early = await t.app.inject({
      method: 'POST',
      url: ACK_URL,
      payload: { token: tokenFor('keTech') },
    });
    expect(early.json().alreadyAcknowledged).toBe(false);

    await t.database.db
      .updateTable('communication_checks')
      .set({ closes_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', check.id)
      .execute();
    expectProblem(
      await t.app.inject({ method: 'POST', url: ACK_URL, payload: { token: tokenFor('keDip') } }),
      410,
      'check_closed',
    );
    const late = await t.database.db
      .selectFrom('communication_check_targets')
      .select('acknowledged_at')
      .where('check_id', '=', check.id)
      .where('poc_id', '=', pocs.keDip!.id)
      .executeTakeFirstOrThrow();
    expect(late.acknowledged_at).toBeNull();
    const repeat = await t.app.inject({
      method: 'POST',
      url: ACK_URL,
      payload: { token: tokenFor('keTech') },
    });
    expect(repeat.json()).toMatchObject({
      alreadyAcknowledged: true,
      acknowledgedAt: early.json().acknowledgedAt,
    });
    expect((await secretariat.request({ url: `${URL}/${check.id}` })).json()).toMatchObject({
      isOpen: false,
      acknowledgedCount: 1,
    });
  });

  it('replays a repeated Idempotency-Key instead of pinging twice, and pages the history newest first', async () => {
    const before = await counts();
    const headers = { 'idempotency-key': 'check-2026-03-once' };
    const payload = { filter: { countryCodes: ['CL'] } };
    const first = await secretariat.request({ method: 'POST', url: URL, payload, headers });
    const second = await secretariat.request({ method: 'POST', url: URL, payload, headers });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.json().id).toBe(first.json().id);
    const after = await counts();
    expect(after.checks - before.checks).toBe(1);
    expect(after.targets - before.targets).toBe(1);
    await waitUntil(() => smtp.mails.length >= before.outbox + 1, 'the mail');

    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (
        await secretariat.request({ url: `${URL}?limit=3${cursor ? `&cursor=${cursor}` : ''}` })
      ).json() as { items: { id: string }[]; nextCursor: string | null };
      ids.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(ids).toHaveLength(after.checks);
    expect(ids[0]).toBe(first.json().id);
    expect([...ids].sort().reverse()).toEqual(ids);
  });
});

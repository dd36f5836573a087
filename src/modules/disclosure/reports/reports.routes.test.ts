import * as openpgp from 'openpgp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { generateRecipientKey, type RecipientKey } from '../../../../test/fixtures/openpgp.ts';
import { createTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import { createDisclosureCast, createProgram, type DisclosureCast, reportContent } from '../test-support.ts';

describeEachDialect('disclosure: intake, the reporter link and triage', (dialect) => {
  let t: TestApp;
  let cast: DisclosureCast;
  let key: RecipientKey;
  let programId: string;
  let address = 0;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createDisclosureCast(t);
    key = await generateRecipientKey('psirt@acme.example');
    programId = (
      await createProgram(cast.vendor.admin.client, cast.vendor.orgId, { openpgpKey: key.publicArmored })
    ).id;
  });
  afterAll(() => t.close());

  // Each anonymous submission comes from its own address unless a test says otherwise (the hourly limit).
  const submit = (payload: Record<string, unknown>, remoteAddress = `10.0.0.${++address}`) =>
    t.app.inject({ method: 'POST', url: '/api/v1/vulnerability-reports', payload, remoteAddress });
  const asReporter = (
    token: string,
    method: 'GET' | 'POST',
    url: string,
    payload?: Record<string, unknown>,
  ) => t.app.inject({ method, url, headers: { 'x-reporter-token': token }, ...(payload ? { payload } : {}) });
  const coordinator = () => cast.vendor.analyst.client;

  async function outboxTo(to: string) {
    const rows = await t.database.db
      .selectFrom('outbox')
      .select('payload')
      .where('channel', '=', 'email')
      .execute();
    return rows.map((row) => JSON.parse(row.payload)).filter((mail) => mail.to === to);
  }

  it('takes an anonymous report, answers a secret link once, and tells the program', async () => {
    const response = await submit({
      programId,
      content: reportContent(),
      credit: 'name',
      creditName: 'Ada Researcher',
      reporterEmail: 'ada@researcher.example',
      language: 'fr',
      attachments: [
        {
          fileName: 'poc.html',
          mediaType: 'text/html',
          contentBase64: Buffer.from('<script>x</script>').toString('base64'),
        },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const created = response.json();
    expect(created.id).toMatch(/^vr_/);
    expect(created.reporterToken).toMatch(new RegExp(`^${created.id}\\.[A-Za-z0-9_-]{43}$`));
    expect(created.reporterUrl).toBe(`http://localhost:8080/reports/track#token=${created.reporterToken}`);

    const row = await t.database.db
      .selectFrom('vulnerability_reports')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row.reporter_secret_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.reporterToken.split('.')[1]);

    // The program's admin is mailed the id and the event, never the content.
    const mails = await outboxTo(cast.vendor.admin.email);
    const mail = mails.find((m) => m.subject.includes(created.id));
    expect(mail.subject).toBe(`[${created.id}] New vulnerability report`);
    expect(mail.text).not.toContain('cookie');
    expect(mail.text).toContain(`/disclosure/reports/${created.id}`);

    // The reporter reads it through the link.
    const view = await asReporter(
      created.reporterToken,
      'GET',
      `/api/v1/vulnerability-reports/${created.id}`,
    );
    expect(view.statusCode, view.body).toBe(200);
    expect(view.json()).toMatchObject({
      status: 'received',
      viewerRole: 'reporter',
      triage: null,
      credit: { choice: 'name', name: 'Ada Researcher' },
      content: { title: 'Authentication bypass in the admin interface' },
    });

    // The attachment is always a download, whatever type it claims.
    const attachmentId = view.json().attachments[0].id;
    const file = await asReporter(
      created.reporterToken,
      'GET',
      `/api/v1/vulnerability-reports/${created.id}/attachments/${attachmentId}`,
    );
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/octet-stream');
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.body).toBe('<script>x</script>');
  });

  it('opens only the one report a link names, and refuses wrong links', async () => {
    const first = (await submit({ programId, content: reportContent(), credit: 'none' })).json();
    const second = (
      await submit({ programId, content: reportContent({ title: 'Second' }), credit: 'anonymous' })
    ).json();
    const crossed = await asReporter(
      first.reporterToken,
      'GET',
      `/api/v1/vulnerability-reports/${second.id}`,
    );
    expect(crossed.statusCode).toBe(404);
    const forged = `${second.id}.${first.reporterToken.split('.')[1]}`;
    expect((await asReporter(forged, 'GET', `/api/v1/vulnerability-reports/${second.id}`)).statusCode).toBe(
      401,
    );
    const malformed = await asReporter('nonsense', 'GET', `/api/v1/vulnerability-reports/${second.id}`);
    expect(malformed.statusCode).toBe(401);
    expect(malformed.json().code).toBe('invalid_reporter_token');
    // Without any credential, and as another organization: missing.
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/vulnerability-reports/${first.id}` })).statusCode,
    ).toBe(404);
    const other = await cast.other.admin.client.request({
      method: 'GET',
      url: `/api/v1/vulnerability-reports/${first.id}`,
    });
    expect(other.statusCode).toBe(404);
    const otherQueue = await cast.other.admin.client.request({
      method: 'GET',
      url: '/api/v1/vulnerability-reports',
    });
    expect(otherQueue.json().items).toEqual([]);
    // A link opens the reporter's routes only: to triage routes its holder is anonymous, and the report missing.
    const triage = await t.app.inject({
      method: 'POST',
      url: `/api/v1/vulnerability-reports/${first.id}/status`,
      headers: { 'x-reporter-token': first.reporterToken },
      payload: { status: 'acknowledged' },
    });
    expect(triage.statusCode).toBe(404);
  });

  it('lets coordinators triage with CVSS, CWE and SSVC, and tells the reporter of every step', async () => {
    const created = (
      await submit({
        programId,
        content: reportContent(),
        credit: 'none',
        reporterEmail: 'bob@researcher.example',
      })
    ).json();
    const queue = await coordinator().request({
      method: 'GET',
      url: `/api/v1/vulnerability-reports?programId=${programId}&status=received`,
    });
    expect(queue.json().items.map((item: { id: string }) => item.id)).toContain(created.id);

    const patched = await coordinator().request({
      method: 'PATCH',
      url: `/api/v1/vulnerability-reports/${created.id}`,
      payload: {
        priority: 'high',
        assigneeUserId: cast.vendor.analyst.userId,
        cvssV3Vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
        cvssV4Vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
        cweIds: ['287', 'cwe-287', 'CWE-306'],
      },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().triage).toMatchObject({
      priority: 'high',
      assigneeName: expect.any(String),
      cvssV3: { baseScore: 9.8, severity: 'CRITICAL' },
      cvssV4: { baseScore: 9.3, severity: 'CRITICAL' },
      cwes: [{ id: 'CWE-287' }, { id: 'CWE-306' }],
    });

    const bad = await coordinator().request({
      method: 'PATCH',
      url: `/api/v1/vulnerability-reports/${created.id}`,
      payload: { cvssV3Vector: 'CVSS:3.1/AV:X/AC:L' },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().code).toBe('invalid_cvss_vector');
    const wrongVersion = await coordinator().request({
      method: 'PATCH',
      url: `/api/v1/vulnerability-reports/${created.id}`,
      payload: { cvssV3Vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' },
    });
    expect(wrongVersion.statusCode).toBe(422);
    const outsider = await coordinator().request({
      method: 'PATCH',
      url: `/api/v1/vulnerability-reports/${created.id}`,
      payload: { assigneeUserId: cast.other.admin.userId },
    });
    expect(outsider.json().code).toBe('invalid_assignee');

    const table = await t.app.inject({ method: 'GET', url: '/api/v1/disclosure/ssvc/triage' });
    expect(table.statusCode).toBe(200);
    const inputs = table.json().rows.find((row: { outcome: string }) => row.outcome === 'C').inputs as Record<
      string,
      string
    >;
    const decided = await coordinator().request({
      method: 'POST',
      url: `/api/v1/vulnerability-reports/${created.id}/ssvc-decisions`,
      payload: { kind: 'triage', inputs, rationale: 'Remote, unauthenticated, many deployments.' },
    });
    expect(decided.statusCode, decided.body).toBe(201);
    const decision = decided.json().triage.decisions[0];
    expect(decision).toMatchObject({ kind: 'triage', outcome: 'C', tableKey: 'DT_COORD_TRIAGE', inputs });
    const badDecision = await coordinator().request({
      method: 'POST',
      url: `/api/v1/vulnerability-reports/${created.id}/ssvc-decisions`,
      payload: { kind: 'triage', inputs: { RP: 'maybe' }, rationale: '' },
    });
    expect(badDecision.statusCode).toBe(422);
    expect(badDecision.json().code).toBe('invalid_ssvc_input');

    const acknowledged = await coordinator().request({
      method: 'POST',
      url: `/api/v1/vulnerability-reports/${created.id}/status`,
      payload: { status: 'tracked', note: 'Thank you; we reproduced it.' },
    });
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    expect(acknowledged.json()).toMatchObject({ status: 'tracked', acknowledgedAt: expect.any(String) });

    const reporterView = (
      await asReporter(created.reporterToken, 'GET', `/api/v1/vulnerability-reports/${created.id}`)
    ).json();
    expect(reporterView.messages).toEqual([
      expect.objectContaining({
        authorRole: 'coordinator',
        authorName: null,
        body: 'Thank you; we reproduced it.',
      }),
    ]);
    expect(reporterView.triage).toBeNull();

    const reply = await asReporter(
      created.reporterToken,
      'POST',
      `/api/v1/vulnerability-reports/${created.id}/messages`,
      {
        body: 'Glad to help. A fix date?',
      },
    );
    expect(reply.statusCode, reply.body).toBe(201);

    const closing = await coordinator().request({
      method: 'POST',
      url: `/api/v1/vulnerability-reports/${created.id}/status`,
      payload: { status: 'closed' },
    });
    expect(closing.json().code).toBe('close_reason_required');
    const wrong = await coordinator().request({
      method: 'POST',
      url: `/api/v1/vulnerability-reports/${created.id}/status`,
      payload: { status: 'closed', closeReason: 'duplicate', duplicateOf: created.id },
    });
    expect(wrong.json().code).toBe('invalid_duplicate_of');
    const closed = await coordinator().request({
      method: 'POST',
      url: `/api/v1/vulnerability-reports/${created.id}/status`,
      payload: { status: 'closed', closeReason: 'resolved' },
    });
    expect(closed.json()).toMatchObject({ status: 'closed', closeReason: 'resolved' });
    const again = await coordinator().request({
      method: 'POST',
      url: `/api/v1/vulnerability-reports/${created.id}/status`,
      payload: { status: 'tracked' },
    });
    expect(again.statusCode).toBe(409);

    const mails = await outboxTo('bob@researcher.example');
    expect(mails.map((mail) => mail.subject)).toEqual([
      `[${created.id}] The status of your report changed`,
      `[${created.id}] The status of your report changed`,
    ]);
    for (const mail of mails) expect(mail.text).not.toContain(created.reporterToken.split('.')[1]);
  });

  it('stores only ciphertext for a report encrypted to the program key, and refuses anything else', async () => {
    const encrypt = async (text: string, armoredKey: string) =>
      (await openpgp.encrypt({
        message: await openpgp.createMessage({ text }),
        encryptionKeys: await openpgp.readKey({ armoredKey }),
      })) as string;
    const ciphertext = await encrypt(JSON.stringify(reportContent()), key.publicArmored);
    const response = await submit({ programId, ciphertext, credit: 'anonymous' });
    expect(response.statusCode, response.body).toBe(201);
    const row = await t.database.db
      .selectFrom('vulnerability_reports')
      .selectAll()
      .where('id', '=', response.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ is_encrypted: 1, content: null, title: null, product: null, ciphertext });

    const stranger = await generateRecipientKey('someone@else.example');
    const toStranger = await submit({
      programId,
      ciphertext: await encrypt('x', stranger.publicArmored),
      credit: 'none',
    });
    expect(toStranger.statusCode).toBe(422);
    expect(toStranger.json().code).toBe('not_encrypted_to_program');
    const literal = await submit({
      programId,
      ciphertext: await openpgp.createMessage({ text: 'clear' }).then((m) => m.armor()),
      credit: 'none',
    });
    expect(literal.json().code).toBe('not_encrypted_to_program');
    const garbage = await submit({ programId, ciphertext: 'hello', credit: 'none' });
    expect(garbage.json().code).toBe('invalid_ciphertext');
    const clearFile = await submit({
      programId,
      ciphertext,
      credit: 'none',
      attachments: [
        {
          fileName: 'poc.txt',
          mediaType: 'text/plain',
          contentBase64: Buffer.from('clear').toString('base64'),
        },
      ],
    });
    expect(clearFile.statusCode).toBe(422);
    const both = await submit({ programId, ciphertext, content: reportContent(), credit: 'none' });
    expect(both.json().code).toBe('content_or_ciphertext');
  });

  it('limits submissions per address and hour, and refuses what a program does not take', async () => {
    const from = '192.0.2.77';
    // The default allowance: 10 reports per address and hour.
    for (let i = 0; i < 10; i++) {
      expect((await submit({ programId, content: reportContent(), credit: 'none' }, from)).statusCode).toBe(
        201,
      );
    }
    const over = await submit({ programId, content: reportContent(), credit: 'none' }, from);
    expect(over.statusCode).toBe(429);
    expect(over.json().code).toBe('too_many_reports');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);

    const closedProgram = await createProgram(cast.vendor.admin.client, cast.vendor.orgId, {
      acceptsAnonymous: false,
    });
    const anonymous = await submit({ programId: closedProgram.id, content: reportContent(), credit: 'none' });
    expect(anonymous.statusCode).toBe(401);
    const signedIn = await cast.researcher.client.request({
      method: 'POST',
      url: '/api/v1/vulnerability-reports',
      payload: { programId: closedProgram.id, content: reportContent(), credit: 'none' },
    });
    expect(signedIn.statusCode, signedIn.body).toBe(201);
    await coordinator().request({
      method: 'PATCH',
      url: `/api/v1/vulnerability-reports/${signedIn.json().id}`,
      payload: { priority: 'critical', cvssV3Vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' },
    });
    const mine = await cast.researcher.client.request({
      method: 'GET',
      url: '/api/v1/vulnerability-reports?mine=true',
    });
    expect(mine.json().items.map((item: { id: string }) => item.id)).toEqual([signedIn.json().id]);
    // The coordinators' working notes stay theirs, in lists as on the report page.
    expect(mine.json().items[0]).toMatchObject({
      priority: null,
      cvssScore: null,
      assigneeName: null,
      triageOutcome: null,
    });
    const own = await cast.researcher.client.request({
      method: 'GET',
      url: `/api/v1/vulnerability-reports/${signedIn.json().id}`,
    });
    expect(own.json().viewerRole).toBe('reporter');

    const draft = await createProgram(cast.vendor.admin.client, cast.vendor.orgId, { publish: false });
    expect((await submit({ programId: draft.id, content: reportContent(), credit: 'none' })).statusCode).toBe(
      404,
    );
    const noName = await submit({ programId, content: reportContent(), credit: 'name' });
    expect(noName.json().code).toBe('credit_name_required');
  });
});

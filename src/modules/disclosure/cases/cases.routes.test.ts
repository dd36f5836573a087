import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, createOrganization, createUser } from '../../../../test/factories.ts';
import { createTestApp, signIn, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import { createDisclosureCast, createProgram, type DisclosureCast, reportContent } from '../test-support.ts';
import { expireEmbargoes } from './embargo.service.ts';
import { runCaseReminders } from './reminders.ts';

const DAY = 86_400_000;
const tokenOf = (url: string) => new URLSearchParams(new URL(url).hash.slice(1)).get('token') as string;

describeEachDialect('disclosure: cases, participants, statuses, threads and embargoes', (dialect) => {
  let t: TestApp;
  let cast: DisclosureCast;
  let report: { id: string; reporterToken: string };
  let caseId: string;
  let vendorA: { orgId: string; participantId: string; client: Awaited<ReturnType<typeof signIn>> };
  let vendorB: { participantId: string; token: string };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createDisclosureCast(t);
    const program = await createProgram(cast.vendor.admin.client, cast.vendor.orgId, {
      name: 'National CERT CVD',
    });
    report = (
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/vulnerability-reports',
        payload: {
          programId: program.id,
          content: reportContent(),
          credit: 'none',
          reporterEmail: 'r@researcher.example',
        },
        remoteAddress: '198.51.100.1',
      })
    ).json();
    const org = await createOrganization(t.database.db, { name: 'Router Maker Inc', kind: 'private_sector' });
    const user = await createUser(t.database.db);
    await addMember(t.database.db, org.id, user.id);
    vendorA = { orgId: org.id, participantId: '', client: await signIn(t.app, user.email) };
  });
  afterAll(() => t.close());

  const coordinator = () => cast.vendor.analyst.client;
  const withLink = (
    token: string,
    method: 'GET' | 'POST' | 'PUT',
    url: string,
    payload?: Record<string, unknown>,
  ) =>
    t.app.inject({ method, url, headers: { 'x-participant-token': token }, ...(payload ? { payload } : {}) });
  const mailsTo = async (to: string) =>
    (await t.database.db.selectFrom('outbox').select('payload').where('channel', '=', 'email').execute())
      .map((row) => JSON.parse(row.payload))
      .filter((mail) => mail.to === to);

  it('opens a case from a report, with a 45-day target, and only for the coordinators', async () => {
    const refused = await cast.other.admin.client.request({
      method: 'POST',
      url: `/api/v1/vulnerability-reports/${report.id}/case`,
      payload: { title: 'x', summary: '' },
    });
    expect(refused.statusCode).toBe(404);
    const before = Date.now();
    const response = await coordinator().request({
      method: 'POST',
      url: `/api/v1/vulnerability-reports/${report.id}/case`,
      payload: {
        title: 'Authentication bypass in RT-1000',
        summary: 'A crafted cookie skips the admin password check.',
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const opened = response.json();
    caseId = opened.id;
    expect(opened).toMatchObject({ status: 'open', targetDays: 45, viewer: { isCoordinator: true } });
    expect(Date.parse(opened.targetDate) - before).toBeGreaterThanOrEqual(45 * DAY - 1000);
    expect(opened.participants.map((p: { role: string }) => p.role)).toEqual(['coordinator', 'reporter']);
    const again = await coordinator().request({
      method: 'POST',
      url: `/api/v1/vulnerability-reports/${report.id}/case`,
      payload: { title: 'x', summary: '' },
    });
    expect(again.json().code).toBe('case_exists');
    const reportRow = await t.database.db
      .selectFrom('vulnerability_reports')
      .select('status')
      .where('id', '=', report.id)
      .executeTakeFirstOrThrow();
    expect(reportRow.status).toBe('coordinating');
  });

  it('invites a vendor organization and a vendor known only by address, whose link works without an account', async () => {
    const a = await coordinator().request({
      method: 'POST',
      url: `/api/v1/disclosure-cases/${caseId}/participants`,
      payload: { role: 'vendor', orgId: vendorA.orgId, products: [{ product: 'RT-1000', version: '2.4.1' }] },
    });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json().inviteUrl).toBeNull();
    vendorA.participantId = a.json().participantId;

    const b = await coordinator().request({
      method: 'POST',
      url: `/api/v1/disclosure-cases/${caseId}/participants`,
      payload: {
        role: 'vendor',
        name: 'Chipset Supplier Ltd',
        email: 'psirt@chipset.example',
        products: [
          { product: 'SoC SDK', version: '5.0' },
          { product: 'SoC SDK', version: '4.9' },
        ],
      },
    });
    expect(b.statusCode, b.body).toBe(201);
    const inviteUrl: string = b.json().inviteUrl;
    expect(inviteUrl).toMatch(new RegExp(`^http://localhost:8080/cases/join#case=${caseId}&token=cl_`));
    vendorB = { participantId: b.json().participantId, token: tokenOf(inviteUrl) };
    const invitation = (await mailsTo('psirt@chipset.example'))[0];
    expect(invitation.subject).toBe(`[${caseId}] You are invited to a coordinated disclosure case`);
    expect(invitation.text).toContain(inviteUrl);
    expect(invitation.text).not.toContain('Authentication bypass');

    const view = await withLink(vendorB.token, 'GET', `/api/v1/disclosure-cases/${caseId}`);
    expect(view.statusCode, view.body).toBe(200);
    const seen = view.json();
    expect(seen.viewer).toEqual({
      isCoordinator: false,
      participantIds: [vendorB.participantId],
      roles: ['vendor'],
    });
    const own = seen.participants.find((p: { id: string }) => p.id === vendorB.participantId);
    expect(own.products.map((p: { status: string }) => p.status)).toEqual(['no_response', 'no_response']);
    // Another vendor's statuses and the coordinators' view of it are not this vendor's business.
    const other = seen.participants.find((p: { id: string }) => p.id === vendorA.participantId);
    expect(other).toMatchObject({
      name: 'Router Maker Inc',
      products: null,
      statements: null,
      respondedAt: null,
      email: null,
    });
    expect(seen.statusTotals).toBeNull();

    const coordinatorView = (
      await coordinator().request({ method: 'GET', url: `/api/v1/disclosure-cases/${caseId}` })
    ).json();
    expect(coordinatorView.statusTotals).toEqual({ no_response: 3 });
    const joined = coordinatorView.participants.find((p: { id: string }) => p.id === vendorB.participantId);
    expect(joined.joinedAt).not.toBeNull();
    expect(joined.respondedAt).toBeNull();
  });

  it('keeps statuses, statements and private threads per vendor until publication', async () => {
    const caseView = (await withLink(vendorB.token, 'GET', `/api/v1/disclosure-cases/${caseId}`)).json();
    const [first] = caseView.participants.find(
      (p: { id: string }) => p.id === vendorB.participantId,
    ).products;
    const notAffected = await withLink(
      vendorB.token,
      'PUT',
      `/api/v1/disclosure-cases/${caseId}/products/${first.id}/status`,
      {
        status: 'not_affected',
      },
    );
    expect(notAffected.json().code).toBe('justification_required');
    const fixed = await withLink(
      vendorB.token,
      'PUT',
      `/api/v1/disclosure-cases/${caseId}/products/${first.id}/status`,
      {
        status: 'fixed',
        remediation: 'Update to SDK 5.0.1.',
      },
    );
    expect(fixed.statusCode, fixed.body).toBe(200);

    const aView = (
      await vendorA.client.request({ method: 'GET', url: `/api/v1/disclosure-cases/${caseId}` })
    ).json();
    const aProduct = aView.participants.find((p: { id: string }) => p.id === vendorA.participantId)
      .products[0];
    // Vendor B cannot touch vendor A's product: it is missing to B.
    const foreign = await withLink(
      vendorB.token,
      'PUT',
      `/api/v1/disclosure-cases/${caseId}/products/${aProduct.id}/status`,
      {
        status: 'fixed',
      },
    );
    expect(foreign.statusCode).toBe(404);
    expect(
      aView.participants.find((p: { id: string }) => p.id === vendorB.participantId).products,
    ).toBeNull();

    const privateMessage = await withLink(
      vendorB.token,
      'POST',
      `/api/v1/disclosure-cases/${caseId}/messages`,
      {
        channel: vendorB.participantId,
        body: 'Our fix ships on Monday; please keep this between us.',
      },
    );
    expect(privateMessage.statusCode, privateMessage.body).toBe(201);
    const intoOther = await withLink(vendorB.token, 'POST', `/api/v1/disclosure-cases/${caseId}/messages`, {
      channel: vendorA.participantId,
      body: 'Hello A',
    });
    expect(intoOther.statusCode).toBe(404);
    await vendorA.client.request({
      method: 'POST',
      url: `/api/v1/disclosure-cases/${caseId}/messages`,
      payload: { channel: 'all', body: 'Router Maker is investigating.' },
    });
    const statement = await withLink(vendorB.token, 'POST', `/api/v1/disclosure-cases/${caseId}/statements`, {
      body: 'Chipset Supplier has released SDK 5.0.1.',
    });
    expect(statement.statusCode, statement.body).toBe(201);

    const aAgain = (
      await vendorA.client.request({ method: 'GET', url: `/api/v1/disclosure-cases/${caseId}` })
    ).json();
    expect(aAgain.messages.map((m: { body: string }) => m.body)).toEqual(['Router Maker is investigating.']);
    const bAgain = (await withLink(vendorB.token, 'GET', `/api/v1/disclosure-cases/${caseId}`)).json();
    expect(bAgain.messages.map((m: { body: string }) => m.body)).toEqual([
      'Our fix ships on Monday; please keep this between us.',
      'Router Maker is investigating.',
    ]);
    const reporterView = await t.app.inject({
      method: 'GET',
      url: `/api/v1/disclosure-cases/${caseId}`,
      headers: { 'x-reporter-token': report.reporterToken },
    });
    expect(reporterView.statusCode, reporterView.body).toBe(200);
    expect(reporterView.json().viewer.roles).toEqual(['reporter']);
    expect(reporterView.json().messages.map((m: { body: string }) => m.body)).toEqual([
      'Router Maker is investigating.',
    ]);
    const vendorsSeenByReporter = reporterView
      .json()
      .participants.filter((p: { role: string }) => p.role === 'vendor')
      .map((p: { products: unknown }) => p.products);
    expect(vendorsSeenByReporter).toEqual([null, null]);

    const coordinatorView = (
      await coordinator().request({ method: 'GET', url: `/api/v1/disclosure-cases/${caseId}` })
    ).json();
    expect(coordinatorView.messages).toHaveLength(2);
    const submitted = coordinatorView.participants.find((p: { id: string }) => p.id === vendorB.participantId)
      .statements[0];
    expect(submitted.status).toBe('submitted');
    const approved = await coordinator().request({
      method: 'POST',
      url: `/api/v1/disclosure-cases/${caseId}/statements/${submitted.id}/review`,
      payload: { decision: 'approve' },
    });
    expect(approved.statusCode).toBe(200);
    // Still hidden from vendor A before publication; visible once the advisory is out.
    const stillHidden = (
      await vendorA.client.request({ method: 'GET', url: `/api/v1/disclosure-cases/${caseId}` })
    ).json();
    expect(
      stillHidden.participants.find((p: { id: string }) => p.id === vendorB.participantId).statements,
    ).toBeNull();
    await t.database.db
      .updateTable('disclosure_cases')
      .set({ published_at: new Date().toISOString() })
      .where('id', '=', caseId)
      .execute();
    const afterPublication = (
      await vendorA.client.request({ method: 'GET', url: `/api/v1/disclosure-cases/${caseId}` })
    ).json();
    const b = afterPublication.participants.find((p: { id: string }) => p.id === vendorB.participantId);
    expect(b.statements.map((s: { body: string }) => s.body)).toEqual([
      'Chipset Supplier has released SDK 5.0.1.',
    ]);
    expect(b.products.map((p: { status: string }) => p.status).sort()).toEqual(['fixed', 'no_response']);
    await t.database.db
      .updateTable('disclosure_cases')
      .set({ published_at: null })
      .where('id', '=', caseId)
      .execute();
  });

  it('runs an embargo through proposed, active, revise and exit on public disclosure, telling everyone', async () => {
    const endsAt = new Date(Date.now() + 30 * DAY).toISOString();
    const byVendor = await withLink(
      vendorB.token,
      'POST',
      `/api/v1/disclosure-cases/${caseId}/embargo/transitions`,
      {
        action: 'activate',
      },
    );
    expect(byVendor.statusCode).toBe(403);
    const proposed = await coordinator().request({
      method: 'POST',
      url: `/api/v1/disclosure-cases/${caseId}/embargo`,
      payload: { endsAt, reason: 'Time for vendors to ship fixes.' },
    });
    expect(proposed.statusCode, proposed.body).toBe(201);
    expect(proposed.json().embargo).toMatchObject({ state: 'proposed', endsAt });
    const second = await coordinator().request({
      method: 'POST',
      url: `/api/v1/disclosure-cases/${caseId}/embargo`,
      payload: { endsAt, reason: 'again' },
    });
    expect(second.json().code).toBe('embargo_exists');
    const transition = (payload: Record<string, unknown>) =>
      coordinator().request({
        method: 'POST',
        url: `/api/v1/disclosure-cases/${caseId}/embargo/transitions`,
        payload,
      });
    expect((await transition({ action: 'accept_revision' })).json().code).toBe('invalid_transition');
    expect((await transition({ action: 'activate' })).json().embargo.state).toBe('active');

    const later = new Date(Date.now() + 40 * DAY).toISOString();
    const revision = await withLink(
      vendorB.token,
      'POST',
      `/api/v1/disclosure-cases/${caseId}/embargo/transitions`,
      {
        action: 'propose_revision',
        endsAt: later,
        note: 'We need ten more days.',
      },
    );
    expect(revision.statusCode, revision.body).toBe(200);
    expect(revision.json().embargo).toMatchObject({ state: 'revise', proposedEndsAt: later });
    expect((await transition({ action: 'accept_revision' })).json().embargo).toMatchObject({
      state: 'active',
      endsAt: later,
    });

    const event = await coordinator().request({
      method: 'POST',
      url: `/api/v1/disclosure-cases/${caseId}/events`,
      payload: { kind: 'public', note: 'A blog post describes it.' },
    });
    expect(event.statusCode, event.body).toBe(200);
    expect(event.json().publicAt).not.toBeNull();
    expect(event.json().embargo).toMatchObject({ state: 'exited', exitReason: 'public' });
    // The history names the coordinating organization and the participant, never a person's address.
    expect(event.json().embargo.events.map((e: { actor: string }) => e.actor)).toEqual([
      'Acme Routers PSIRT',
      'Acme Routers PSIRT',
      'Chipset Supplier Ltd',
      'Acme Routers PSIRT',
      'Acme Routers PSIRT',
    ]);
    expect(event.json().embargo.events.map((e: { toState: string }) => e.toState)).toEqual([
      'proposed',
      'active',
      'revise',
      'active',
      'exited',
    ]);
    const embargoMails = (await mailsTo('psirt@chipset.example')).filter((m) =>
      m.subject.endsWith('The embargo changed'),
    );
    expect(embargoMails.length).toBeGreaterThanOrEqual(5);
    const noMore = await coordinator().request({
      method: 'POST',
      url: `/api/v1/disclosure-cases/${caseId}/embargo`,
      payload: { endsAt, reason: 'too late' },
    });
    expect(noMore.json().code).toBe('embargo_not_possible');
  });

  it('ends an active embargo at its end by itself', async () => {
    const created = await openAnotherCase();
    await coordinator().request({
      method: 'POST',
      url: `/api/v1/disclosure-cases/${created}/embargo`,
      payload: { endsAt: new Date(Date.now() + DAY).toISOString(), reason: 'short' },
    });
    await coordinator().request({
      method: 'POST',
      url: `/api/v1/disclosure-cases/${created}/embargo/transitions`,
      payload: { action: 'activate' },
    });
    await t.database.db
      .updateTable('disclosure_embargoes')
      .set({ ends_at: new Date(Date.now() - 1000).toISOString() })
      .where('case_id', '=', created)
      .execute();
    expect(await expireEmbargoes(t.app.ctx)).toBe(1);
    expect(await expireEmbargoes(t.app.ctx)).toBe(0);
    const view = (
      await coordinator().request({ method: 'GET', url: `/api/v1/disclosure-cases/${created}` })
    ).json();
    expect(view.embargo).toMatchObject({ state: 'exited', exitReason: 'expired' });
  });

  async function openAnotherCase(): Promise<string> {
    const program = await createProgram(cast.vendor.admin.client, cast.vendor.orgId);
    const sent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/vulnerability-reports',
      payload: { programId: program.id, content: reportContent(), credit: 'none' },
      remoteAddress: `198.51.100.${Math.floor(Math.random() * 200) + 2}`,
    });
    const opened = await coordinator().request({
      method: 'POST',
      url: `/api/v1/vulnerability-reports/${sent.json().id}/case`,
      payload: { title: 'Another case', summary: '' },
    });
    return opened.json().id;
  }

  it('reminds a silent vendor toward the target date and escalates at it, but not one that answered', async () => {
    const created = await openAnotherCase();
    const invite = async (email: string) =>
      (
        await coordinator().request({
          method: 'POST',
          url: `/api/v1/disclosure-cases/${created}/participants`,
          payload: { role: 'vendor', email, products: [{ product: 'Widget', version: '1' }] },
        })
      ).json();
    const silent = await invite('silent@vendor.example');
    const answering = await invite('quick@vendor.example');
    const quickToken = tokenOf(answering.inviteUrl);
    await withLink(quickToken, 'POST', `/api/v1/disclosure-cases/${created}/messages`, {
      channel: 'all',
      body: 'On it.',
    });

    const invitedAt = Date.now();
    expect(await runCaseReminders(t.app.ctx, new Date(invitedAt + 2 * DAY))).toBe(0);
    expect(await runCaseReminders(t.app.ctx, new Date(invitedAt + 8 * DAY))).toBe(1);
    expect(await runCaseReminders(t.app.ctx, new Date(invitedAt + 8 * DAY))).toBe(0);
    const reminders = (await mailsTo('silent@vendor.example')).filter((m) => m.subject.includes('Reminder'));
    expect(reminders).toHaveLength(1);
    const freshLink = /[#&]token=(cl_\S+)/.exec(reminders[0].text)?.[1] as string;
    expect((await withLink(freshLink, 'GET', `/api/v1/disclosure-cases/${created}`)).statusCode).toBe(200);
    expect(
      (await mailsTo('quick@vendor.example')).filter((m) => m.subject.includes('Reminder')),
    ).toHaveLength(0);

    // Past the target date: the last reminders are overtaken and the coordinators hear of the silence.
    expect(await runCaseReminders(t.app.ctx, new Date(invitedAt + 46 * DAY))).toBe(1);
    const escalations = (await mailsTo(cast.vendor.admin.email)).filter((m) =>
      m.subject.includes('has not answered'),
    );
    expect(escalations.length).toBe(1);
    const view = (
      await coordinator().request({ method: 'GET', url: `/api/v1/disclosure-cases/${created}` })
    ).json();
    const silentView = view.participants.find((p: { id: string }) => p.id === silent.participantId);
    expect(silentView.products[0].status).toBe('no_response');

    // A removed participant's links stop working.
    await coordinator().request({
      method: 'DELETE',
      url: `/api/v1/disclosure-cases/${created}/participants/${silent.participantId}`,
    });
    expect((await withLink(freshLink, 'GET', `/api/v1/disclosure-cases/${created}`)).statusCode).toBe(401);
  });

  it('hides a case from everyone without a place in it', async () => {
    for (const client of [cast.other.admin.client, cast.researcher.client]) {
      expect(
        (await client.request({ method: 'GET', url: `/api/v1/disclosure-cases/${caseId}` })).statusCode,
      ).toBe(404);
    }
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/v1/disclosure-cases/${caseId}` })).statusCode,
    ).toBe(404);
    const list = (
      await cast.other.admin.client.request({ method: 'GET', url: '/api/v1/disclosure-cases' })
    ).json();
    expect(list.items).toEqual([]);
    const aList = (await vendorA.client.request({ method: 'GET', url: '/api/v1/disclosure-cases' })).json();
    expect(aList.items.map((item: { id: string }) => item.id)).toEqual([caseId]);
    expect(aList.items[0]).toMatchObject({ isCoordinator: false, vendorCount: 2 });
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import { type Cast, createCast, createProcess, endObjectionPeriod } from '../test-support.ts';

describeEachDialect('participation: processes and accreditation', (dialect) => {
  let t: TestApp;
  let cast: Cast;
  let processId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createCast(t);
    processId = await createProcess(cast.secretariat);
  });
  afterAll(() => t.close());

  const applyAs = (client: Cast['secretariat'], payload: Record<string, unknown>) =>
    client.request({
      method: 'POST',
      url: `/api/v1/participation/processes/${processId}/applications`,
      payload,
    });

  it('lets only the secretariat define processes, and shows them to everyone', async () => {
    const denied = await cast.stateA.admin.request({
      method: 'POST',
      url: '/api/v1/participation/processes',
      payload: { title: 'Shadow process', modalities: 'None', objectionPeriodDays: 5 },
    });
    expect(denied.statusCode).toBe(403);
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/v1/participation/processes',
      payload: {},
    });
    expect(anonymous.statusCode).toBe(400);
    const invalid = await cast.secretariat.request({
      method: 'POST',
      url: '/api/v1/participation/processes',
      payload: { title: 'No period', modalities: 'x', objectionPeriodDays: 0 },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
    const list = await t.app.inject({ url: '/api/v1/participation/processes' });
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: processId,
        objectionPeriodDays: 10,
        status: 'active',
        accreditedCount: 0,
      }),
    ]);
  });

  it('accredits an ECOSOC-status organization when the secretariat confirms it', async () => {
    const missingNumber = await applyAs(cast.academia.admin, {
      organizationId: cast.academia.orgId,
      route: 'ecosoc',
      statement: 'A university research centre on cyber norms.',
    });
    expect(missingNumber.json().code).toBe('ecosoc_number_required');
    const applied = await applyAs(cast.academia.admin, {
      organizationId: cast.academia.orgId,
      route: 'ecosoc',
      ecosocNumber: 'D-2019-123',
      statement: 'A university research centre on cyber norms.',
    });
    expect(applied.statusCode).toBe(201);
    expect(applied.json()).toMatchObject({
      status: 'pending_confirmation',
      route: 'ecosoc',
      ecosocNumber: 'D-2019-123',
    });
    const id = applied.json().id;
    // Pending applications are not public.
    expect((await t.app.inject({ url: `/api/v1/participation/applications/${id}` })).statusCode).toBe(404);
    const byState = await cast.stateA.admin.request({
      method: 'POST',
      url: `/api/v1/participation/applications/${id}/decision`,
      payload: { decision: 'confirm' },
    });
    expect(byState.statusCode).toBe(403);
    const confirmed = await cast.secretariat.request({
      method: 'POST',
      url: `/api/v1/participation/applications/${id}/decision`,
      payload: { decision: 'confirm' },
    });
    expect(confirmed.json()).toMatchObject({ status: 'accredited' });
    expect(confirmed.json().decidedAt).toEqual(expect.any(String));
    const again = await applyAs(cast.academia.admin, {
      organizationId: cast.academia.orgId,
      route: 'non_objection',
      statement: 'Applying a second time should fail.',
    });
    expect(again.statusCode).toBe(409);
    const notices = await t.database.db
      .selectFrom('notifications')
      .select('topic')
      .where('user_id', '=', cast.academia.userId)
      .execute();
    expect(notices.map((n) => n.topic)).toContain('accreditation.decided');
  });

  it('refuses applications from States, unverified organizations and plain members', async () => {
    const state = await applyAs(cast.stateA.admin, {
      organizationId: cast.stateA.orgId,
      route: 'non_objection',
      statement: 'States do not apply.',
    });
    expect(state.json().code).toBe('states_need_no_accreditation');
    const unverified = await applyAs(cast.unverified.admin, {
      organizationId: cast.unverified.orgId,
      route: 'non_objection',
      statement: 'We are not verified yet.',
    });
    expect(unverified.statusCode).toBe(403);
    const member = await applyAs(cast.civilSociety.member, {
      organizationId: cast.civilSociety.orgId,
      route: 'non_objection',
      statement: 'Only an admin may apply for the organization.',
    });
    expect(member.statusCode).toBe(403);
    const outsider = await applyAs(cast.outsider, {
      organizationId: cast.civilSociety.orgId,
      route: 'non_objection',
      statement: 'Not my organization at all.',
    });
    expect(outsider.statusCode).toBe(403);
  });

  it('circulates a non-objection application to the States and accredits it when none objects', async () => {
    const applied = await applyAs(cast.civilSociety.admin, {
      organizationId: cast.civilSociety.orgId,
      route: 'non_objection',
      statement: 'An independent organization that helps people harmed by cyberattacks.',
    });
    expect(applied.statusCode).toBe(201);
    const application = applied.json();
    expect(application.status).toBe('circulating');
    const period = Date.parse(application.circulationEndsAt) - Date.parse(application.createdAt);
    expect(period).toBe(10 * 86_400_000);
    // Each verified State's admin is told, in the app and by e-mail.
    const notified = await t.database.db
      .selectFrom('notifications')
      .select('user_id')
      .where('topic', '=', 'accreditation.circulated')
      .execute();
    expect(new Set(notified.map((n) => n.user_id))).toEqual(
      new Set([cast.stateA.userId, cast.stateB.userId]),
    );
    const mails = await t.database.db
      .selectFrom('outbox')
      .select('topic')
      .where('topic', '=', 'accreditation.circulated')
      .execute();
    expect(mails).toHaveLength(2);
    // States and the applicant see it; the public does not.
    const byState = await cast.stateB.admin.request({
      url: `/api/v1/participation/applications/${application.id}`,
    });
    expect(byState.statusCode).toBe(200);
    const publicList = await t.app.inject({
      url: `/api/v1/participation/processes/${processId}/applications`,
    });
    expect(publicList.json().items.map((a: { id: string }) => a.id)).not.toContain(application.id);

    await endObjectionPeriod(t, application.id);
    const settled = await t.app.inject({
      url: `/api/v1/participation/processes/${processId}/applications?status=accredited`,
    });
    expect(
      settled
        .json()
        .items.map((a: { organization: { name: string } }) => a.organization.name)
        .sort(),
    ).toEqual(['Digital Peace Civil Society', 'University of Geneva']);
    const late = await cast.stateA.admin.request({
      method: 'POST',
      url: `/api/v1/participation/applications/${application.id}/objections`,
      payload: { organizationId: cast.stateA.orgId, reason: 'Too late to object.' },
    });
    expect(late.json().code).toBe('not_circulating');
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_label'])
      .where('subject_id', '=', application.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['accreditation.applied', 'accreditation.accredited']);
  });

  it('records an objection and its reason for the secretariat only, and the outcome for all', async () => {
    const secondProcess = await createProcess(cast.secretariat, 3);
    const application = (
      await cast.civilSociety.admin.request({
        method: 'POST',
        url: `/api/v1/participation/processes/${secondProcess}/applications`,
        payload: {
          organizationId: cast.civilSociety.orgId,
          route: 'non_objection',
          statement: 'An independent organization that helps people harmed by cyberattacks.',
        },
      })
    ).json();
    const objectionUrl = `/api/v1/participation/applications/${application.id}/objections`;
    const byStakeholder = await cast.academia.admin.request({
      method: 'POST',
      url: objectionUrl,
      payload: { organizationId: cast.academia.orgId, reason: 'Only States may object.' },
    });
    // A stakeholder does not even see an application in circulation.
    expect(byStakeholder.statusCode).toBe(404);
    const asStakeholderOfOwn = await cast.civilSociety.admin.request({
      method: 'POST',
      url: objectionUrl,
      payload: { organizationId: cast.civilSociety.orgId, reason: 'Objecting to ourselves.' },
    });
    expect(asStakeholderOfOwn.statusCode).toBe(403);
    const objected = await cast.stateB.admin.request({
      method: 'POST',
      url: objectionUrl,
      payload: { organizationId: cast.stateB.orgId, reason: 'Activities outside the scope of the process.' },
    });
    expect(objected.statusCode).toBe(201);
    const twice = await cast.stateB.admin.request({
      method: 'POST',
      url: objectionUrl,
      payload: { organizationId: cast.stateB.orgId, reason: 'Again.' },
    });
    expect(twice.json().code).toBe('already_objected');

    await endObjectionPeriod(t, application.id);
    const outcome = await t.app.inject({ url: `/api/v1/participation/applications/${application.id}` });
    expect(outcome.statusCode).toBe(200);
    expect(outcome.json().status).toBe('objected');
    expect(JSON.stringify(outcome.json())).not.toContain('outside the scope');
    expect(JSON.stringify(outcome.json())).not.toContain(cast.stateB.orgId);

    const asSecretariat = (await cast.secretariat.request({ url: objectionUrl })).json();
    expect(asSecretariat.items).toEqual([
      expect.objectContaining({
        state: expect.objectContaining({ id: cast.stateB.orgId, name: 'Republic of Chile' }),
        reason: 'Activities outside the scope of the process.',
      }),
    ]);
    expect((await cast.stateB.admin.request({ url: objectionUrl })).json().items).toHaveLength(1);
    expect((await cast.stateA.admin.request({ url: objectionUrl })).json().items).toEqual([]);
    expect((await cast.civilSociety.admin.request({ url: objectionUrl })).json().items).toEqual([]);
    expect((await t.app.inject({ url: objectionUrl })).json().items).toEqual([]);
  });

  it('lets the secretariat decline an ECOSOC claim with a reason, or send it to non-objection', async () => {
    const thirdProcess = await createProcess(cast.secretariat, 7);
    const apply = (route: string) =>
      cast.academia.admin.request({
        method: 'POST',
        url: `/api/v1/participation/processes/${thirdProcess}/applications`,
        payload: {
          organizationId: cast.academia.orgId,
          route,
          ecosocNumber: 'X-1',
          statement: 'Research on norms.',
        },
      });
    const first = (await apply('ecosoc')).json();
    const noNote = await cast.secretariat.request({
      method: 'POST',
      url: `/api/v1/participation/applications/${first.id}/decision`,
      payload: { decision: 'decline' },
    });
    expect(noNote.json().code).toBe('note_required');
    const circulated = await cast.secretariat.request({
      method: 'POST',
      url: `/api/v1/participation/applications/${first.id}/decision`,
      payload: { decision: 'circulate', note: 'Not found in the ECOSOC list.' },
    });
    expect(circulated.json()).toMatchObject({ status: 'circulating', route: 'non_objection' });
    const withdrawn = await cast.academia.admin.request({
      method: 'POST',
      url: `/api/v1/participation/applications/${first.id}/withdrawal`,
    });
    expect(withdrawn.json().status).toBe('withdrawn');
    const second = (await apply('ecosoc')).json();
    const declined = await cast.secretariat.request({
      method: 'POST',
      url: `/api/v1/participation/applications/${second.id}/decision`,
      payload: { decision: 'decline', note: 'Status withdrawn by ECOSOC in 2024.' },
    });
    expect(declined.json()).toMatchObject({
      status: 'declined',
      decisionNote: 'Status withdrawn by ECOSOC in 2024.',
    });
    const repeat = await cast.secretariat.request({
      method: 'POST',
      url: `/api/v1/participation/applications/${second.id}/decision`,
      payload: { decision: 'confirm' },
    });
    expect(repeat.statusCode).toBe(409);
  });
});

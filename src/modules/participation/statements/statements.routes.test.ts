import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import { type Cast, createCast, createProcess, endObjectionPeriod, makePdf } from '../test-support.ts';

describeEachDialect('participation: written contributions, search and transparency', (dialect) => {
  let t: TestApp;
  let cast: Cast;
  let processId: string;
  let pdfStatementId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createCast(t);
    processId = await createProcess(cast.secretariat);
    const application = (
      await cast.civilSociety.admin.request({
        method: 'POST',
        url: `/api/v1/participation/processes/${processId}/applications`,
        payload: {
          organizationId: cast.civilSociety.orgId,
          route: 'non_objection',
          statement: 'Helping victims of cyberattacks.',
        },
      })
    ).json();
    await endObjectionPeriod(t, application.id);
  });
  afterAll(() => t.close());

  const submit = (client: Cast['secretariat'], payload: Record<string, unknown>) =>
    client.request({
      method: 'POST',
      url: `/api/v1/participation/processes/${processId}/statements`,
      payload,
    });

  it('takes a PDF statement from an accredited stakeholder, extracts its text and keeps it private until moderated', async () => {
    const pdf = makePdf([
      'Statement on ransomware against hospitals',
      'We call for protecting healthcare infrastructure.',
    ]);
    const submitted = await submit(cast.civilSociety.member, {
      organizationId: cast.civilSociety.orgId,
      kind: 'statement',
      title: 'Statement at the third session',
      language: 'en',
      meetingLabel: 'Third substantive session',
      agendaItem: 'Existing and potential threats',
      pdf: { fileName: 'statement.pdf', contentBase64: pdf.toString('base64') },
    });
    expect(submitted.statusCode).toBe(201);
    pdfStatementId = submitted.json().id;
    expect(submitted.json()).toMatchObject({ status: 'submitted', format: 'pdf', fileSize: pdf.length });
    expect(submitted.json().text).toContain('protecting healthcare infrastructure');

    // Unpublished: the public, other organizations and search see nothing of it.
    expect(
      (await t.app.inject({ url: `/api/v1/participation/statements/${pdfStatementId}` })).statusCode,
    ).toBe(404);
    expect(
      (await cast.stateA.admin.request({ url: `/api/v1/participation/statements/${pdfStatementId}` }))
        .statusCode,
    ).toBe(404);
    expect(
      (await cast.stateA.admin.request({ url: `/api/v1/participation/statements/${pdfStatementId}/file` }))
        .statusCode,
    ).toBe(404);
    const list = await t.app.inject({ url: `/api/v1/participation/statements?processId=${processId}` });
    expect(list.json().items).toEqual([]);
    const search = await t.app.inject({ url: '/api/v1/search?q=healthcare' });
    expect(search.json().items).toEqual([]);
    // The submitting organization and the secretariat do see it.
    expect(
      (await cast.civilSociety.admin.request({ url: `/api/v1/participation/statements/${pdfStatementId}` }))
        .statusCode,
    ).toBe(200);
    const queue = await cast.secretariat.request({
      url: '/api/v1/participation/statements?status=submitted',
    });
    expect(queue.json().items.map((s: { id: string }) => s.id)).toEqual([pdfStatementId]);
  });

  it('refuses non-accredited organizations, bad files and two formats at once', async () => {
    const markdown = {
      kind: 'position_paper',
      title: 'Our position',
      language: 'en',
      markdown: '# Position\n\nText.',
    };
    expect(
      (await submit(cast.academia.admin, { ...markdown, organizationId: cast.academia.orgId })).statusCode,
    ).toBe(403);
    expect((await submit(cast.outsider, { ...markdown, organizationId: cast.stateA.orgId })).statusCode).toBe(
      403,
    );
    const notPdf = await submit(cast.stateA.admin, {
      ...markdown,
      markdown: undefined,
      organizationId: cast.stateA.orgId,
      pdf: { fileName: 'x.pdf', contentBase64: Buffer.from('hello world').toString('base64') },
    });
    expect(notPdf.json().code).toBe('not_a_pdf');
    const both = await submit(cast.stateA.admin, {
      ...markdown,
      organizationId: cast.stateA.orgId,
      pdf: { fileName: 'x.pdf', contentBase64: makePdf(['x']).toString('base64') },
    });
    expect(both.json().code).toBe('one_format');
    const badLanguage = await submit(cast.stateA.admin, {
      ...markdown,
      language: 'english!',
      organizationId: cast.stateA.orgId,
    });
    expect(badLanguage.statusCode).toBe(400);
    const count = await t.database.db
      .selectFrom('statements')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);
  });

  it('publishes after moderation, with attribution, the original file and full-text search', async () => {
    expect(
      (
        await cast.stateA.admin.request({
          method: 'POST',
          url: `/api/v1/participation/statements/${pdfStatementId}/moderation`,
          payload: { decision: 'publish' },
        })
      ).statusCode,
    ).toBe(403);
    const published = await cast.secretariat.request({
      method: 'POST',
      url: `/api/v1/participation/statements/${pdfStatementId}/moderation`,
      payload: { decision: 'publish' },
    });
    expect(published.json()).toMatchObject({
      status: 'published',
      organization: { name: 'Digital Peace Civil Society' },
    });
    const file = await t.app.inject({ url: `/api/v1/participation/statements/${pdfStatementId}/file` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const search = (await t.app.inject({ url: '/api/v1/search?q=healthcare%20infra' })).json();
    expect(search.items).toEqual([
      expect.objectContaining({
        source: 'statements',
        sourceId: pdfStatementId,
        url: `/participation/statements/${pdfStatementId}`,
      }),
    ]);
    expect(search.items[0].snippet).toContain('\u0002healthcare\u0003');
    const byContributor = await t.app.inject({
      url: `/api/v1/participation/statements?organizationId=${cast.civilSociety.orgId}`,
    });
    expect(byContributor.json().items.map((s: { id: string }) => s.id)).toEqual([pdfStatementId]);

    const rejectedDraft = (
      await submit(cast.stateA.admin, {
        organizationId: cast.stateA.orgId,
        kind: 'written_input',
        title: 'Off-topic input',
        language: 'fr',
        markdown: 'Un texte hors sujet.',
      })
    ).json();
    const noReason = await cast.secretariat.request({
      method: 'POST',
      url: `/api/v1/participation/statements/${rejectedDraft.id}/moderation`,
      payload: { decision: 'reject' },
    });
    expect(noReason.json().code).toBe('note_required');
    const rejected = await cast.secretariat.request({
      method: 'POST',
      url: `/api/v1/participation/statements/${rejectedDraft.id}/moderation`,
      payload: { decision: 'reject', note: 'Outside the agenda.' },
    });
    expect(rejected.json()).toMatchObject({ status: 'rejected', moderationNote: 'Outside the agenda.' });
    expect(
      (await t.app.inject({ url: `/api/v1/participation/statements/${rejectedDraft.id}` })).statusCode,
    ).toBe(404);
    expect((await t.app.inject({ url: '/api/v1/search?q=texte' })).json().items).toEqual([]);
  });

  it('counts contributions and participants by stakeholder kind and region, and exports them as CSV', async () => {
    const stats = (
      await t.app.inject({ url: `/api/v1/participation/statistics?processId=${processId}` })
    ).json();
    expect(stats.totals).toMatchObject({ contributions: 0, statements: 1, participants: 1 });
    expect(stats.byStakeholderKind).toEqual([
      expect.objectContaining({ key: 'civil_society', statements: 1, participants: 1 }),
    ]);
    expect(stats.byRegion).toEqual([expect.objectContaining({ key: 'none', label: 'No country' })]);
    const csv = await t.app.inject({ url: `/api/v1/participation/statistics.csv?processId=${processId}` });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[1]).toBe('total,all,All,0,1,1,0,0,');
    const contributor = (
      await t.app.inject({ url: `/api/v1/participation/contributors/${cast.civilSociety.orgId}` })
    ).json();
    expect(contributor.accreditations).toEqual([
      expect.objectContaining({ processId, route: 'non_objection' }),
    ]);
    expect(contributor.totals.statements).toBe(1);
    expect(
      (await t.app.inject({ url: `/api/v1/participation/contributors/${cast.unverified.orgId}` })).statusCode,
    ).toBe(404);
  });
});

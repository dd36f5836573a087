import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../../../test/factories.ts';
import { type Client, createTestApp, signIn, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import { type Cast, createCast, createProcess, endObjectionPeriod } from '../test-support.ts';

const DRAFT = [
  '# Introduction',
  'States recall the framework of responsible State behaviour.',
  'Stakeholders bring expertise that States value.',
  '# Norms',
  'States should protect critical infrastructure from ICT threats.',
  'States should encourage responsible reporting of ICT vulnerabilities.',
].join('\n\n');

describeEachDialect('participation: drafts, consultations and dispositions', (dialect) => {
  let t: TestApp;
  let cast: Cast;
  let chair: Client;
  let processId: string;
  let draftId: string;
  let consultationId: string;
  let paragraphs: { key: string; number: number; text: string }[];
  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createCast(t);
    processId = await createProcess(cast.secretariat);
    const group = (
      await cast.secretariat.request({
        method: 'POST',
        url: `/api/v1/participation/processes/${processId}/groups`,
        payload: { name: 'General issues', mandate: 'All issues of ICT security.' },
      })
    ).json();
    const chairUser = await createUser(t.database.db, { displayName: 'Chair Person' });
    await cast.secretariat.request({
      method: 'POST',
      url: `/api/v1/participation/groups/${group.id}/chairs`,
      payload: { email: chairUser.email },
    });
    chair = await signIn(t.app, chairUser.email);
    const draft = await chair.request({
      method: 'POST',
      url: `/api/v1/participation/processes/${processId}/drafts`,
      payload: { groupId: group.id, title: 'Draft annual progress report', markdown: DRAFT },
    });
    expect(draft.statusCode).toBe(201);
    draftId = draft.json().id;
    // The civil-society organization is accredited; academia is not.
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

  it('keeps a draft in preparation hidden until its chair publishes revision 1', async () => {
    expect((await t.app.inject({ url: `/api/v1/participation/drafts/${draftId}` })).statusCode).toBe(404);
    expect(
      (await cast.stateA.admin.request({ url: `/api/v1/participation/drafts/${draftId}/working-copy` }))
        .statusCode,
    ).toBe(404);
    const notChair = await cast.stateA.admin.request({
      method: 'POST',
      url: `/api/v1/participation/processes/${processId}/drafts`,
      payload: { title: 'A State’s own draft', markdown: 'Text.' },
    });
    expect(notChair.statusCode).toBe(403);
    const empty = await chair.request({
      method: 'PUT',
      url: `/api/v1/participation/drafts/${draftId}/working-copy`,
      payload: { markdown: '# Only a heading' },
    });
    expect(empty.json().code).toBe('no_paragraphs');
    const published = await chair.request({
      method: 'POST',
      url: `/api/v1/participation/drafts/${draftId}/revisions`,
      payload: { note: 'First draft for consultation' },
    });
    expect(published.statusCode).toBe(201);
    expect(published.json().number).toBe(1);
    paragraphs = published.json().blocks.filter((b: { kind: string }) => b.kind === 'paragraph');
    expect(paragraphs.map((p) => p.number)).toEqual([1, 2, 3, 4]);
    const again = await chair.request({
      method: 'POST',
      url: `/api/v1/participation/drafts/${draftId}/revisions`,
      payload: { note: 'Nothing new' },
    });
    expect(again.json().code).toBe('nothing_to_publish');
    const publicView = await t.app.inject({ url: `/api/v1/participation/drafts/${draftId}` });
    expect(publicView.json()).toMatchObject({ currentRevision: 1, canManage: false, hasWorkingCopy: false });
  });

  it('opens a consultation with dates, and takes contributions only from States and accredited stakeholders', async () => {
    const badDates = await chair.request({
      method: 'POST',
      url: `/api/v1/participation/drafts/${draftId}/consultations`,
      payload: { title: 'Bad', opensAt: '2026-02-01T00:00:00Z', closesAt: '2026-01-01T00:00:00Z' },
    });
    expect(badDates.json().code).toBe('closes_before_opens');
    const created = await chair.request({
      method: 'POST',
      url: `/api/v1/participation/drafts/${draftId}/consultations`,
      payload: {
        title: 'Informal consultation on the first draft',
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ status: 'open', revisionNumber: 1 });
    consultationId = created.json().id;
    const url = `/api/v1/participation/consultations/${consultationId}/contributions`;
    const p3 = paragraphs[2]!;
    const comment = { kind: 'comment', paragraphKey: p3.key, body: 'Name hospitals explicitly.' };

    expect(
      (
        await t.app.inject({
          method: 'POST',
          url,
          payload: { ...comment, organizationId: cast.stateA.orgId },
        })
      ).statusCode,
    ).toBe(401);
    const notAccredited = await cast.academia.admin.request({
      method: 'POST',
      url,
      payload: { ...comment, organizationId: cast.academia.orgId },
    });
    expect(notAccredited.statusCode).toBe(403);
    const unverified = await cast.unverified.admin.request({
      method: 'POST',
      url,
      payload: { ...comment, organizationId: cast.unverified.orgId },
    });
    expect(unverified.statusCode).toBe(403);
    const forOthers = await cast.outsider.request({
      method: 'POST',
      url,
      payload: { ...comment, organizationId: cast.stateA.orgId },
    });
    expect(forOthers.statusCode).toBe(403);

    const byState = await cast.stateA.admin.request({
      method: 'POST',
      url,
      payload: { ...comment, organizationId: cast.stateA.orgId },
    });
    expect(byState.statusCode).toBe(201);
    expect(byState.json()).toMatchObject({
      kind: 'comment',
      paragraphNumber: 3,
      revisionNumber: 1,
      organization: { name: 'Republic of Kenya' },
    });
    // Any member of an accredited organization speaks for it.
    const amendment = await cast.civilSociety.member.request({
      method: 'POST',
      url,
      payload: {
        organizationId: cast.civilSociety.orgId,
        kind: 'amendment',
        paragraphKey: p3.key,
        body: 'Health care is critical infrastructure.',
        proposedText:
          'States should protect critical infrastructure, including health-care facilities, from ICT threats.',
      },
    });
    expect(amendment.statusCode).toBe(201);
    const general = await cast.civilSociety.admin.request({
      method: 'POST',
      url,
      payload: {
        organizationId: cast.civilSociety.orgId,
        kind: 'general',
        body: 'Thank you for an open process.',
      },
    });
    expect(general.statusCode).toBe(201);
    const onHeading = await cast.stateA.admin.request({
      method: 'POST',
      url,
      payload: { ...comment, paragraphKey: 'blk_unknown', organizationId: cast.stateA.orgId },
    });
    expect(onHeading.json().code).toBe('unknown_paragraph');
    const noText = await cast.stateA.admin.request({
      method: 'POST',
      url,
      payload: { organizationId: cast.stateA.orgId, kind: 'amendment', paragraphKey: p3.key, body: '' },
    });
    expect(noText.json().code).toBe('proposed_text_required');

    const view = (await t.app.inject({ url: `/api/v1/participation/drafts/${draftId}/revisions/1` })).json();
    const counted = view.blocks.find((b: { key: string }) => b.key === p3.key);
    expect(counted).toMatchObject({ commentCount: 1, amendmentCount: 1 });
    expect(view.generalCommentCount).toBe(1);
    const onParagraph = await t.app.inject({
      url: `/api/v1/participation/drafts/${draftId}/contributions?paragraphKey=${p3.key}`,
    });
    expect(onParagraph.json().items.map((c: { kind: string }) => c.kind)).toEqual(['comment', 'amendment']);
  });

  it('keeps comments anchored across revisions and shows those on removed paragraphs', async () => {
    // Revision 2: paragraph 3 takes the amendment, paragraph 2 is removed, a paragraph is added.
    const working = (
      await chair.request({ url: `/api/v1/participation/drafts/${draftId}/working-copy` })
    ).json();
    const blocks = working.blocks
      .filter((b: { key: string }) => b.key !== paragraphs[1]!.key)
      .map((b: { key: string; kind: string; text: string }) => ({
        key: b.key,
        kind: b.kind,
        text:
          b.key === paragraphs[2]!.key
            ? 'States should protect critical infrastructure, including health-care facilities, from ICT threats.'
            : b.text,
      }));
    blocks.push({ kind: 'paragraph', text: 'States should report on their implementation every year.' });
    const saved = await chair.request({
      method: 'PUT',
      url: `/api/v1/participation/drafts/${draftId}/working-copy`,
      payload: { blocks },
    });
    expect(saved.statusCode).toBe(200);
    const forged = await chair.request({
      method: 'PUT',
      url: `/api/v1/participation/drafts/${draftId}/working-copy`,
      payload: { blocks: [{ key: 'blk_forged', kind: 'paragraph', text: 'x' }] },
    });
    expect(forged.json().code).toBe('unknown_block_key');
    const published = await chair.request({
      method: 'POST',
      url: `/api/v1/participation/drafts/${draftId}/revisions`,
      payload: { note: 'Takes in the amendment on health care' },
    });
    const revision2 = published.json();
    const moved = revision2.blocks.find((b: { key: string }) => b.key === paragraphs[2]!.key);
    expect(moved).toMatchObject({ number: 2, commentCount: 1, amendmentCount: 1 });
    expect(revision2.removedParagraphs).toEqual([]);

    const diff = (
      await t.app.inject({ url: `/api/v1/participation/drafts/${draftId}/diff?from=1&to=2` })
    ).json();
    expect(diff.summary).toEqual({ added: 1, removed: 1, changed: 1, unchanged: 4 });
    const changed = diff.entries.find((e: { change: string }) => e.change === 'changed');
    expect(
      changed.segments
        .filter((s: { type: string }) => s.type === 'added')
        .map((s: { text: string }) => s.text)
        .join(''),
    ).toContain('health-care');
  });

  it('shows a comment on a paragraph that a later revision removed', async () => {
    // A second consultation on revision 2 takes a comment on paragraph 1, which revision 3 then removes.
    const consultation = (
      await chair.request({
        method: 'POST',
        url: `/api/v1/participation/drafts/${draftId}/consultations`,
        payload: {
          title: 'Second reading',
          opensAt: new Date(Date.now() - 1000).toISOString(),
          closesAt: new Date(Date.now() + 3_600_000).toISOString(),
        },
      })
    ).json();
    const first = paragraphs[0]!;
    await cast.stateB.admin.request({
      method: 'POST',
      url: `/api/v1/participation/consultations/${consultation.id}/contributions`,
      payload: {
        organizationId: cast.stateB.orgId,
        kind: 'comment',
        paragraphKey: first.key,
        body: 'This recital is redundant.',
      },
    });
    const working = (
      await chair.request({ url: `/api/v1/participation/drafts/${draftId}/working-copy` })
    ).json();
    await chair.request({
      method: 'PUT',
      url: `/api/v1/participation/drafts/${draftId}/working-copy`,
      payload: {
        blocks: working.blocks
          .filter((b: { key: string }) => b.key !== first.key)
          .map((b: { key: string; kind: string; text: string }) => ({
            key: b.key,
            kind: b.kind,
            text: b.text,
          })),
      },
    });
    const revision3 = (
      await chair.request({
        method: 'POST',
        url: `/api/v1/participation/drafts/${draftId}/revisions`,
        payload: { note: 'Drops the recital' },
      })
    ).json();
    expect(revision3.removedParagraphs).toEqual([
      expect.objectContaining({
        key: first.key,
        lastRevision: 2,
        lastNumber: 1,
        commentCount: 1,
        text: first.text,
      }),
    ]);
  });

  it('records dispositions after closing, for the chair only, and exports the table as CSV', async () => {
    const contributions = (
      await t.app.inject({
        url: `/api/v1/participation/drafts/${draftId}/contributions?consultationId=${consultationId}`,
      })
    ).json().items;
    const amendment = contributions.find((c: { kind: string }) => c.kind === 'amendment');
    const dispose = (client: Client, id: string, payload: Record<string, unknown>) =>
      client.request({
        method: 'POST',
        url: `/api/v1/participation/contributions/${id}/disposition`,
        payload,
      });
    const early = await dispose(chair, amendment.id, {
      outcome: 'incorporated',
      reason: 'Taken in revision 2.',
    });
    expect(early.json().code).toBe('consultation_not_closed');
    const closed = await chair.request({
      method: 'PATCH',
      url: `/api/v1/participation/consultations/${consultationId}`,
      payload: { closesAt: new Date(Date.now() - 1000).toISOString() },
    });
    expect(closed.json().status).toBe('closed');
    const reopen = await chair.request({
      method: 'PATCH',
      url: `/api/v1/participation/consultations/${consultationId}`,
      payload: { closesAt: new Date(Date.now() + 86_400_000).toISOString() },
    });
    expect(reopen.json().code).toBe('consultation_closed');
    const late = await cast.stateA.admin.request({
      method: 'POST',
      url: `/api/v1/participation/consultations/${consultationId}/contributions`,
      payload: { organizationId: cast.stateA.orgId, kind: 'general', body: 'Too late.' },
    });
    expect(late.json().code).toBe('consultation_not_open');
    expect(
      (await dispose(cast.stateA.admin, amendment.id, { outcome: 'considered', reason: 'No.' })).statusCode,
    ).toBe(403);
    const marked = await dispose(chair, amendment.id, {
      outcome: 'incorporated',
      reason: 'Taken in revision 2.',
    });
    expect(marked.json().disposition).toMatchObject({
      outcome: 'incorporated',
      reason: 'Taken in revision 2.',
    });
    const general = contributions.find((c: { kind: string }) => c.kind === 'general');
    await dispose(chair, general.id, {
      outcome: 'out_of_scope',
      reason: '=HYPERLINK("x") is not a comment on the text.',
    });

    const csv = await t.app.inject({
      url: `/api/v1/participation/consultations/${consultationId}/dispositions.csv`,
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'paragraph,kind,organization,stakeholder_kind,country,submitted_at,comment,proposed_text,disposition,reason',
    );
    expect(lines[1]).toMatch(/^general,general,Digital Peace Civil Society,civil_society,/);
    expect(lines[1]).toContain(`out_of_scope,"'=HYPERLINK(""x"") is not a comment on the text."`);
    expect(lines.slice(2).map((line) => line.split(',').slice(0, 2).join(','))).toEqual([
      '3,comment',
      '3,amendment',
    ]);
    expect(csv.body).toContain('incorporated,Taken in revision 2.');
    expect(csv.body).toContain(',pending,');
  });
  it('answers "was it heard": the share of dispositioned contributions incorporated, by stakeholder kind', async () => {
    const stats = (
      await t.app.inject({ url: `/api/v1/participation/statistics?processId=${processId}` })
    ).json();
    const byKind = Object.fromEntries(stats.byStakeholderKind.map((b: { key: string }) => [b.key, b]));
    expect(byKind.civil_society).toMatchObject({
      contributions: 2,
      dispositioned: 2,
      incorporated: 1,
      incorporatedShare: 0.5,
    });
    expect(byKind.state).toMatchObject({
      contributions: 2,
      participants: 2,
      dispositioned: 0,
      incorporatedShare: null,
    });
    expect(stats.byGroup).toEqual([expect.objectContaining({ label: 'General issues', contributions: 4 })]);
    expect(stats.byRegion.map((b: { key: string }) => b.key).sort()).toEqual(['002', '019', 'none']);
    const month = new Date().toISOString().slice(0, 7);
    expect(stats.byMonth).toEqual([
      expect.objectContaining({ key: month, contributions: 4, participants: 3 }),
    ]);
    const own = (
      await t.app.inject({
        url: `/api/v1/participation/contributions?organizationId=${cast.civilSociety.orgId}`,
      })
    ).json();
    expect(own.items.map((c: { kind: string }) => c.kind)).toEqual(['amendment', 'general']);
    const search = (await t.app.inject({ url: '/api/v1/search?q=health-care&sources=contributions' })).json();
    expect(search.items).toHaveLength(1);
    const drafts = (
      await t.app.inject({ url: '/api/v1/search?q=health-care%20facilities&sources=drafts' })
    ).json();
    expect(drafts.items).toEqual([expect.objectContaining({ sourceId: draftId })]);
  });
});

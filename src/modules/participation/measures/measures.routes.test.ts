import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import { type Cast, createCast } from '../test-support.ts';
import { seedMeasures } from './measures.service.ts';

describeEachDialect('participation: the CBM repository', (dialect) => {
  let t: TestApp;
  let cast: Cast;
  let vulnerabilityMeasure: { id: string };
  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  it('is seeded with the OSCE 16, the OAS 6 and the UN-level measures, linked to the norms, once', async () => {
    expect(await seedMeasures(t.database.db, t.database.dialect)).toEqual({ added: 0 });
    const all = (await t.app.inject({ url: '/api/v1/participation/measures' })).json().items;
    expect(all.filter((m: { source: string }) => m.source === 'osce')).toHaveLength(16);
    expect(all.filter((m: { source: string }) => m.source === 'oas')).toHaveLength(6);
    expect(all.filter((m: { source: string }) => m.source === 'un').length).toBeGreaterThanOrEqual(3);
    const osce16 = all.find((m: { key: string }) => m.key === 'osce-16');
    expect(osce16.norms).toContain('13j');
    expect(osce16.citation).toContain('PC.DEC/1202');
    expect(Object.keys(osce16.title).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    const forNorm = (await t.app.inject({ url: '/api/v1/participation/measures?norm=13j' })).json().items;
    expect(forNorm.map((m: { key: string }) => m.key)).toContain('osce-16');
    expect(forNorm.every((m: { norms: string[] }) => m.norms.includes('13j'))).toBe(true);
    const norms = (await t.app.inject({ url: '/api/v1/participation/norms' })).json().items;
    expect(norms.map((n: { label: string }) => n.label)).toEqual([
      '13(a)',
      '13(b)',
      '13(c)',
      '13(d)',
      '13(e)',
      '13(f)',
      '13(g)',
      '13(h)',
      '13(i)',
      '13(j)',
      '13(k)',
    ]);
    vulnerabilityMeasure = osce16;
    const search = (await t.app.inject({ url: '/api/v1/search?q=vulnerabilities&sources=measures' })).json();
    expect(search.items.map((h: { sourceId: string }) => h.sourceId)).toContain(osce16.id);
  });

  it('takes implementation reports from States only, and shows them on the measure page', async () => {
    const url = `/api/v1/participation/measures/${vulnerabilityMeasure.id}/implementation`;
    const byStakeholder = await cast.civilSociety.admin.request({
      method: 'PUT',
      url,
      payload: { organizationId: cast.civilSociety.orgId, status: 'implemented' },
    });
    expect(byStakeholder.statusCode).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'PUT',
          url,
          payload: { organizationId: cast.stateA.orgId, status: 'planned' },
        })
      ).statusCode,
    ).toBe(401);
    await cast.stateA.admin.request({
      method: 'PUT',
      url,
      payload: { organizationId: cast.stateA.orgId, status: 'planned' },
    });
    const updated = await cast.stateA.admin.request({
      method: 'PUT',
      url,
      payload: {
        organizationId: cast.stateA.orgId,
        status: 'implemented',
        note: 'National CVD policy adopted in 2025.',
      },
    });
    expect(updated.statusCode).toBe(200);
    await cast.stateB.admin.request({
      method: 'PUT',
      url,
      payload: { organizationId: cast.stateB.orgId, status: 'in_progress' },
    });
    const page = (
      await t.app.inject({ url: `/api/v1/participation/measures/${vulnerabilityMeasure.id}` })
    ).json();
    expect(page.implementationCounts).toEqual({ planned: 0, in_progress: 1, implemented: 1 });
    expect(
      page.implementations.map((i: { state: { name: string }; status: string }) => [i.state.name, i.status]),
    ).toEqual([
      ['Republic of Chile', 'in_progress'],
      ['Republic of Kenya', 'implemented'],
    ]);
  });

  it('moderates proposals of new measures, examples and fora from verified organizations', async () => {
    const proposeAs = (client: Cast['secretariat'], payload: Record<string, unknown>) =>
      client.request({ method: 'POST', url: '/api/v1/participation/measure-proposals', payload });
    const example = {
      kind: 'example',
      measureId: vulnerabilityMeasure.id,
      title: 'A coordinated disclosure policy for civil-society tools',
      body: 'We publish a security.txt and answer researchers within five days.',
      language: 'en',
    };
    expect(
      (await proposeAs(cast.unverified.admin, { ...example, organizationId: cast.unverified.orgId }))
        .statusCode,
    ).toBe(403);
    expect(
      (await proposeAs(cast.outsider, { ...example, organizationId: cast.academia.orgId })).statusCode,
    ).toBe(403);
    expect(
      (
        await proposeAs(cast.academia.admin, {
          ...example,
          measureId: undefined,
          organizationId: cast.academia.orgId,
        })
      ).json().code,
    ).toBe('measure_required');
    const submitted = await proposeAs(cast.academia.admin, {
      ...example,
      organizationId: cast.academia.orgId,
    });
    expect(submitted.statusCode).toBe(201);
    const measure = await proposeAs(cast.civilSociety.member, {
      organizationId: cast.civilSociety.orgId,
      kind: 'measure',
      title: 'Notify people harmed by an incident',
      body: 'States tell affected people what happened and where to find help.',
      language: 'fr',
      norms: ['13e', '13g'],
    });
    expect(measure.statusCode).toBe(201);
    const forum = await proposeAs(cast.academia.admin, {
      organizationId: cast.academia.orgId,
      kind: 'forum',
      title: 'ASEAN Regional Forum',
      body: 'Its inter-sessional meetings on ICT security adopt CBMs.',
      url: 'https://aseanregionalforum.asean.org/',
      language: 'en',
    });
    expect(forum.statusCode).toBe(201);

    // Pending: visible to the proposer and the moderators, not the public.
    expect((await t.app.inject({ url: '/api/v1/participation/measure-proposals' })).json().items).toEqual([]);
    expect(
      (await cast.academia.admin.request({ url: '/api/v1/participation/measure-proposals' })).json().items,
    ).toHaveLength(2);
    const queue = (
      await cast.secretariat.request({ url: '/api/v1/participation/measure-proposals?status=submitted' })
    ).json();
    expect(queue.items).toHaveLength(3);

    const moderate = (id: string, payload: Record<string, unknown>, client = cast.secretariat) =>
      client.request({
        method: 'POST',
        url: `/api/v1/participation/measure-proposals/${id}/moderation`,
        payload,
      });
    expect((await moderate(submitted.json().id, { decision: 'accept' }, cast.stateA.admin)).statusCode).toBe(
      403,
    );
    expect((await moderate(submitted.json().id, { decision: 'accept' })).json().status).toBe('accepted');
    expect((await moderate(measure.json().id, { decision: 'accept' })).json().status).toBe('accepted');
    expect((await moderate(forum.json().id, { decision: 'reject' })).json().code).toBe('note_required');
    expect(
      (await moderate(forum.json().id, { decision: 'reject', note: 'Already listed.' })).json().status,
    ).toBe('rejected');
    expect((await moderate(forum.json().id, { decision: 'accept' })).statusCode).toBe(409);

    const page = (
      await t.app.inject({ url: `/api/v1/participation/measures/${vulnerabilityMeasure.id}` })
    ).json();
    expect(page.examples.map((e: { title: string }) => e.title)).toEqual([
      'A coordinated disclosure policy for civil-society tools',
    ]);
    const community = (await t.app.inject({ url: '/api/v1/participation/measures?source=community' })).json()
      .items;
    expect(community).toEqual([
      expect.objectContaining({
        title: { fr: 'Notify people harmed by an incident' },
        norms: ['13e', '13g'],
      }),
    ]);
    const communityPage = (
      await t.app.inject({ url: `/api/v1/participation/measures/${community[0].id}` })
    ).json();
    expect(communityPage.proposedBy).toMatchObject({ name: 'Digital Peace Civil Society' });
    const fora = (
      await t.app.inject({ url: '/api/v1/participation/measure-proposals?kind=forum&status=accepted' })
    ).json();
    expect(fora.items).toEqual([]);
  });
});

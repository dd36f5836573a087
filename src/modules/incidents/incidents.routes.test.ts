import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness/app.ts';
import { describeEachDialect } from '../../../test/harness/databases.ts';
import {
  attributionBody,
  createIncidentCast,
  type IncidentCast,
  incidentBody,
  type Member,
} from './test-support.ts';

describeEachDialect('incidents: the record, its workflow and its audience', (dialect) => {
  let t: TestApp;
  let cast: IncidentCast;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createIncidentCast(t);
  });
  afterAll(() => t.close());

  const anonymous = (url: string) => t.app.inject({ method: 'GET', url });
  const as = (
    who: Member,
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
  ) => who.client.request({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });

  async function recordAndPublish(overrides: Record<string, unknown> = {}) {
    const created = await as(
      cast.tracker.analyst,
      'POST',
      '/api/v1/incidents',
      incidentBody(cast.tracker.orgId, overrides),
    );
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(
      (await as(cast.tracker.analyst, 'POST', `/api/v1/incidents/${id}/editorial`, { action: 'submit' }))
        .statusCode,
    ).toBe(200);
    const published = await as(cast.tracker.editor, 'POST', `/api/v1/incidents/${id}/editorial`, {
      action: 'publish',
    });
    expect(published.statusCode, published.body).toBe(200);
    return published.json();
  }

  describe('recording', () => {
    it('records a draft with impacts, harm, norms and sources, and scores its intensity', async () => {
      const response = await as(
        cast.tracker.analyst,
        'POST',
        '/api/v1/incidents',
        incidentBody(cast.tracker.orgId),
      );
      expect(response.statusCode, response.body).toBe(201);
      const incident = response.json();
      expect(incident).toMatchObject({
        id: expect.stringMatching(/^inc_/),
        organization: { id: cast.tracker.orgId, name: 'Health Incident Watch' },
        editorialState: 'draft',
        version: 1,
        types: ['ransomware', 'data_theft'],
        countries: ['KE', 'UG'],
        regions: ['002'],
        sectors: [{ sector: 'health', subSector: 'hospitals' }],
        norms: [{ code: '13f', citation: 'A/70/174, para. 13(f)' }],
        tlp: 'TLP:CLEAR',
        visibility: 'public',
        permissions: { canEdit: true, canReview: false },
      });
      // 216 h → 3, 250,000 records → 2, loss ≥ USD 1M → 2, people: hospitals + essential services + 250,000 leaked → 3.
      expect(incident.intensity).toEqual({
        score: 10,
        breakdown: { availability: 3, confidentiality: 2, integrity: 0, physical: 0, economic: 2, people: 3 },
      });
      // An anonymised victim keeps no name.
      expect(incident.victims[1]).toEqual({
        name: null,
        isAnonymised: true,
        kind: 'company',
        country: 'UG',
        sector: null,
      });
      const audit = await t.database.db
        .selectFrom('audit_events')
        .select('action')
        .where('subject_id', '=', incident.id)
        .execute();
      expect(audit.map((row) => row.action)).toEqual(['incident.created']);
    });

    it('keeps a figure sent as null unknown, never zero', async () => {
      const response = await as(
        cast.tracker.analyst,
        'POST',
        '/api/v1/incidents',
        incidentBody(cast.tracker.orgId, {
          impacts: {
            availability: { affected: true, durationHours: null },
            confidentiality: { affected: true, recordsExposed: null },
            integrity: { affected: false },
            physical: { affected: false, description: null },
            economic: { affected: true, lossUsd: null },
          },
          harm: {
            hospitalServicesDisrupted: null,
            patientsRedirected: 0,
            peopleDataLeaked: null,
            essentialServicesLost: null,
            notes: null,
          },
        }),
      );
      expect(response.statusCode, response.body).toBe(201);
      const incident = response.json();
      expect(incident.impacts.availability.durationHours).toBeNull();
      expect(incident.impacts.economic.lossUsd).toBeNull();
      expect(incident.harm).toEqual({
        hospitalServicesDisrupted: null,
        patientsRedirected: 0,
        peopleDataLeaked: null,
        essentialServicesLost: null,
        notes: null,
      });
      // A number sent as text in JSON is the client's error, not something to guess at.
      const text = await as(
        cast.tracker.analyst,
        'POST',
        '/api/v1/incidents',
        incidentBody(cast.tracker.orgId, { harm: { patientsRedirected: '12' } }),
      );
      expect(text.statusCode).toBe(400);
    });

    it('refuses bad input with problem details and writes nothing', async () => {
      const before = await t.database.db
        .selectFrom('incidents')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const cases: Array<[Record<string, unknown>, number, string]> = [
        [{ types: [] }, 400, 'validation_failed'],
        [{ types: ['cyberwar'] }, 400, 'validation_failed'],
        [{ startedOn: '2026-02-30x' }, 400, 'validation_failed'],
        [{ countries: ['XX'] }, 422, 'invalid_incident'],
        [{ sectors: [{ sector: 'health', subSector: 'rail' }] }, 422, 'invalid_incident'],
        [{ startedOn: '2026-03-10', endedOn: '2026-03-01' }, 422, 'invalid_incident'],
        [
          {
            norms: [
              { code: '13f', rationale: 'a' },
              { code: '13f', rationale: 'b' },
            ],
          },
          422,
          'invalid_incident',
        ],
        [{ victims: [{ isAnonymised: false, kind: 'hospital' }] }, 422, 'invalid_incident'],
        [{ sources: [{ url: 'javascript:alert(1)', title: 'x' }] }, 400, 'validation_failed'],
        [{ participantOrgIds: ['org_nope'] }, 422, 'invalid_incident'],
      ];
      for (const [overrides, status, code] of cases) {
        const response = await as(
          cast.tracker.analyst,
          'POST',
          '/api/v1/incidents',
          incidentBody(cast.tracker.orgId, overrides),
        );
        expect(response.statusCode, JSON.stringify(overrides)).toBe(status);
        expect(response.headers['content-type']).toContain('application/problem+json');
        expect(response.json().code, JSON.stringify(overrides)).toBe(code);
      }
      const after = await t.database.db
        .selectFrom('incidents')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
    });

    it('lets only members of a verified organization record for it', async () => {
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/incidents',
            payload: incidentBody(cast.tracker.orgId),
          })
        ).statusCode,
      ).toBe(401);
      expect(
        (await as(cast.cert.analyst, 'POST', '/api/v1/incidents', incidentBody(cast.tracker.orgId)))
          .statusCode,
      ).toBe(403);
      expect(
        (await as(cast.pending.member, 'POST', '/api/v1/incidents', incidentBody(cast.pending.orgId)))
          .statusCode,
      ).toBe(403);
      expect(
        (await as(cast.loner, 'POST', '/api/v1/incidents', incidentBody(cast.tracker.orgId))).statusCode,
      ).toBe(403);
    });
  });

  describe('editorial workflow', () => {
    it('keeps drafts inside the organization and publishes only after review by another member', async () => {
      const created = (
        await as(cast.tracker.analyst, 'POST', '/api/v1/incidents', incidentBody(cast.tracker.orgId))
      ).json();
      const url = `/api/v1/incidents/${created.id}`;
      expect((await anonymous(url)).statusCode).toBe(404);
      expect((await as(cast.cert.analyst, 'GET', url)).statusCode).toBe(404);
      expect((await as(cast.tracker.editor, 'GET', url)).statusCode).toBe(200);

      // Publishing straight from a draft is not a move the workflow has.
      const early = await as(cast.tracker.editor, 'POST', `${url}/editorial`, { action: 'publish' });
      expect(early.statusCode).toBe(403);
      const submitted = await as(cast.tracker.analyst, 'POST', `${url}/editorial`, { action: 'submit' });
      expect(submitted.json()).toMatchObject({ editorialState: 'review', permissions: { canReview: false } });
      // The submitter cannot approve their own text.
      expect(
        (await as(cast.tracker.analyst, 'POST', `${url}/editorial`, { action: 'publish' })).statusCode,
      ).toBe(403);
      expect(
        (await as(cast.cert.analyst, 'POST', `${url}/editorial`, { action: 'publish' })).statusCode,
      ).toBe(404);
      const editorView = await as(cast.tracker.editor, 'GET', url);
      expect(editorView.json().permissions).toEqual({ canEdit: true, canReview: true });
      const returned = await as(cast.tracker.editor, 'POST', `${url}/editorial`, {
        action: 'return',
        note: 'Add the archive copy.',
      });
      expect(returned.json().editorialState).toBe('draft');
      await as(cast.tracker.analyst, 'POST', `${url}/editorial`, { action: 'submit' });
      const published = await as(cast.tracker.editor, 'POST', `${url}/editorial`, { action: 'publish' });
      expect(published.json()).toMatchObject({
        editorialState: 'published',
        publishedAt: expect.any(String),
      });
      const again = await as(cast.tracker.editor, 'POST', `${url}/editorial`, { action: 'publish' });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('invalid_transition');

      const publicView = await anonymous(url);
      expect(publicView.statusCode).toBe(200);
      expect(publicView.json().permissions).toEqual({ canEdit: false, canReview: false });
    });

    it('logs corrections to a published incident publicly and raises its version', async () => {
      const incident = await recordAndPublish();
      const url = `/api/v1/incidents/${incident.id}`;
      const silent = await as(cast.tracker.analyst, 'PATCH', url, { harm: { patientsRedirected: 140 } });
      expect(silent.statusCode).toBe(422);
      expect(silent.json()).toMatchObject({ code: 'correction_required', field: 'correction' });
      const corrected = await as(cast.tracker.analyst, 'PATCH', url, {
        harm: { patientsRedirected: 140 },
        correction: 'The ministry revised the number of patients redirected.',
      });
      expect(corrected.statusCode, corrected.body).toBe(200);
      const publicView = (await anonymous(url)).json();
      expect(publicView.version).toBe(2);
      expect(publicView.harm.patientsRedirected).toBe(140);
      // The figures the correction left out keep their values.
      expect(publicView.harm).toMatchObject({
        hospitalServicesDisrupted: 3,
        peopleDataLeaked: 250_000,
        essentialServicesLost: 1,
      });
      expect(publicView.corrections).toEqual([
        {
          madeAt: expect.any(String),
          kind: 'correction',
          note: 'The ministry revised the number of patients redirected.',
          fields: ['harm'],
        },
      ]);
      // Corrections name no one.
      expect(JSON.stringify(publicView.corrections)).not.toContain(cast.tracker.analyst.userId);

      expect(
        (await as(cast.cert.analyst, 'PATCH', url, { title: 'Hijacked', correction: 'x' })).statusCode,
      ).toBe(403);
      const withdrawnWithoutNote = await as(cast.tracker.editor, 'POST', `${url}/editorial`, {
        action: 'withdraw',
      });
      expect(withdrawnWithoutNote.statusCode).toBe(422);
      const withdrawn = await as(cast.tracker.editor, 'POST', `${url}/editorial`, {
        action: 'withdraw',
        note: 'Two sources turned out to describe a different hospital group.',
      });
      expect(withdrawn.json().editorialState).toBe('withdrawn');
      const afterWithdrawal = (await anonymous(url)).json();
      expect(afterWithdrawal.corrections.map((c: { kind: string }) => c.kind)).toEqual([
        'correction',
        'withdrawal',
      ]);
      const edit = await as(cast.tracker.analyst, 'PATCH', url, { title: 'x', correction: 'y' });
      expect(edit.statusCode).toBe(409);
      // A withdrawn record keeps its address but leaves the list unless asked for.
      const listed = (await anonymous('/api/v1/incidents?limit=100'))
        .json()
        .items.map((item: { id: string }) => item.id);
      expect(listed).not.toContain(incident.id);
      const withdrawnList = (await anonymous('/api/v1/incidents?editorialState=withdrawn&limit=100')).json();
      expect(withdrawnList.items.map((item: { id: string }) => item.id)).toContain(incident.id);
      expect(withdrawnList.facets.types.ransomware).toBeGreaterThanOrEqual(1);
    });
  });

  describe('attributions', () => {
    it('keeps attributions as separate records, with the actor shared across incidents', async () => {
      const first = await recordAndPublish();
      const url = `/api/v1/incidents/${first.id}`;
      const added = await as(cast.tracker.analyst, 'POST', `${url}/attributions`, attributionBody());
      expect(added.statusCode, added.body).toBe(201);
      const attribution = added.json().attributions[0];
      expect(attribution).toMatchObject({
        attributedBy: { kind: 'company', name: 'Example Threat Intel', country: null },
        basis: 'technical',
        confidence: 'medium',
        actor: {
          id: expect.stringMatching(/^act_/),
          name: 'Vice Lynx',
          kind: 'intrusion_set',
          aliases: ['VL-7'],
        },
        daysAfterStart: 19,
      });
      // A State's later political attribution names the same actor by another spelling and adds the sponsor.
      const political = await as(
        cast.tracker.analyst,
        'POST',
        `${url}/attributions`,
        attributionBody({
          attributedBy: { kind: 'state', name: 'Government of Kenya', country: 'KE' },
          attributedOn: '2026-05-01',
          basis: 'political',
          actor: { name: 'vice-lynx', sponsorCountry: 'RU' },
          confidence: 'high',
        }),
      );
      const both = political.json().attributions;
      expect(both).toHaveLength(2);
      expect(both[1].actor).toMatchObject({
        id: attribution.actor.id,
        name: 'Vice Lynx',
        sponsorCountry: 'RU',
      });
      // What one claim says of the actor stays with that claim: the first keeps no sponsor.
      expect(both[0].actor).toMatchObject({ sponsorCountry: null, aliases: ['VL-7'] });
      expect(both[1].actor.aliases).toEqual([]);
      // On a published record, additions appear in the public log.
      expect(political.json().corrections.map((c: { fields: string[] }) => c.fields)).toEqual([
        ['attributions'],
        ['attributions'],
      ]);

      const second = await recordAndPublish({ title: 'Data theft at a pharmacy chain' });
      await as(
        cast.tracker.analyst,
        'POST',
        `/api/v1/incidents/${second.id}/attributions`,
        attributionBody({ actor: { name: 'VICE LYNX' } }),
      );
      const byActor = await anonymous(`/api/v1/incidents?actor=${attribution.actor.id}`);
      expect(
        byActor
          .json()
          .items.map((item: { id: string }) => item.id)
          .sort(),
      ).toEqual([first.id, second.id].sort());

      const noNote = await as(cast.tracker.analyst, 'DELETE', `${url}/attributions/${attribution.id}`);
      expect(noNote.statusCode).toBe(422);
      const removed = await as(
        cast.tracker.analyst,
        'DELETE',
        `${url}/attributions/${attribution.id}?correction=${encodeURIComponent('Vendor retracted its report.')}`,
      );
      expect(removed.json().attributions).toHaveLength(1);
      expect((await as(cast.cert.analyst, 'POST', `${url}/attributions`, attributionBody())).statusCode).toBe(
        403,
      );
      expect(
        (
          await as(
            cast.tracker.analyst,
            'POST',
            `${url}/attributions`,
            attributionBody({ attributedOn: 'soon' }),
          )
        ).statusCode,
      ).toBe(400);
      expect(
        (await as(cast.tracker.analyst, 'DELETE', `${url}/attributions/att_missing?correction=x`)).statusCode,
      ).toBe(404);
    });
  });

  describe('audience', () => {
    it('shows TLP:AMBER records to the owner and the named organizations only, TLP:RED to named people only', async () => {
      const amber = await recordAndPublish({
        title: 'Amber intrusion at a water utility',
        tlp: 'TLP:AMBER',
        visibility: 'community',
        participantOrgIds: [cast.cert.orgId],
        sectors: [{ sector: 'drinking_water' }],
      });
      const red = await recordAndPublish({
        title: 'Red espionage case',
        tlp: 'TLP:RED',
        visibility: 'participants',
        participantUserIds: [
          cast.tracker.analyst.userId,
          cast.tracker.editor.userId,
          cast.cert.analyst.userId,
        ],
      });
      const green = await recordAndPublish({
        title: 'Green defacement wave',
        tlp: 'TLP:GREEN',
        types: ['defacement'],
      });
      const readers: Array<[string, Member | null, string[]]> = [
        ['anonymous', null, []],
        ['a user without organization', cast.loner, []],
        ['an unverified organization', cast.pending.member, []],
        ['the named CERT', cast.cert.analyst, [amber.id, red.id, green.id]],
        ['the owner', cast.tracker.analyst, [amber.id, red.id, green.id]],
      ];
      for (const [who, member, expected] of readers) {
        const seen: string[] = [];
        for (const incident of [amber, red, green]) {
          const response = member
            ? await as(member, 'GET', `/api/v1/incidents/${incident.id}`)
            : await anonymous(`/api/v1/incidents/${incident.id}`);
          if (response.statusCode === 200) seen.push(incident.id);
          else expect(response.statusCode, who).toBe(404);
        }
        expect(seen.sort(), who).toEqual([...expected].sort());
        const listed = member
          ? await as(member, 'GET', '/api/v1/incidents?limit=100')
          : await anonymous('/api/v1/incidents?limit=100');
        const listedIds = listed.json().items.map((item: { id: string }) => item.id);
        for (const incident of [amber, red, green])
          expect(listedIds.includes(incident.id), `${who} ${incident.title}`).toBe(
            expected.includes(incident.id),
          );
        const facets = listed.json().facets;
        expect(Boolean(facets.sectors.drinking_water), who).toBe(expected.includes(amber.id));
      }
    });

    it('filters, searches and pages the list, with facet counts over the whole result', async () => {
      await recordAndPublish({
        title: 'Wiper against a grid operator',
        types: ['wiper'],
        countries: ['UA'],
        sectors: [{ sector: 'energy', subSector: 'electricity' }],
        startedOn: '2025-12-23',
        endedOn: null,
      });
      const list = (await anonymous('/api/v1/incidents?type=wiper')).json();
      expect(list.items.map((i: { title: string }) => i.title)).toEqual(['Wiper against a grid operator']);
      expect(list.facets.types).toEqual({ wiper: 1 });
      expect(list.facets.countries).toEqual({ UA: 1 });
      const searched = (await anonymous('/api/v1/incidents?q=grid%20operat')).json();
      expect(searched.items.map((i: { title: string }) => i.title)).toEqual([
        'Wiper against a grid operator',
      ]);
      const health = (await anonymous('/api/v1/incidents?sector=health&limit=1')).json();
      expect(health.items).toHaveLength(1);
      expect(health.nextCursor).not.toBeNull();
      const next = (
        await anonymous(`/api/v1/incidents?sector=health&limit=1&cursor=${health.nextCursor}`)
      ).json();
      expect(next.items[0].id).not.toBe(health.items[0].id);
      expect((await anonymous('/api/v1/incidents?cursor=%%%')).statusCode).toBe(400);
      // Drafts are found by their own organization only.
      await as(
        cast.tracker.analyst,
        'POST',
        '/api/v1/incidents',
        incidentBody(cast.tracker.orgId, { title: 'Unpublished zebra draft' }),
      );
      expect((await anonymous('/api/v1/incidents?q=zebra')).json().items).toHaveLength(0);
      expect((await as(cast.tracker.editor, 'GET', '/api/v1/incidents?q=zebra')).json().items).toHaveLength(
        1,
      );
    });
  });

  describe('statistics', () => {
    it('counts only what each reader may read, and follows publication and withdrawal at once', async () => {
      const stats = async (member: Member | null, query = '') => {
        const url = `/api/v1/incidents/statistics${query}`;
        const response = member ? await as(member, 'GET', url) : await anonymous(url);
        expect(response.statusCode, response.body).toBe(200);
        return response.json();
      };
      const before = {
        anonymous: await stats(null),
        cert: await stats(cast.cert.analyst),
        owner: await stats(cast.tracker.analyst),
      };
      const amber = await recordAndPublish({
        title: 'Amber intrusion counted for the involved only',
        tlp: 'TLP:AMBER',
        participantOrgIds: [cast.cert.orgId],
        types: ['sabotage'],
        countries: ['FR'],
      });
      await as(
        cast.tracker.analyst,
        'POST',
        `/api/v1/incidents/${amber.id}/attributions`,
        attributionBody({ attributedOn: '2026-03-11' }),
      );
      expect((await stats(null)).total).toBe(before.anonymous.total);
      expect((await stats(cast.pending.member)).byType.sabotage ?? 0).toBe(0);
      const certView = await stats(cast.cert.analyst, '?type=sabotage&series=country&interval=year');
      expect(certView.total).toBe((before.cert.byType.sabotage ?? 0) + 1);
      expect(certView.byCountry).toEqual({ FR: 1 });
      expect(certView.byRegion).toEqual({ '150': 1 });
      expect(certView.series).toEqual([{ period: '2026', total: 1, values: { FR: 1 } }]);
      expect(certView.timeToAttribution).toMatchObject({ attributed: 1, medianDays: 10 });
      expect(certView.byActor).toEqual([{ id: expect.stringMatching(/^act_/), name: 'Vice Lynx', count: 1 }]);
      expect(certView.harm.patientsRedirected).toBe(120);
      expect((await stats(cast.tracker.analyst)).total).toBe(before.owner.total + 1);

      await as(cast.tracker.editor, 'POST', `/api/v1/incidents/${amber.id}/editorial`, {
        action: 'withdraw',
        note: 'Duplicate record.',
      });
      expect((await stats(cast.cert.analyst)).total).toBe(before.cert.total);
      // Bad filters are the client's error.
      const bad = await anonymous('/api/v1/incidents/statistics?series=colour');
      expect(bad.statusCode).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
    });
  });
});

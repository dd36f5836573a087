import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createUser } from '../../../../test/factories.ts';
import { createTestApp, signIn, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import { tlpDefinition } from '../../../core/access/tlp.ts';
import { validateStixObject } from '../../sharing/index.ts';
import {
  attributionBody,
  createIncidentCast,
  type IncidentCast,
  incidentBody,
  type Member,
} from '../test-support.ts';

describeEachDialect('incidents: JSON and STIX export, STIX import', (dialect) => {
  let t: TestApp;
  let cast: IncidentCast;
  let clear: { id: string };
  let amber: { id: string };
  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createIncidentCast(t);
    clear = await recordAndPublish({});
    amber = await recordAndPublish({
      title: 'Amber case shared with a CERT',
      tlp: 'TLP:AMBER',
      participantOrgIds: [cast.cert.orgId],
    });
  });
  afterAll(() => t.close());

  const anonymous = (url: string) => t.app.inject({ method: 'GET', url });
  const as = (who: Member, method: 'GET' | 'POST', url: string, payload?: unknown) =>
    who.client.request({ method, url, ...(payload === undefined ? {} : { payload: payload as object }) });

  async function recordAndPublish(overrides: Record<string, unknown>) {
    const created = await as(
      cast.tracker.analyst,
      'POST',
      '/api/v1/incidents',
      incidentBody(cast.tracker.orgId, overrides),
    );
    const id = created.json().id as string;
    await as(cast.tracker.analyst, 'POST', `/api/v1/incidents/${id}/attributions`, attributionBody());
    await as(cast.tracker.analyst, 'POST', `/api/v1/incidents/${id}/editorial`, { action: 'submit' });
    await as(cast.tracker.editor, 'POST', `/api/v1/incidents/${id}/editorial`, { action: 'publish' });
    return { id };
  }

  describe('export', () => {
    it('exports as JSON only what the reader may read', async () => {
      const publicExport = (await anonymous('/api/v1/incidents/export')).json();
      expect(publicExport.items.map((item: { id: string }) => item.id)).toEqual([clear.id]);
      expect(publicExport.items[0].attributions).toHaveLength(1);
      const certExport = (await as(cast.cert.analyst, 'GET', '/api/v1/incidents/export')).json();
      expect(certExport.items.map((item: { id: string }) => item.id).sort()).toEqual(
        [clear.id, amber.id].sort(),
      );
      const paged = await anonymous('/api/v1/incidents/export?limit=1&format=json');
      expect(paged.json().nextCursor).toBeNull();
      const certPaged = await as(cast.cert.analyst, 'GET', '/api/v1/incidents/export?limit=1');
      expect(certPaged.headers.link).toContain('rel="next"');
    });

    it('exports STIX 2.1 bundles whose every object validates and carries the TLP marking', async () => {
      const response = await as(cast.cert.analyst, 'GET', '/api/v1/incidents/export?format=stix');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/stix+json;version=2.1');
      const bundle = response.json();
      expect(bundle.type).toBe('bundle');
      for (const object of bundle.objects) {
        const result = validateStixObject(object);
        expect(result.ok, `${object.id}: ${JSON.stringify(result)}`).toBe(true);
      }
      const incidents = bundle.objects.filter((object: { type: string }) => object.type === 'incident');
      expect(incidents).toHaveLength(2);
      const markings = new Set(
        incidents.flatMap((incident: { object_marking_refs: string[] }) => incident.object_marking_refs),
      );
      expect(markings).toEqual(
        new Set([tlpDefinition('TLP:CLEAR').stixId, tlpDefinition('TLP:AMBER').stixId]),
      );
      expect(
        bundle.objects.some(
          (object: { type: string }) => object.type === 'threat-actor' || object.type === 'intrusion-set',
        ),
      ).toBe(true);
      // The norms extension's schema is served where its definition says.
      const definition = bundle.objects.find(
        (object: { type: string; name?: string; schema?: string }) =>
          object.type === 'extension-definition' && object.schema?.startsWith('http://localhost:8080/stix/'),
      );
      const schema = await anonymous(new URL(definition.schema).pathname);
      expect(schema.statusCode).toBe(200);
      expect(schema.headers['content-type']).toContain('application/schema+json');

      const single = await anonymous(`/api/v1/incidents/${clear.id}/stix`);
      expect(single.statusCode).toBe(200);
      expect((await anonymous(`/api/v1/incidents/${amber.id}/stix`)).statusCode).toBe(404);
    });
  });

  describe('import', () => {
    it('imports a bundle as drafts of the organization, keeping what it does not understand', async () => {
      const bundle = (await anonymous('/api/v1/incidents/export?format=stix')).json();
      const custom = {
        type: 'x-example-observation',
        spec_version: '2.1',
        id: 'x-example-observation--0b5a1b6c-5a2e-4f0e-9b7a-2f1c3d4e5f60',
        created: '2026-03-01T00:00:00.000Z',
        modified: '2026-03-01T00:00:00.000Z',
        colour: 'teal',
      };
      const secret = {
        ...custom,
        id: 'x-example-observation--1c6b2a7d-6b3f-4f1a-8c8b-3f2e4d5c6b7a',
        object_marking_refs: [tlpDefinition('TLP:RED').stixId],
      };
      bundle.objects.push(custom, secret, { type: 'incident', id: 'not-an-id' });
      const response = await as(cast.cert.analyst, 'POST', '/api/v1/incidents/imports/stix', {
        orgId: cast.cert.orgId,
        bundle,
      });
      expect(response.statusCode, response.body).toBe(201);
      const result = response.json();
      expect(result.incidentIds).toHaveLength(1);
      expect(result.problems.length).toBeGreaterThanOrEqual(1);
      expect(result.keptCount).toBeGreaterThanOrEqual(1);

      const draft = (await as(cast.cert.analyst, 'GET', `/api/v1/incidents/${result.incidentIds[0]}`)).json();
      expect(draft).toMatchObject({
        organization: { id: cast.cert.orgId },
        editorialState: 'draft',
        title: 'Ransomware attack on a regional hospital group',
        types: ['ransomware', 'data_theft'],
        norms: [{ code: '13f' }],
      });
      expect(draft.attributions[0].actor.name).toBe('Vice Lynx');
      const stored = (await as(cast.cert.analyst, 'GET', `/api/v1/incidents/imports/${result.id}`)).json();
      expect(stored.kept).toContainEqual(custom);
      // TLP:RED is for named people: such an object is not kept for the whole organization.
      expect(stored.kept.map((object: { id: string }) => object.id)).not.toContain(secret.id);
      expect(result.problems).toContainEqual({ ref: secret.id, message: 'Not kept: marked TLP:RED.' });
      expect(
        (await as(cast.tracker.analyst, 'GET', `/api/v1/incidents/imports/${result.id}`)).statusCode,
      ).toBe(404);
    });

    it('names the importer on a TLP:RED record, the only way anyone may read it', async () => {
      const red = await recordAndPublish({
        title: 'Red case named to the CERT analyst',
        tlp: 'TLP:RED',
        participantUserIds: [
          cast.tracker.analyst.userId,
          cast.tracker.editor.userId,
          cast.cert.analyst.userId,
        ],
      });
      const bundle = (await as(cast.cert.analyst, 'GET', `/api/v1/incidents/${red.id}/stix`)).json();
      const imported = await as(cast.cert.analyst, 'POST', '/api/v1/incidents/imports/stix', {
        orgId: cast.cert.orgId,
        bundle,
      });
      expect(imported.statusCode, imported.body).toBe(201);
      const draftId = imported.json().incidentIds[0];
      const draft = await as(cast.cert.analyst, 'GET', `/api/v1/incidents/${draftId}`);
      expect(draft.statusCode).toBe(200);
      expect(draft.json()).toMatchObject({ tlp: 'TLP:RED', participantUserIds: [cast.cert.analyst.userId] });
      // Named people only: the importer's colleagues do not read it.
      const colleague = await createUser(t.database.db);
      await addMember(t.database.db, cast.cert.orgId, colleague.id, 'member');
      const colleagueClient = await signIn(t.app, colleague.email);
      expect(
        (await colleagueClient.request({ method: 'GET', url: `/api/v1/incidents/${draftId}` })).statusCode,
      ).toBe(404);
    });

    it('refuses imports it may not make and bad bodies, and writes nothing', async () => {
      const count = async () =>
        Number(
          (
            await t.database.db
              .selectFrom('incidents')
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = await count();
      const bundle = { type: 'bundle', id: 'bundle--6f1c2b3a-0d4e-4f5a-8b6c-7d8e9f0a1b2c', objects: [] };
      expect(
        (
          await as(cast.cert.analyst, 'POST', '/api/v1/incidents/imports/stix', {
            orgId: cast.tracker.orgId,
            bundle,
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await as(cast.pending.member, 'POST', '/api/v1/incidents/imports/stix', {
            orgId: cast.pending.orgId,
            bundle,
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: '/api/v1/incidents/imports/stix',
            payload: { orgId: cast.cert.orgId, bundle },
          })
        ).statusCode,
      ).toBe(401);
      const notObject = await as(cast.cert.analyst, 'POST', '/api/v1/incidents/imports/stix', {
        orgId: cast.cert.orgId,
        bundle: 'x',
      });
      expect(notObject.statusCode).toBe(400);
      expect(notObject.headers['content-type']).toContain('application/problem+json');
      const empty = await as(cast.cert.analyst, 'POST', '/api/v1/incidents/imports/stix', {
        orgId: cast.cert.orgId,
        bundle: { type: 'report' },
      });
      expect(empty.statusCode).toBeLessThan(500);
      expect(await count()).toBe(before);
    });
  });

  describe('CSV', () => {
    const fixture = (name: string) =>
      readFileSync(new URL(`../../../../test/fixtures/incidents/${name}`, import.meta.url), 'utf8');

    it('imports EuRepoC-style and CFR-style datasets as drafts, with problems by line', async () => {
      for (const [file, layout] of [
        ['eurepoc-global.csv', 'eurepoc'],
        ['cfr-cyber-operations.csv', 'cfr'],
      ] as const) {
        const response = await as(cast.cert.analyst, 'POST', '/api/v1/incidents/imports/csv', {
          orgId: cast.cert.orgId,
          csv: fixture(file),
        });
        expect(response.statusCode, response.body).toBe(201);
        const result = response.json();
        expect(result).toMatchObject({ format: 'csv', layout });
        expect(result.incidentIds.length).toBeGreaterThan(3);
        for (const problem of result.problems) expect(problem.ref ?? '').toMatch(/^(line \d+|)/);
        const draft = (
          await as(cast.cert.analyst, 'GET', `/api/v1/incidents/${result.incidentIds[0]}`)
        ).json();
        expect(draft).toMatchObject({ editorialState: 'draft', organization: { id: cast.cert.orgId } });
        expect(draft.types.length).toBeGreaterThan(0);
      }
    });

    it('round-trips our own layout and refuses a header it does not know', async () => {
      const exported = await as(cast.cert.analyst, 'GET', '/api/v1/incidents/export?format=csv');
      expect(exported.statusCode).toBe(200);
      expect(exported.headers['content-type']).toContain('text/csv');
      const reimported = await as(cast.tracker.analyst, 'POST', '/api/v1/incidents/imports/csv', {
        orgId: cast.tracker.orgId,
        csv: exported.body,
        layout: 'commonground',
      });
      expect(reimported.statusCode, reimported.body).toBe(201);
      const ids = reimported.json().incidentIds;
      expect(ids).toHaveLength(3);
      const titles = [];
      for (const id of ids)
        titles.push((await as(cast.tracker.analyst, 'GET', `/api/v1/incidents/${id}`)).json().title);
      expect(titles.sort()).toEqual([
        'Amber case shared with a CERT',
        'Ransomware attack on a regional hospital group',
        'Red case named to the CERT analyst',
      ]);

      const unknown = await as(cast.cert.analyst, 'POST', '/api/v1/incidents/imports/csv', {
        orgId: cast.cert.orgId,
        csv: 'colour,shape\nred,round\n',
      });
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().code).toBe('unknown_csv_layout');
      expect(
        (
          await as(cast.pending.member, 'POST', '/api/v1/incidents/imports/csv', {
            orgId: cast.pending.orgId,
            csv: fixture('cfr-cyber-operations.csv'),
          })
        ).statusCode,
      ).toBe(403);
    });
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import { attributionBody, createIncidentCast, type IncidentCast, incidentBody } from '../test-support.ts';

const TAXII = 'application/taxii+json;version=2.1';

describeEachDialect('incidents: published records reach the TAXII incidents collection', (dialect) => {
  let t: TestApp;
  let cast: IncidentCast;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createIncidentCast(t);
  });
  afterAll(() => t.close());

  async function publish(overrides: Record<string, unknown>) {
    const analyst = cast.tracker.analyst.client;
    const id = (
      await analyst.request({
        method: 'POST',
        url: '/api/v1/incidents',
        payload: incidentBody(cast.tracker.orgId, overrides),
      })
    ).json().id;
    await analyst.request({
      method: 'POST',
      url: `/api/v1/incidents/${id}/editorial`,
      payload: { action: 'submit' },
    });
    await cast.tracker.editor.client.request({
      method: 'POST',
      url: `/api/v1/incidents/${id}/editorial`,
      payload: { action: 'publish' },
    });
    return id as string;
  }

  async function publicIncidentNames(): Promise<string[]> {
    const collections = await t.app.inject({
      method: 'GET',
      url: '/taxii2/api/collections/',
      headers: { accept: TAXII },
    });
    expect(collections.statusCode, collections.body).toBe(200);
    const collection = (collections.json().collections ?? []).find(
      (entry: { title: string }) => entry.title === 'Published incidents',
    );
    if (!collection) return [];
    const objects = await t.app.inject({
      method: 'GET',
      url: `/taxii2/api/collections/${collection.id}/objects/?match[type]=incident`,
      headers: { accept: TAXII },
    });
    expect(objects.statusCode, objects.body).toBe(200);
    return (objects.json().objects ?? []).map((object: { name: string }) => object.name);
  }

  it('shares publications and corrections, and takes back withdrawn and narrowed records', async () => {
    // Drafts are not shared.
    const draft = (
      await cast.tracker.analyst.client.request({
        method: 'POST',
        url: '/api/v1/incidents',
        payload: incidentBody(cast.tracker.orgId, { title: 'Draft only' }),
      })
    ).json();
    expect(await publicIncidentNames()).not.toContain(draft.title);

    const id = await publish({ title: 'Shared ransomware case' });
    await publish({ title: 'Amber case', tlp: 'TLP:AMBER', participantOrgIds: [cast.cert.orgId] });
    expect(await publicIncidentNames()).toEqual(['Shared ransomware case']);

    await cast.tracker.analyst.client.request({
      method: 'POST',
      url: `/api/v1/incidents/${id}/attributions`,
      payload: attributionBody(),
    });
    const corrected = await cast.tracker.analyst.client.request({
      method: 'PATCH',
      url: `/api/v1/incidents/${id}`,
      payload: { title: 'Shared ransomware case (revised)', correction: 'Title made precise.' },
    });
    expect(corrected.statusCode).toBe(200);
    // One version of the record, the current one.
    expect(await publicIncidentNames()).toEqual(['Shared ransomware case (revised)']);

    await cast.tracker.analyst.client.request({
      method: 'PATCH',
      url: `/api/v1/incidents/${id}`,
      payload: {
        tlp: 'TLP:RED',
        participantUserIds: [cast.tracker.analyst.userId],
        correction: "Restricted at the victim's request.",
      },
    });
    expect(await publicIncidentNames()).toEqual([]);
    await cast.tracker.analyst.client.request({
      method: 'PATCH',
      url: `/api/v1/incidents/${id}`,
      payload: { tlp: 'TLP:CLEAR', correction: 'Released again.' },
    });
    expect(await publicIncidentNames()).toEqual(['Shared ransomware case (revised)']);
    await cast.tracker.editor.client.request({
      method: 'POST',
      url: `/api/v1/incidents/${id}/editorial`,
      payload: { action: 'withdraw', note: 'Duplicate.' },
    });
    expect(await publicIncidentNames()).toEqual([]);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../../../test/factories.ts';
import { createTestApp, signIn, type TestApp } from '../../../../test/harness/app.ts';
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

  async function publicObjects(): Promise<Array<{ id: string; type: string; created_by_ref?: string }>> {
    const collections = await t.app.inject({
      method: 'GET',
      url: '/taxii2/api/collections/',
      headers: { accept: TAXII },
    });
    const collection = (collections.json().collections ?? []).find(
      (entry: { title: string }) => entry.title === 'Published incidents',
    );
    if (!collection) return [];
    const objects = await t.app.inject({
      method: 'GET',
      url: `/taxii2/api/collections/${collection.id}/objects/?limit=5000`,
      headers: { accept: TAXII },
    });
    return objects.json().objects ?? [];
  }

  it('takes back every object the record shared, including those a correction removed', async () => {
    const id = await publish({
      title: 'Named victim case',
      victims: [
        { name: 'Riverside Clinic', isAnonymised: false, kind: 'hospital', country: 'KE', sector: 'health' },
      ],
    });
    const before = await publicObjects();
    const incident = before.find(
      (object) => object.type === 'incident' && (object as { name?: string }).name === 'Named victim case',
    );
    expect(incident).toBeDefined();
    const owned = before
      .filter((object) => object.created_by_ref === incident!.created_by_ref)
      .map((object) => object.id);
    expect(before.some((object) => (object as { name?: string }).name === 'Riverside Clinic')).toBe(true);

    // The victim is removed and the record narrowed: nothing of the earlier version stays public.
    const narrowed = await cast.tracker.analyst.client.request({
      method: 'PATCH',
      url: `/api/v1/incidents/${id}`,
      payload: {
        victims: [],
        tlp: 'TLP:AMBER',
        correction: 'Victim withdrawn at its request; record restricted.',
      },
    });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    const after = await publicObjects();
    expect(after.filter((object) => owned.includes(object.id))).toEqual([]);
    expect(after.some((object) => (object as { name?: string }).name === 'Riverside Clinic')).toBe(false);
  });

  it('keeps the instance collection out of reach of membership changes and retirement', async () => {
    const admin = await createUser(t.database.db, { isPlatformAdmin: true, hasTotp: true });
    const secretariat = await signIn(t.app, admin.email, { withTotp: true });
    const list = await secretariat.request({ method: 'GET', url: '/api/v1/sharing/collections' });
    const collection = list
      .json()
      .items.find((item: { title: string }) => item.title === 'Published incidents');
    expect(collection).toBeDefined();
    const widened = await secretariat.request({
      method: 'PATCH',
      url: `/api/v1/sharing/collections/${collection.id}`,
      payload: { memberOrgIds: [cast.cert.orgId] },
    });
    expect(widened.statusCode).toBe(409);
    expect(widened.json().code).toBe('instance_collection');
    const retired = await secretariat.request({
      method: 'DELETE',
      url: `/api/v1/sharing/collections/${collection.id}`,
    });
    expect(retired.statusCode).toBe(409);
    const renamed = await secretariat.request({
      method: 'PATCH',
      url: `/api/v1/sharing/collections/${collection.id}`,
      payload: { description: 'Incidents published by the organizations of this instance.' },
    });
    expect(renamed.statusCode).toBe(200);
  });
});

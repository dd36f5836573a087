import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrganization } from '../../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import {
  createDirectoryCast,
  type DirectoryCast,
  nominateAs,
  nomination,
  setValidUntil,
} from '../test-support.ts';

const DAY_MS = 86_400_000;

describeEachDialect('contacts: public coverage and freshness statistics', (dialect) => {
  let t: TestApp;
  let cast: DirectoryCast;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createDirectoryCast(t);
    // A State not verified yet is not counted.
    await createOrganization(t.database.db, {
      name: 'Republic of Nowhere',
      kind: 'state',
      countryCode: 'NE',
      verificationStatus: 'unverified',
    });
    const make = async (name: string, body: Record<string, unknown>, client = cast.secretariat) => {
      const response = await nominateAs(client, body);
      if (response.statusCode !== 201) throw new Error(response.body);
      ids[name] = response.json().id;
    };
    await make(
      'kenyaTechnical',
      nomination(cast.kenya.orgId, cast.kenya.holderId, {
        name: 'KE-CIRT duty desk',
        email: 'duty@ke-cirt.test',
      }),
    );
    await make(
      'kenyaPolicy',
      nomination(cast.kenya.orgId, cast.kenya.holderId, { role: 'policy', name: 'Cyber policy unit' }),
    );
    await make('cert', nomination(cast.cert.orgId, cast.cert.memberId, { name: 'CERT-FR desk' }));
    await make(
      'unverified',
      nomination(cast.unverified.orgId, cast.unverified.memberId, { name: 'Hidden desk' }),
    );
  });
  afterAll(() => t.close());

  it('shows the public which States have nominated, and nothing personal', async () => {
    const response = await t.app.inject({ url: '/api/v1/directory/coverage' });
    expect(response.statusCode).toBe(200);
    const coverage = response.json();
    expect(coverage.states).toEqual([
      {
        countryCode: 'CL',
        orgId: cast.chile.orgId,
        orgName: 'Republic of Chile',
        regionCode: '019',
        hasNominated: false,
        roles: { diplomatic: false, policy: false, technical: false },
      },
      {
        countryCode: 'KE',
        orgId: cast.kenya.orgId,
        orgName: 'Republic of Kenya',
        regionCode: '002',
        hasNominated: true,
        roles: { diplomatic: false, policy: true, technical: true },
      },
    ]);
    expect(coverage.totals).toEqual({ states: 2, nominated: 1 });
    const byRegion = Object.fromEntries(
      coverage.regions.map((region: { regionCode: string }) => [region.regionCode, region]),
    );
    expect(byRegion['002']).toEqual({ regionCode: '002', stateCount: 1, nominatedCount: 1 });
    expect(byRegion['019']).toEqual({ regionCode: '019', stateCount: 1, nominatedCount: 0 });
    expect(byRegion['150']).toEqual({ regionCode: '150', stateCount: 0, nominatedCount: 0 });
    expect(Object.keys(byRegion).sort()).toEqual(['002', '009', '019', '142', '150']);
    for (const secret of [
      'duty@',
      'KE-CIRT',
      'Cyber policy unit',
      'Nowhere',
      'Signal',
      '+254',
      ...Object.values(ids),
    ]) {
      expect(response.body).not.toContain(secret);
    }

    // Cache-friendly: the ETag revalidates, and changes when a State nominates.
    const etag = response.headers.etag as string;
    expect(etag).toMatch(/^".+"$/);
    const unchanged = await t.app.inject({
      url: '/api/v1/directory/coverage',
      headers: { 'if-none-match': etag },
    });
    expect(unchanged.statusCode).toBe(304);
    await nominateAs(
      cast.chile.admin,
      nomination(cast.chile.orgId, cast.chile.adminId, { role: 'diplomatic', languages: ['es'] }),
    );
    const changed = await t.app.inject({
      url: '/api/v1/directory/coverage',
      headers: { 'if-none-match': etag },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().totals).toEqual({ states: 2, nominated: 2 });
  });

  it('gives the verified community counts of fresh, expiring and stale entries', async () => {
    expect((await t.app.inject({ url: '/api/v1/directory/freshness' })).statusCode).toBe(401);
    expect((await cast.outsider.request({ url: '/api/v1/directory/freshness' })).statusCode).toBe(403);
    expect((await cast.unverified.admin.request({ url: '/api/v1/directory/freshness' })).statusCode).toBe(
      403,
    );
    const now = Date.now();
    await setValidUntil(t, ids.kenyaPolicy!, new Date(now + 10 * DAY_MS));
    await setValidUntil(t, ids.cert!, new Date(now - DAY_MS));
    await t.database.db
      .updateTable('poc_entries')
      .set({ confirmed_at: new Date(now - 121 * DAY_MS).toISOString() })
      .where('id', '=', ids.cert!)
      .execute();
    const response = await cast.cert.member.request({ url: '/api/v1/directory/freshness' });
    expect(response.statusCode).toBe(200);
    const stats = response.json();
    // Kenya technical and Chile diplomatic are fresh, Kenya policy expiring, CERT-FR stale; the unverified
    // organization's entry is not counted.
    expect(stats.overall).toMatchObject({ total: 4, fresh: 2, expiring: 1, stale: 1 });
    // Ages 0, 0, 0 and 121 days: the median is 0.
    expect(stats.overall.medianDaysSinceConfirmation).toBe(0);
    const byRegion = Object.fromEntries(
      stats.regions.map((region: { regionCode: string }) => [region.regionCode, region]),
    );
    expect(byRegion['002']).toMatchObject({ total: 2, fresh: 1, expiring: 1, stale: 0 });
    expect(byRegion['150']).toMatchObject({ total: 1, stale: 1, medianDaysSinceConfirmation: 121 });
    expect(byRegion['019']).toMatchObject({ total: 1, fresh: 1 });
    expect(stats.medianDaysSinceConfirmation).toBe(0);
    expect(byRegion['142']).toEqual({
      regionCode: '142',
      total: 0,
      fresh: 0,
      expiring: 0,
      stale: 0,
      medianDaysSinceConfirmation: null,
    });
  });
});

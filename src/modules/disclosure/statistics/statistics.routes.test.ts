import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, createOrganization, createUser } from '../../../../test/factories.ts';
import { createTestApp, signIn, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import { createDisclosureCast, createProgram, type DisclosureCast, reportContent } from '../test-support.ts';
import { median } from './statistics.ts';

const HOUR = 3_600_000;

describeEachDialect('disclosure: transparency statistics and equities', (dialect) => {
  let t: TestApp;
  let cast: DisclosureCast;
  let programId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createDisclosureCast(t);
    programId = (await createProgram(cast.vendor.admin.client, cast.vendor.orgId)).id;
  });
  afterAll(() => t.close());

  it('counts reports, times to acknowledge and to a fix, SSVC outcomes and close reasons, and nothing more', async () => {
    const created: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/vulnerability-reports',
        payload: { programId, content: reportContent({ title: `Report ${i}` }), credit: 'none' },
        remoteAddress: `203.0.113.${i + 1}`,
      });
      created.push(response.json().id);
    }
    // Acknowledged after 2 and 6 hours; the third not yet.
    const base = Date.parse('2026-03-01T08:00:00.000Z');
    for (const [index, hours] of [
      [0, 2],
      [1, 6],
    ] as const) {
      await t.database.db
        .updateTable('vulnerability_reports')
        .set({
          created_at: new Date(base).toISOString(),
          acknowledged_at: new Date(base + hours * HOUR).toISOString(),
          status: 'acknowledged',
        })
        .where('id', '=', created[index] as string)
        .execute();
    }
    const table = (await t.app.inject({ method: 'GET', url: '/api/v1/disclosure/ssvc/triage' })).json();
    const decline = table.rows.find((row: { outcome: string }) => row.outcome === 'D').inputs;
    await cast.vendor.analyst.client.request({
      method: 'POST',
      url: `/api/v1/vulnerability-reports/${created[2]}/ssvc-decisions`,
      payload: { kind: 'triage', inputs: decline, rationale: 'Not in scope of coordination.' },
    });
    await cast.vendor.analyst.client.request({
      method: 'POST',
      url: `/api/v1/vulnerability-reports/${created[2]}/status`,
      payload: { status: 'closed', closeReason: 'declined' },
    });

    const response = await t.app.inject({
      method: 'GET',
      url: `/api/v1/disclosure-programs/${programId}/statistics`,
    });
    expect(response.statusCode, response.body).toBe(200);
    const stats = response.json();
    expect(stats).toMatchObject({
      reportsReceived: 3,
      acknowledged: 3,
      acknowledgedWithinTarget: 3,
      advisoriesPublished: 0,
      resolved: 0,
      medianDaysToFixOrAdvisory: null,
      ssvcTriageOutcomes: { D: 1 },
      closeReasons: { declined: 1 },
    });
    expect(stats.reportsByYear['2026']).toBe(3);
    // The third report was acknowledged moments ago: 2 h, 6 h and ~0 h give a median of 2 h.
    expect(stats.medianHoursToAcknowledge).toBe(2);
    expect(JSON.stringify(stats)).not.toContain('Report 0');
  });

  it("records a State program's equities counts, public as numbers only, and refuses others", async () => {
    const state = await createOrganization(t.database.db, {
      name: 'Ministry of Digital Affairs',
      kind: 'state',
    });
    const admin = await createUser(t.database.db);
    await addMember(t.database.db, state.id, admin.id, 'org_admin');
    const client = await signIn(t.app, admin.email);
    const stateProgram = await createProgram(client, state.id, { name: 'Government systems CVD' });
    const put = (c: typeof client, id: string, payload: Record<string, unknown>) =>
      c.request({ method: 'PUT', url: `/api/v1/disclosure-programs/${id}/equities`, payload });
    const recorded = await put(client, stateProgram.id, {
      period: '2025',
      disclosedCount: 41,
      retainedCount: 3,
    });
    expect(recorded.statusCode, recorded.body).toBe(200);
    await put(client, stateProgram.id, {
      period: '2025',
      disclosedCount: 42,
      retainedCount: 3,
      note: 'Corrected.',
    });
    await put(client, stateProgram.id, { period: '2026-Q1', disclosedCount: 9, retainedCount: 0 });
    const stats = (
      await t.app.inject({ method: 'GET', url: `/api/v1/disclosure-programs/${stateProgram.id}/statistics` })
    ).json();
    expect(stats.equities).toEqual([
      { period: '2026-Q1', disclosed: 9, retained: 0, note: '' },
      { period: '2025', disclosed: 42, retained: 3, note: 'Corrected.' },
    ]);
    expect(
      (
        await put(cast.vendor.admin.client, programId, {
          period: '2025',
          disclosedCount: 1,
          retainedCount: 0,
        })
      ).json().code,
    ).toBe('not_a_state_program');
    expect(
      (
        await put(cast.vendor.admin.client, stateProgram.id, {
          period: '2025',
          disclosedCount: 1,
          retainedCount: 0,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (await put(client, stateProgram.id, { period: 'last year', disclosedCount: 1, retainedCount: 0 }))
        .statusCode,
    ).toBe(400);
    const anonymous = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/disclosure-programs/${stateProgram.id}/equities`,
      payload: { period: '2025', disclosedCount: 1, retainedCount: 0 },
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it('takes the median of odd and even counts', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

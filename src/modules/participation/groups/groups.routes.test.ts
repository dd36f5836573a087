import { afterAll, beforeAll, expect, it } from 'vitest';
import { createUser } from '../../../../test/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import { type Cast, createCast, createProcess, endObjectionPeriod } from '../test-support.ts';

describeEachDialect('participation: thematic working groups', (dialect) => {
  let t: TestApp;
  let cast: Cast;
  let processId: string;
  let groupId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createCast(t);
    processId = await createProcess(cast.secretariat);
  });
  afterAll(() => t.close());

  it('is created by the secretariat only, with a mandate, and is public', async () => {
    const payload = { name: 'Capacity building', mandate: 'Map needs and offers of capacity building.' };
    const denied = await cast.stateA.admin.request({
      method: 'POST',
      url: `/api/v1/participation/processes/${processId}/groups`,
      payload,
    });
    expect(denied.statusCode).toBe(403);
    const created = await cast.secretariat.request({
      method: 'POST',
      url: `/api/v1/participation/processes/${processId}/groups`,
      payload,
    });
    expect(created.statusCode).toBe(201);
    groupId = created.json().id;
    const listed = await t.app.inject({ url: `/api/v1/participation/processes/${processId}/groups` });
    expect(listed.json().items).toEqual([
      expect.objectContaining({ id: groupId, name: 'Capacity building', memberCount: 0 }),
    ]);
  });

  it('has chairs the secretariat appoints by e-mail', async () => {
    const chair = await createUser(t.database.db, { displayName: 'Ambassador Chair' });
    const unknown = await cast.secretariat.request({
      method: 'POST',
      url: `/api/v1/participation/groups/${groupId}/chairs`,
      payload: { email: 'nobody@example.test' },
    });
    expect(unknown.json().code).toBe('unknown_user');
    const appointed = await cast.secretariat.request({
      method: 'POST',
      url: `/api/v1/participation/groups/${groupId}/chairs`,
      payload: { email: chair.email },
    });
    expect(appointed.json().chairs).toEqual([{ userId: chair.id, displayName: 'Ambassador Chair' }]);
    const byState = await cast.stateA.admin.request({
      method: 'POST',
      url: `/api/v1/participation/groups/${groupId}/chairs`,
      payload: { email: chair.email },
    });
    expect(byState.statusCode).toBe(403);
  });

  it('admits States and accredited stakeholders, not others', async () => {
    const join = (client: Cast['secretariat'], organizationId: string) =>
      client.request({
        method: 'POST',
        url: `/api/v1/participation/groups/${groupId}/members`,
        payload: { organizationId },
      });
    expect((await join(cast.stateA.admin, cast.stateA.orgId)).json().memberCount).toBe(1);
    expect((await join(cast.stateA.admin, cast.stateA.orgId)).json().code).toBe('already_member');
    // Not yet accredited.
    expect((await join(cast.civilSociety.admin, cast.civilSociety.orgId)).statusCode).toBe(403);
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
    await t.app.inject({ url: `/api/v1/participation/applications/${application.id}` });
    // A plain member may not commit the organization; its admin may.
    expect((await join(cast.civilSociety.member, cast.civilSociety.orgId)).statusCode).toBe(403);
    expect((await join(cast.civilSociety.admin, cast.civilSociety.orgId)).json().memberCount).toBe(2);
    expect((await join(cast.unverified.admin, cast.unverified.orgId)).statusCode).toBe(403);
    expect((await join(cast.outsider, cast.stateB.orgId)).statusCode).toBe(403);
    const members = await t.app.inject({ url: `/api/v1/participation/groups/${groupId}/members` });
    expect(
      members
        .json()
        .items.map((m: { organization: { name: string } }) => m.organization.name)
        .sort(),
    ).toEqual(['Digital Peace Civil Society', 'Republic of Kenya']);
    const left = await cast.civilSociety.admin.request({
      method: 'DELETE',
      url: `/api/v1/participation/groups/${groupId}/members/${cast.civilSociety.orgId}`,
    });
    expect(left.json().memberCount).toBe(1);
    const notYours = await cast.civilSociety.admin.request({
      method: 'DELETE',
      url: `/api/v1/participation/groups/${groupId}/members/${cast.stateA.orgId}`,
    });
    expect(notYours.statusCode).toBe(403);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import { type Cast, createCast, createProcess, endObjectionPeriod } from '../test-support.ts';

describeEachDialect('participation: meetings, speakers’ lists and calendars', (dialect) => {
  let t: TestApp;
  let cast: Cast;
  let processId: string;
  let meetingId: string;
  let itemId: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createCast(t);
    processId = await createProcess(cast.secretariat);
    for (const org of [cast.civilSociety, cast.academia]) {
      const application = (
        await org.admin.request({
          method: 'POST',
          url: `/api/v1/participation/processes/${processId}/applications`,
          payload: {
            organizationId: org.orgId,
            route: 'non_objection',
            statement: 'Expertise on cyber norms.',
          },
        })
      ).json();
      await endObjectionPeriod(t, application.id);
    }
  });
  afterAll(() => t.close());

  it('is scheduled by the secretariat with an agenda, stored in UTC', async () => {
    const payload = {
      title: 'First session of the plenary',
      location: 'Conference Room 4, United Nations Headquarters, New York',
      // 10:00 in New York in March is 14:00 UTC.
      startsAt: '2027-03-08T10:00:00-04:00',
      endsAt: '2027-03-08T13:00:00-04:00',
      agenda: [
        { title: 'Existing and potential threats', stakeholderSlots: 1 },
        { title: 'Capacity building', stakeholderSlots: 0 },
      ],
    };
    const denied = await cast.stateA.admin.request({
      method: 'POST',
      url: `/api/v1/participation/processes/${processId}/meetings`,
      payload,
    });
    expect(denied.statusCode).toBe(403);
    const backwards = await cast.secretariat.request({
      method: 'POST',
      url: `/api/v1/participation/processes/${processId}/meetings`,
      payload: { ...payload, endsAt: '2027-03-08T09:00:00-04:00' },
    });
    expect(backwards.json().code).toBe('ends_before_starts');
    const created = await cast.secretariat.request({
      method: 'POST',
      url: `/api/v1/participation/processes/${processId}/meetings`,
      payload,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({
      startsAt: '2027-03-08T14:00:00.000Z',
      endsAt: '2027-03-08T17:00:00.000Z',
    });
    meetingId = created.json().id;
    itemId = created.json().agenda[0].id;
    const upcoming = (
      await t.app.inject({ url: `/api/v1/participation/processes/${processId}/meetings?when=upcoming` })
    ).json();
    expect(upcoming.items.map((m: { id: string }) => m.id)).toEqual([meetingId]);
  });

  it('keeps dedicated stakeholder slots on the speakers’ list, with a waiting list', async () => {
    const speak = (client: Cast['secretariat'], organizationId: string, speakerName: string) =>
      client.request({
        method: 'POST',
        url: `/api/v1/participation/agenda-items/${itemId}/speakers`,
        payload: { organizationId, speakerName },
      });
    expect((await speak(cast.unverified.admin, cast.unverified.orgId, 'Someone')).statusCode).toBe(403);
    await speak(cast.civilSociety.member, cast.civilSociety.orgId, 'Ms. Amina Diallo');
    await speak(cast.stateA.admin, cast.stateA.orgId, 'Ambassador of Kenya');
    const full = await speak(cast.academia.admin, cast.academia.orgId, 'Prof. Jean Martin');
    const item = full.json().agenda[0];
    expect(
      item.speakers.map((s: { speakerName: string; slot: string; status: string }) => [
        s.speakerName,
        s.slot,
        s.status,
      ]),
    ).toEqual([
      ['Ambassador of Kenya', 'state', 'listed'],
      ['Ms. Amina Diallo', 'stakeholder', 'listed'],
      ['Prof. Jean Martin', 'stakeholder', 'waitlisted'],
    ]);
    expect((await speak(cast.stateA.admin, cast.stateA.orgId, 'Again')).json().code).toBe('already_listed');
    const civil = item.speakers.find((s: { speakerName: string }) => s.speakerName === 'Ms. Amina Diallo');
    expect(
      (
        await cast.stateB.admin.request({
          method: 'DELETE',
          url: `/api/v1/participation/speakers/${civil.id}`,
        })
      ).statusCode,
    ).toBe(403);
    const withdrawn = await cast.civilSociety.admin.request({
      method: 'DELETE',
      url: `/api/v1/participation/speakers/${civil.id}`,
    });
    expect(
      withdrawn
        .json()
        .agenda[0].speakers.map((s: { speakerName: string; status: string }) => [s.speakerName, s.status]),
    ).toEqual([
      ['Ambassador of Kenya', 'listed'],
      ['Prof. Jean Martin', 'listed'],
    ]);
  });

  it('attaches published statements to the agenda item', async () => {
    const submitted = await cast.academia.admin.request({
      method: 'POST',
      url: `/api/v1/participation/processes/${processId}/statements`,
      payload: {
        organizationId: cast.academia.orgId,
        kind: 'statement',
        title: 'Statement on threats',
        language: 'en',
        agendaItemId: itemId,
        markdown: 'Threats to health care are growing.',
      },
    });
    expect(submitted.json()).toMatchObject({
      meetingId,
      agendaItemId: itemId,
      agendaItem: 'Existing and potential threats',
    });
    const meeting = (await t.app.inject({ url: `/api/v1/participation/meetings/${meetingId}` })).json();
    expect(meeting.agenda[0].statements).toEqual([]);
    await cast.secretariat.request({
      method: 'POST',
      url: `/api/v1/participation/statements/${submitted.json().id}/moderation`,
      payload: { decision: 'publish' },
    });
    const after = (await t.app.inject({ url: `/api/v1/participation/meetings/${meetingId}` })).json();
    expect(after.agenda[0].statements).toEqual([expect.objectContaining({ title: 'Statement on threats' })]);
  });

  it('publishes an iCalendar feed per process, with cancellations', async () => {
    await cast.secretariat.request({
      method: 'PATCH',
      url: `/api/v1/participation/meetings/${meetingId}`,
      payload: { isCancelled: true },
    });
    const feed = await t.app.inject({ url: `/api/v1/participation/processes/${processId}/calendar.ics` });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    const text = feed.body.replace(/\r\n /g, '');
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).toContain('DTSTART:20270308T140000Z');
    expect(text).toContain('SUMMARY:First session of the plenary');
    expect(text).toContain('STATUS:CANCELLED');
    expect(text).toContain(`UID:${meetingId}@localhost:8080`);
    expect(feed.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });
});

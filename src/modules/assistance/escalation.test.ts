import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness/app.ts';
import { describeEachDialect } from '../../../test/harness/databases.ts';
import { escalateOverdueRequests } from './escalation.ts';
import { type Cast, createCast, requestBody, sendRequest } from './test-support.ts';

const HOUR = 3_600_000;

describeEachDialect('assistance: deadlines escalate by themselves', (dialect) => {
  let t: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  const subjectsFor = async (requestId: string) => {
    const rows = await t.database.db
      .selectFrom('outbox')
      .select('payload')
      .where('channel', '=', 'email')
      // Ids are time-ordered: the order mail was queued in (PostgreSQL returns rows in no set order).
      .orderBy('id')
      .execute();
    return rows
      .map((row) => JSON.parse(row.payload) as { to: string; subject: string })
      .filter((mail) => mail.subject.includes(requestId))
      .map((mail) => [mail.to, mail.subject.replace(`${requestId}: `, '')]);
  };
  const recipientRow = (requestId: string) =>
    t.database.db
      .selectFrom('assistance_recipients')
      .selectAll()
      .where('request_id', '=', requestId)
      .executeTakeFirstOrThrow();

  it('goes to the technical, then diplomatic, then policy POCs, tells the sender, once per level', async () => {
    const sentAt = Date.now();
    const acknowledgeBy = new Date(sentAt + 2 * HOUR);
    const sent = await sendRequest(
      cast.sender.poc.client,
      requestBody(cast, {
        tlp: 'TLP:RED',
        acknowledgeBy: acknowledgeBy.toISOString(),
        respondBy: new Date(sentAt + 48 * HOUR).toISOString(),
      }),
    );
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json().id as string;
    const type = '[TLP:RED] Request for assistance';
    expect(await subjectsFor(id)).toEqual([[cast.recipient.technical.email, `${type} new`]]);
    // Not named on a RED request: the diplomatic POC cannot read it yet.
    const diplomaticRead = () =>
      cast.recipient.diplomatic.client.request({ url: `/api/v1/assistance-requests/${id}` });
    expect((await diplomaticRead()).statusCode).toBe(404);

    // Before the deadline, nothing happens.
    expect(await escalateOverdueRequests(t.app.ctx, new Date(acknowledgeBy.getTime() - 1000))).toBe(0);
    expect((await recipientRow(id)).escalation_level).toBe(0);

    // At the deadline: the diplomatic POC is added and told, and so is the sender; run twice, once only.
    const firstStep = new Date(acknowledgeBy.getTime() + 1000);
    const [a, b] = await Promise.all([
      escalateOverdueRequests(t.app.ctx, firstStep),
      escalateOverdueRequests(t.app.ctx, firstStep),
    ]);
    expect(a + b).toBe(1);
    expect(await escalateOverdueRequests(t.app.ctx, firstStep)).toBe(0);
    let row = await recipientRow(id);
    expect(row.escalation_level).toBe(1);
    // The step is the time given to acknowledge (2 hours from sending), between 1 and 24 hours.
    const given = Date.parse(sent.json().acknowledgeBy) - Date.parse(sent.json().createdAt);
    expect(given).toBeGreaterThan(2 * HOUR - 5000);
    expect(row.next_escalation_at).toBe(new Date(firstStep.getTime() + given).toISOString());
    expect(await subjectsFor(id)).toEqual([
      [cast.recipient.technical.email, `${type} new`],
      [cast.recipient.diplomatic.email, `${type} escalated to you`],
      [cast.sender.poc.email, `${type} not acknowledged in time`],
    ]);
    expect((await diplomaticRead()).statusCode).toBe(200);
    const inApp = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'title'])
      .where('topic', '=', 'assistance_request.escalated')
      .where('link', '=', `/requests/${id}`)
      .execute();
    expect(inApp.map((n) => n.user_id).sort()).toEqual(
      [cast.recipient.diplomatic.userId, cast.sender.poc.userId].sort(),
    );

    // Not yet the next step.
    expect(await escalateOverdueRequests(t.app.ctx, new Date(firstStep.getTime() + HOUR))).toBe(0);
    // The next step: the policy POC; no role is left after it.
    const secondStep = new Date(firstStep.getTime() + given + 1000);
    expect(await escalateOverdueRequests(t.app.ctx, secondStep)).toBe(1);
    row = await recipientRow(id);
    expect(row.escalation_level).toBe(2);
    expect(row.next_escalation_at).toBeNull();
    expect((await subjectsFor(id)).slice(3)).toEqual([
      [cast.recipient.policy.email, `${type} escalated to you`],
      [cast.sender.poc.email, `${type} not acknowledged in time`],
    ]);
    expect(await escalateOverdueRequests(t.app.ctx, new Date(secondStep.getTime() + 48 * HOUR))).toBe(0);
    const named = await t.database.db
      .selectFrom('assistance_recipient_pocs')
      .select(['user_id', 'added_at_level'])
      .where('request_id', '=', id)
      .orderBy('added_at_level')
      .execute();
    expect(named).toEqual([
      { user_id: cast.recipient.technical.userId, added_at_level: 0 },
      { user_id: cast.recipient.diplomatic.userId, added_at_level: 1 },
      { user_id: cast.recipient.policy.userId, added_at_level: 2 },
    ]);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_label'])
      .where('subject_id', '=', id)
      .where('action', '=', 'assistance_request.escalated')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]?.actor_label).toBe('system:assistance-escalation');

    // The escalated POC may now act: acknowledging stops everything.
    const acknowledged = await cast.recipient.policy.client.request({
      method: 'POST',
      url: `/api/v1/assistance-requests/${id}/acknowledgement`,
      payload: {},
    });
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
  });

  it('stops at acknowledgement, and waits at least an hour between steps', async () => {
    const sentAt = Date.now();
    const acknowledgeBy = new Date(sentAt + 10 * 60_000);
    const acknowledged = (
      await sendRequest(
        cast.sender.poc.client,
        requestBody(cast, { acknowledgeBy: acknowledgeBy.toISOString() }),
      )
    ).json().id as string;
    const unanswered = (
      await sendRequest(
        cast.sender.poc.client,
        requestBody(cast, { acknowledgeBy: acknowledgeBy.toISOString() }),
      )
    ).json().id as string;
    await cast.recipient.technical.client.request({
      method: 'POST',
      url: `/api/v1/assistance-requests/${acknowledged}/acknowledgement`,
      payload: {},
    });
    expect((await recipientRow(acknowledged)).next_escalation_at).toBeNull();
    const step = new Date(acknowledgeBy.getTime() + 1000);
    expect(await escalateOverdueRequests(t.app.ctx, step)).toBe(1);
    expect((await recipientRow(acknowledged)).escalation_level).toBe(0);
    expect((await recipientRow(unanswered)).next_escalation_at).toBe(
      new Date(step.getTime() + HOUR).toISOString(),
    );
  });

  it('takes the first POC role the organization has when it lacks the one asked for', async () => {
    const sent = await sendRequest(
      cast.sender.poc.client,
      requestBody(cast, { recipientOrgIds: [cast.second.orgId], recipientRoles: ['policy'] }),
    );
    // CSIRT Chile has only a technical POC: it is addressed, and nothing is left to escalate to.
    const id = sent.json().id as string;
    expect(await subjectsFor(id)).toEqual([
      [cast.second.technical.email, '[TLP:AMBER] Request for assistance new'],
    ]);
    const due = new Date(Date.parse(sent.json().acknowledgeBy) + 1000);
    // Earlier tests' requests are due by then too.
    expect(await escalateOverdueRequests(t.app.ctx, due)).toBeGreaterThanOrEqual(1);
    expect((await recipientRow(id)).escalation_level).toBe(1);
    expect(await subjectsFor(id)).toEqual([
      [cast.second.technical.email, '[TLP:AMBER] Request for assistance new'],
      [cast.sender.poc.email, '[TLP:AMBER] Request for assistance not acknowledged in time'],
    ]);
    expect((await recipientRow(id)).next_escalation_at).toBeNull();
  });
});

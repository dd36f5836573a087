import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, createUser } from '../../../test/factories.ts';
import { type Client, createTestApp, signIn, type TestApp } from '../../../test/harness/app.ts';
import { describeEachDialect } from '../../../test/harness/databases.ts';
import { escalateOverdueRequests } from './escalation.ts';
import { type Cast, createCast, requestBody, sendRequest } from './test-support.ts';

const HOUR = 3_600_000;
const ATTACHMENT = {
  fileName: 'indicators.txt',
  mediaType: 'text/plain',
  contentBase64: Buffer.from('203.0.113.9').toString('base64'),
};

/**
 * A POC is named for an organization, and only while a member of it: someone removed from the
 * organization, or whose account is disabled, is no longer addressed, escalated to or able to read what
 * they were named on, while the organization's current POCs go on acting.
 */
describeEachDialect('assistance: a POC who leaves the organization', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  const api = (client: Client, url: string, method: 'GET' | 'POST' = 'GET', payload?: object) =>
    client.request({ method, url: `/api/v1/assistance-requests${url}`, ...(payload ? { payload } : {}) });

  async function removeMember(orgId: string, userId: string) {
    const admin = await createUser(t.database.db, { hasTotp: true });
    await addMember(t.database.db, orgId, admin.id, 'org_admin');
    const client = await signIn(t.app, admin.email, { withTotp: true });
    const removed = await client.request({
      method: 'DELETE',
      url: `/api/v1/organizations/${orgId}/members/${userId}`,
    });
    expect(removed.statusCode, removed.body).toBe(204);
  }

  async function send(cast: Cast, overrides: Record<string, unknown>) {
    const sent = await sendRequest(cast.sender.poc.client, requestBody(cast, overrides));
    expect(sent.statusCode, sent.body).toBe(201);
    return sent.json() as { id: string; attachments: { id: string }[] };
  }

  const addressedUserIds = async (requestId: string) =>
    (
      await t.database.db
        .selectFrom('assistance_recipient_pocs')
        .select('user_id')
        .where('request_id', '=', requestId)
        .execute()
    ).map((row) => row.user_id);

  const mailsTo = async (email: string) =>
    (await t.database.db.selectFrom('outbox').select('payload').where('channel', '=', 'email').execute())
      .map((row) => JSON.parse(row.payload) as { to: string; subject: string })
      .filter((mail) => mail.to === email);

  it('reads nothing more of the requests it was named on, and is not addressed on new ones', async () => {
    const cast = await createCast(t);
    const departed = cast.recipient.technical;
    const red = await send(cast, { tlp: 'TLP:RED', attachments: [ATTACHMENT] });
    const amber = await send(cast, { tlp: 'TLP:AMBER', attachments: [ATTACHMENT] });
    // A thread message with an attachment from the POC's side, before leaving.
    const reply = await api(departed.client, `/${amber.id}/messages`, 'POST', {
      body: 'Sample received, looking at it.',
      attachments: [ATTACHMENT],
    });
    expect(reply.statusCode, reply.body).toBe(201);
    for (const { id, attachments } of [red, amber]) {
      expect((await api(departed.client, `/${id}`)).statusCode).toBe(200);
      expect((await api(departed.client, `/${id}/attachments/${attachments[0]!.id}`)).statusCode).toBe(200);
    }
    const inboxBefore = await api(departed.client, '?box=inbox');
    expect(
      inboxBefore
        .json()
        .items.map((item: { id: string }) => item.id)
        .sort(),
    ).toEqual([red.id, amber.id].sort());

    await removeMember(cast.recipient.orgId, departed.userId);
    const mailsBefore = (await mailsTo(departed.email)).length;

    for (const { id, attachments } of [red, amber]) {
      expect((await api(departed.client, `/${id}`)).statusCode).toBe(404);
      expect((await api(departed.client, `/${id}/attachments/${attachments[0]!.id}`)).statusCode).toBe(404);
      expect((await api(departed.client, `/${id}/acknowledgement`, 'POST', {})).statusCode).toBe(404);
    }
    expect((await api(departed.client, '?box=inbox')).json().items).toEqual([]);
    const csv = await api(departed.client, '/export.csv?box=inbox');
    expect(csv.statusCode).toBe(200);
    expect(csv.body).not.toContain(red.id);
    expect(csv.body).not.toContain(amber.id);

    // The sender writes on the old RED request afterwards: the departed POC hears nothing of it.
    expect(
      (await api(cast.sender.poc.client, `/${red.id}/messages`, 'POST', { body: 'One more IP.' })).statusCode,
    ).toBe(201);
    // A new RED request for the technical role goes to the organization's remaining POCs instead.
    const next = await send(cast, { tlp: 'TLP:RED', recipientRoles: ['technical'] });
    expect((await addressedUserIds(next.id)).sort()).toEqual(
      [cast.recipient.diplomatic.userId, cast.recipient.policy.userId].sort(),
    );
    expect((await api(departed.client, `/${next.id}`)).statusCode).toBe(404);
    expect(await mailsTo(departed.email)).toHaveLength(mailsBefore);
    const notices = await departed.client.request({ url: '/api/v1/notifications' });
    expect(
      notices.json().items.filter((item: { link: string }) => item.link === `/requests/${next.id}`),
    ).toEqual([]);

    // The organization's current POCs still read and act.
    expect((await api(cast.recipient.diplomatic.client, `/${next.id}`)).statusCode).toBe(200);
    const acknowledged = await api(
      cast.recipient.diplomatic.client,
      `/${next.id}/acknowledgement`,
      'POST',
      {},
    );
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    // Its members still read the AMBER request, thread included.
    const amberNow = await api(cast.recipient.member.client, `/${amber.id}`);
    expect(amberNow.statusCode).toBe(200);
    expect(
      amberNow.json().thread.some((m: { body: string }) => m.body === 'Sample received, looking at it.'),
    ).toBe(true);

    // Acting for the organization is refused too: sending a request as its POC.
    const asPoc = await sendRequest(
      departed.client,
      requestBody(cast, { senderOrgId: cast.recipient.orgId, recipientOrgIds: [cast.second.orgId] }),
    );
    expect(asPoc.statusCode).toBe(403);
  });

  it('is skipped by escalation', async () => {
    const cast = await createCast(t);
    const sentAt = Date.now();
    const red = await send(cast, {
      tlp: 'TLP:RED',
      acknowledgeBy: new Date(sentAt + 2 * HOUR).toISOString(),
      respondBy: new Date(sentAt + 48 * HOUR).toISOString(),
    });
    await removeMember(cast.recipient.orgId, cast.recipient.diplomatic.userId);
    expect(await escalateOverdueRequests(t.app.ctx, new Date(sentAt + 3 * HOUR))).toBeGreaterThan(0);
    // The diplomatic role has no current POC any more: the step goes to the policy POC.
    expect((await addressedUserIds(red.id)).sort()).toEqual(
      [cast.recipient.technical.userId, cast.recipient.policy.userId].sort(),
    );
    expect((await api(cast.recipient.diplomatic.client, `/${red.id}`)).statusCode).toBe(404);
    expect((await api(cast.recipient.policy.client, `/${red.id}`)).statusCode).toBe(200);
    expect(await mailsTo(cast.recipient.diplomatic.email)).toEqual([]);
  });

  it('a sender who left no longer reads its own RED request; the sending organization still acts', async () => {
    const cast = await createCast(t);
    const red = await send(cast, { tlp: 'TLP:RED' });
    const amber = await send(cast, { tlp: 'TLP:AMBER' });
    await removeMember(cast.sender.orgId, cast.sender.poc.userId);
    for (const id of [red.id, amber.id]) {
      expect((await api(cast.sender.poc.client, `/${id}`)).statusCode).toBe(404);
    }
    expect((await api(cast.sender.poc.client, '?box=outbox')).json().items).toEqual([]);
    expect((await api(cast.sender.colleague.client, `/${amber.id}`)).statusCode).toBe(200);
    expect((await api(cast.recipient.technical.client, `/${red.id}`)).statusCode).toBe(200);
  });

  it('a disabled account is not addressed', async () => {
    const cast = await createCast(t);
    await t.database.db
      .updateTable('users')
      .set({ disabled_at: new Date().toISOString() })
      .where('id', '=', cast.recipient.technical.userId)
      .execute();
    const red = await send(cast, { tlp: 'TLP:RED', recipientRoles: ['technical', 'diplomatic'] });
    expect(await addressedUserIds(red.id)).toEqual([cast.recipient.diplomatic.userId]);
  });
});

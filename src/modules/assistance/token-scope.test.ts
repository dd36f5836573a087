import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember } from '../../../test/factories.ts';
import { type Client, createTestApp, type TestApp } from '../../../test/harness/app.ts';
import { describeEachDialect } from '../../../test/harness/databases.ts';
import { type Cast, createCast, requestBody, sendRequest } from './test-support.ts';

/**
 * An API token acts for one organization. Its owner being named on a request for another organization
 * gives the token nothing: it reads only what its own organization is involved in, and sees only that
 * organization's side of a thread.
 */
describeEachDialect('assistance: an API token reads for its own organization only', (dialect) => {
  let t: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  async function tokenOf(client: Client, organizationId: string): Promise<string> {
    const created = await client.request({
      method: 'POST',
      url: '/api/v1/me/api-tokens',
      payload: { name: 'automation', organizationId, expiresInDays: 1 },
    });
    expect(created.statusCode, created.body).toBe(201);
    return created.json().token as string;
  }
  const withToken = (token: string, url: string) =>
    t.app.inject({ url: `/api/v1/assistance-requests${url}`, headers: { authorization: `Bearer ${token}` } });

  it('a token of an unrelated organization reads none of what its owner is named on', async () => {
    const sent = await sendRequest(
      cast.sender.poc.client,
      requestBody(cast, {
        tlp: 'TLP:RED',
        title: 'Token scope RED',
        attachments: [{ fileName: 'a.txt', mediaType: 'text/plain', contentBase64: 'c2VjcmV0' }],
      }),
    );
    expect(sent.statusCode, sent.body).toBe(201);
    const { id, attachments } = sent.json() as { id: string; attachments: { id: string }[] };
    const named = cast.recipient.technical;
    await addMember(t.database.db, cast.third.orgId, named.userId);

    const ofThird = await tokenOf(named.client, cast.third.orgId);
    expect((await withToken(ofThird, `/${id}`)).statusCode).toBe(404);
    expect((await withToken(ofThird, `/${id}/attachments/${attachments[0]!.id}`)).statusCode).toBe(404);
    for (const box of ['inbox', 'outbox']) {
      const list = await withToken(ofThird, `?box=${box}`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toEqual([]);
      const csv = await withToken(ofThird, `/export.csv?box=${box}`);
      expect(csv.statusCode).toBe(200);
      expect(csv.body).not.toContain(id);
    }

    // The same person with a token of the organization it was named for, or signed in, reads it.
    const ofRecipient = await tokenOf(named.client, cast.recipient.orgId);
    expect((await withToken(ofRecipient, `/${id}`)).statusCode).toBe(200);
    expect(
      (await withToken(ofRecipient, '?box=inbox')).json().items.map((i: { id: string }) => i.id),
    ).toContain(id);
    expect((await named.client.request({ url: `/api/v1/assistance-requests/${id}` })).statusCode).toBe(200);
  });

  it("a token sees only its organization's side of a thread", async () => {
    // Two recipients; the first one's named technical POC also belongs to the second.
    const sent = await sendRequest(
      cast.sender.poc.client,
      requestBody(cast, { tlp: 'TLP:AMBER', recipientOrgIds: [cast.recipient.orgId, cast.second.orgId] }),
    );
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json().id as string;
    const poc = cast.recipient.technical;
    await addMember(t.database.db, cast.second.orgId, poc.userId);
    const reply = await poc.client.request({
      method: 'POST',
      url: `/api/v1/assistance-requests/${id}/messages`,
      payload: { orgId: cast.recipient.orgId, body: 'Between the first recipient and the sender.' },
    });
    expect(reply.statusCode, reply.body).toBe(201);

    const ofSecond = await tokenOf(poc.client, cast.second.orgId);
    const read = await withToken(ofSecond, `/${id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().viewer).toEqual({ isSender: false, recipientOrgIds: [cast.second.orgId] });
    expect(read.json().thread.map((m: { body: string }) => m.body)).not.toContain(
      'Between the first recipient and the sender.',
    );
    // Signed in, the person belongs to both recipients and sees both sides.
    const session = await poc.client.request({ url: `/api/v1/assistance-requests/${id}` });
    expect(session.json().viewer.recipientOrgIds.sort()).toEqual(
      [cast.recipient.orgId, cast.second.orgId].sort(),
    );
    expect(session.json().thread.map((m: { body: string }) => m.body)).toContain(
      'Between the first recipient and the sender.',
    );
  });
});

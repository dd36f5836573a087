import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness/app.ts';
import { describeEachDialect } from '../../../test/harness/databases.ts';
import { type Cast, createCast, requestBody, sendRequest } from './test-support.ts';

/**
 * TLP enforcement, written out: for each label, exactly who reads a request, its thread and its
 * attachments, and who finds it in lists, CSV exports and search. Everyone else sees nothing of it.
 */

type ActorName =
  | 'senderPoc'
  | 'senderColleague'
  | 'namedRecipientPoc'
  | 'recipientMember'
  | 'recipientUnnamedPoc'
  | 'secondNamedPoc'
  | 'thirdOrgMember'
  | 'unverifiedMember'
  | 'platformAdmin'
  | 'anonymous';

const ACTORS: ActorName[] = [
  'senderPoc',
  'senderColleague',
  'namedRecipientPoc',
  'recipientMember',
  'recipientUnnamedPoc',
  'secondNamedPoc',
  'thirdOrgMember',
  'unverifiedMember',
  'platformAdmin',
  'anonymous',
];

const LABELS = ['TLP:RED', 'TLP:AMBER+STRICT', 'TLP:AMBER', 'TLP:GREEN'] as const;

/** Who reads the request itself, per label. */
const READERS: Record<(typeof LABELS)[number], ActorName[]> = {
  'TLP:RED': ['senderPoc', 'namedRecipientPoc', 'secondNamedPoc'],
  'TLP:AMBER+STRICT': [
    'senderPoc',
    'senderColleague',
    'namedRecipientPoc',
    'recipientMember',
    'recipientUnnamedPoc',
    'secondNamedPoc',
  ],
  'TLP:AMBER': [
    'senderPoc',
    'senderColleague',
    'namedRecipientPoc',
    'recipientMember',
    'recipientUnnamedPoc',
    'secondNamedPoc',
  ],
  'TLP:GREEN': [
    'senderPoc',
    'senderColleague',
    'namedRecipientPoc',
    'recipientMember',
    'recipientUnnamedPoc',
    'secondNamedPoc',
    'thirdOrgMember',
    'platformAdmin',
  ],
};

/** Which side of the exchange each actor is on, when it reads the request at all. */
const SIDE: Partial<Record<ActorName, 'sender' | 'recipient' | 'second'>> = {
  senderPoc: 'sender',
  senderColleague: 'sender',
  namedRecipientPoc: 'recipient',
  recipientMember: 'recipient',
  recipientUnnamedPoc: 'recipient',
  secondNamedPoc: 'second',
};

describeEachDialect('assistance: TLP enforcement matrix', (dialect) => {
  let t: TestApp;
  let cast: Cast;
  let as: Record<ActorName, (options: InjectOptions) => Promise<LightMyRequestResponse>>;
  const requests = new Map<
    string,
    {
      id: string;
      word: string;
      requestAttachmentId: string;
      replyAttachmentId: string;
      threadBodies: string[];
    }
  >();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createCast(t);
    as = {
      senderPoc: cast.sender.poc.client.request,
      senderColleague: cast.sender.colleague.client.request,
      namedRecipientPoc: cast.recipient.technical.client.request,
      recipientMember: cast.recipient.member.client.request,
      recipientUnnamedPoc: cast.recipient.diplomatic.client.request,
      secondNamedPoc: cast.second.technical.client.request,
      thirdOrgMember: cast.third.member.client.request,
      unverifiedMember: cast.unverified.member.client.request,
      platformAdmin: cast.admin.client.request,
      anonymous: (options) => t.app.inject(options),
    };
    for (const [index, tlp] of LABELS.entries()) {
      const word = `quokka${index}`;
      const sent = await sendRequest(
        cast.sender.poc.client,
        requestBody(cast, {
          tlp,
          title: `Wiper ${word} against the grid operator`,
          description: `Secret indicators ${word}`,
          recipientOrgIds: [cast.recipient.orgId, cast.second.orgId],
          attachments: [
            {
              fileName: 'iocs.csv',
              mediaType: 'text/csv',
              contentBase64: Buffer.from(`indicator,${word}\n`).toString('base64'),
            },
          ],
        }),
      );
      expect(sent.statusCode, sent.body).toBe(201);
      const id = sent.json().id as string;
      const reply = await cast.recipient.technical.client.request({
        method: 'POST',
        url: `/api/v1/assistance-requests/${id}/messages`,
        payload: {
          body: `France only ${word}`,
          attachments: [
            {
              fileName: 'sample.exe',
              mediaType: 'application/x-msdownload',
              contentBase64: Buffer.from('MZ fake').toString('base64'),
            },
          ],
        },
      });
      expect(reply.statusCode, reply.body).toBe(201);
      const replyMessage = reply.json().thread.at(-1);
      await cast.second.technical.client.request({
        method: 'POST',
        url: `/api/v1/assistance-requests/${id}/messages`,
        payload: { body: `Chile only ${word}` },
      });
      await cast.sender.poc.client.request({
        method: 'POST',
        url: `/api/v1/assistance-requests/${id}/messages`,
        payload: { body: `To all ${word}` },
      });
      await cast.sender.poc.client.request({
        method: 'POST',
        url: `/api/v1/assistance-requests/${id}/messages`,
        payload: { body: `To Chile ${word}`, toOrgId: cast.second.orgId },
      });
      requests.set(tlp, {
        id,
        word,
        requestAttachmentId: sent.json().attachments[0].id,
        replyAttachmentId: replyMessage.attachments[0].id,
        threadBodies: [],
      });
    }
  });
  afterAll(() => t.close());

  for (const tlp of LABELS) {
    it(`${tlp}: only its audience reads the request, and each side only its part of the thread`, async () => {
      const request = requests.get(tlp);
      if (!request) throw new Error('not set up');
      const { id, word } = request;
      for (const actor of ACTORS) {
        const isReader = READERS[tlp].includes(actor);
        const response = await as[actor]({ url: `/api/v1/assistance-requests/${id}` });
        expect(response.statusCode, `${actor} GET`).toBe(isReader ? 200 : 404);
        if (!isReader) {
          expect(response.body, actor).not.toContain(word);
        } else {
          const bodies = response.json().thread.map((m: { body: string }) => m.body);
          const expected = {
            sender: [`France only ${word}`, `Chile only ${word}`, `To all ${word}`, `To Chile ${word}`],
            recipient: [`France only ${word}`, `To all ${word}`],
            second: [`Chile only ${word}`, `To all ${word}`, `To Chile ${word}`],
          };
          const side = SIDE[actor];
          // Readers on neither side (the community, for GREEN) see the request but no thread.
          expect(bodies, `${actor} thread`).toEqual(side ? expected[side] : []);
          const statuses = response
            .json()
            .recipients.map((r: { status: string | null }) => r.status !== null);
          expect(statuses, `${actor} statuses`).toEqual(
            side === 'sender'
              ? [true, true]
              : side === 'recipient'
                ? [true, false]
                : side === 'second'
                  ? [false, true]
                  : [false, false],
          );
        }

        const attachment = await as[actor]({
          url: `/api/v1/assistance-requests/${id}/attachments/${request.requestAttachmentId}`,
        });
        expect(attachment.statusCode, `${actor} request attachment`).toBe(isReader ? 200 : 404);
        if (isReader) {
          expect(attachment.body).toBe(`indicator,${word}\n`);
          expect(attachment.headers['content-type']).toContain('text/csv');
          expect(attachment.headers['content-disposition']).toMatch(/^attachment; filename="iocs.csv"/);
          expect(attachment.headers['x-content-type-options']).toBe('nosniff');
        }
        const replyAttachment = await as[actor]({
          url: `/api/v1/assistance-requests/${id}/attachments/${request.replyAttachmentId}`,
        });
        const seesReply = isReader && (SIDE[actor] === 'sender' || SIDE[actor] === 'recipient');
        expect(replyAttachment.statusCode, `${actor} thread attachment`).toBe(seesReply ? 200 : 404);
        if (seesReply) {
          // Not a type a browser may render: served as bytes to save.
          expect(replyAttachment.headers['content-type']).toBe('application/octet-stream');
        }
      }
    });

    it(`${tlp}: lists, CSV exports and search show it to its audience only`, async () => {
      const request = requests.get(tlp);
      if (!request) throw new Error('not set up');
      const { id, word } = request;
      const listers: Record<'inbox' | 'outbox', ActorName[]> = {
        outbox: READERS[tlp].filter((actor) => SIDE[actor] === 'sender'),
        inbox: READERS[tlp].filter((actor) => SIDE[actor] === 'recipient' || SIDE[actor] === 'second'),
      };
      for (const actor of ACTORS) {
        for (const box of ['inbox', 'outbox'] as const) {
          const list = await as[actor]({ url: `/api/v1/assistance-requests?box=${box}&limit=100` });
          const ids = list.statusCode === 200 ? list.json().items.map((item: { id: string }) => item.id) : [];
          expect(ids.includes(id), `${actor} ${box}`).toBe(listers[box].includes(actor));
          const csv = await as[actor]({ url: `/api/v1/assistance-requests/export.csv?box=${box}` });
          expect(csv.body.includes(id), `${actor} ${box}.csv`).toBe(listers[box].includes(actor));
          if (csv.statusCode === 200 && csv.body.includes(id)) expect(csv.body).toContain(`${id},${tlp},`);
        }
        const search = await as[actor]({ url: `/api/v1/search?q=${word}` });
        const hits =
          search.statusCode === 200
            ? search.json().items.map((hit: { sourceId: string }) => hit.sourceId)
            : [];
        // AMBER and RED requests are never indexed; GREEN ones reach the verified community.
        expect(hits.includes(id), `${actor} search`).toBe(
          tlp === 'TLP:GREEN' && READERS[tlp].includes(actor),
        );
      }
    });
  }

  it('never indexes AMBER or RED requests', async () => {
    const indexed = await t.database.db
      .selectFrom('search_documents')
      .select('source_id')
      .where('source', '=', 'assistance_requests')
      .execute();
    expect(indexed.map((row) => row.source_id)).toEqual([requests.get('TLP:GREEN')?.id]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createUser } from '../../../test/factories.ts';
import { createTestApp, signIn, type TestApp } from '../../../test/harness/app.ts';
import { describeEachDialect } from '../../../test/harness/databases.ts';
import { type Cast, countRows, createCast, createPoc, requestBody, sendRequest } from './test-support.ts';

describeEachDialect('assistance: sending and the lifecycle', (dialect) => {
  let t: TestApp;
  let cast: Cast;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    cast = await createCast(t);
  });
  afterAll(() => t.close());

  const post = (client: Cast['admin']['client'], url: string, payload: Record<string, unknown> = {}) =>
    client.request({ method: 'POST', url: `/api/v1/assistance-requests/${url}`, payload });

  it('sends a request with default deadlines, addressed to the technical POC, and audits it', async () => {
    const before = Date.now();
    const response = await sendRequest(
      cast.sender.poc.client,
      requestBody(cast, {
        recipientOrgIds: [cast.recipient.orgId, cast.second.orgId],
        acknowledgeBy: undefined,
        respondBy: undefined,
      }),
    );
    expect(response.statusCode, response.body).toBe(201);
    const request = response.json();
    expect(request.id).toMatch(/^rfa_/);
    expect(request).toMatchObject({
      type: 'request_for_assistance',
      tlp: 'TLP:AMBER',
      senderOrg: { id: cast.sender.orgId, name: 'CERT Kenya' },
      sender: { userId: cast.sender.poc.userId, pocId: cast.sender.poc.pocId },
      sector: 'health',
      assistanceRequested: ['malware_analysis', 'forensics'],
      isCrossBorder: true,
      viewer: { isSender: true, recipientOrgIds: [] },
      thread: [],
    });
    expect(
      request.recipients.map((r: { org: { name: string }; status: string }) => [r.org.name, r.status]),
    ).toEqual([
      ['CERT France', 'sent'],
      ['CSIRT Chile', 'sent'],
    ]);
    // priority: 8 hours to acknowledge, 72 to respond
    expect(Date.parse(request.acknowledgeBy) - before).toBeGreaterThanOrEqual(8 * 3_600_000 - 1000);
    expect(Date.parse(request.acknowledgeBy) - before).toBeLessThan(8 * 3_600_000 + 60_000);
    expect(Date.parse(request.respondBy) - before).toBeGreaterThanOrEqual(72 * 3_600_000 - 1000);
    const named = await t.database.db
      .selectFrom('assistance_recipient_pocs')
      .select(['user_id', 'added_at_level'])
      .where('request_id', '=', request.id)
      .orderBy('user_id')
      .execute();
    expect(named.map((row) => row.user_id).sort()).toEqual(
      [cast.recipient.technical.userId, cast.second.technical.userId].sort(),
    );
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('subject_id', '=', request.id)
      .execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'assistance_request.sent' })]);
    const outbox = await t.database.db
      .selectFrom('outbox')
      .select(['channel', 'payload'])
      .where('channel', '=', 'email')
      .execute();
    const subjects = outbox
      .map((row) => JSON.parse(row.payload).subject as string)
      .filter((s) => s.includes(request.id));
    expect(subjects).toEqual([
      `[TLP:AMBER] Request for assistance ${request.id}: new`,
      `[TLP:AMBER] Request for assistance ${request.id}: new`,
    ]);
    const inApp = await t.database.db
      .selectFrom('notifications')
      .select(['user_id', 'title', 'body'])
      .where('link', '=', `/requests/${request.id}`)
      .execute();
    expect(inApp.map((row) => row.user_id).sort()).toEqual(
      [cast.recipient.technical.userId, cast.second.technical.userId].sort(),
    );
    for (const row of inApp) {
      expect(row.title).not.toContain('Ransomware');
      expect(row.body).not.toContain('Ransomware');
    }
  });

  it('runs the whole lifecycle: acknowledged, more information, accepted, responded, closed', async () => {
    const id = (await sendRequest(cast.sender.poc.client, requestBody(cast))).json().id as string;
    const technical = cast.recipient.technical.client;

    const acknowledged = await post(technical, `${id}/acknowledgement`);
    expect(acknowledged.statusCode, acknowledged.body).toBe(200);
    expect(acknowledged.json().recipients[0]).toMatchObject({ status: 'acknowledged', escalationLevel: 0 });
    expect(acknowledged.json().viewer).toEqual({ isSender: false, recipientOrgIds: [cast.recipient.orgId] });

    const moreInfo = await post(technical, `${id}/decision`, {
      decision: 'more_info_needed',
      reason: 'Which hospital systems are affected?',
    });
    expect(moreInfo.json().recipients[0]).toMatchObject({
      status: 'more_info_needed',
      decision: 'more_info_needed',
      decisionReason: 'Which hospital systems are affected?',
    });

    const answer = await post(cast.sender.poc.client, `${id}/messages`, {
      body: 'Radiology and the patient records system.',
      toOrgId: cast.recipient.orgId,
    });
    expect(answer.statusCode, answer.body).toBe(201);
    expect(answer.json().recipients[0].status).toBe('acknowledged');

    const accepted = await post(technical, `${id}/decision`, { decision: 'accepted' });
    expect(accepted.json().recipients[0].status).toBe('accepted');

    const response = await post(technical, `${id}/messages`, {
      body: 'Our analysis of the sample is attached.',
      isResponse: true,
      attachments: [
        {
          fileName: 'analysis.txt',
          mediaType: 'text/plain',
          contentBase64: Buffer.from('IOC list').toString('base64'),
        },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().recipients[0]).toMatchObject({ status: 'responded' });

    const closed = await post(cast.sender.poc.client, `${id}/closure`, { note: 'Contained. Thank you.' });
    expect(closed.statusCode).toBe(200);
    const final = closed.json();
    expect(final.closedAt).not.toBeNull();
    expect(final.recipients[0].status).toBe('closed');
    expect(final.thread.map((m: { kind: string }) => m.kind)).toEqual([
      'acknowledgement',
      'decision',
      'message',
      'decision',
      'response',
      'closure',
    ]);
    expect(final.thread[4].attachments).toEqual([
      expect.objectContaining({ fileName: 'analysis.txt', size: 8, mediaType: 'text/plain' }),
    ]);

    const actions = await t.database.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', id)
      .orderBy('seq')
      .execute();
    expect(actions.map((row) => row.action)).toEqual([
      'assistance_request.sent',
      'assistance_request.acknowledged',
      'assistance_request.decided',
      'assistance_request.message_posted',
      'assistance_request.decided',
      'assistance_request.responded',
      'assistance_request.closed',
    ]);

    // A closed request refuses every further transition.
    for (const [url, payload] of [
      [`${id}/acknowledgement`, {}],
      [`${id}/decision`, { decision: 'declined' }],
      [`${id}/messages`, { body: 'one more thing' }],
    ] as const) {
      const refused = await post(technical, url, payload);
      expect(refused.statusCode, url).toBe(409);
      expect(refused.json().code).toBe('invalid_transition');
    }
    expect((await post(cast.sender.poc.client, `${id}/closure`, {})).json().code).toBe('invalid_transition');
  });

  it('refuses transitions out of order, and actions by people who do not act for the organization', async () => {
    const id = (await sendRequest(cast.sender.poc.client, requestBody(cast))).json().id as string;
    const technical = cast.recipient.technical.client;
    // No response before acceptance.
    const early = await post(technical, `${id}/messages`, { body: 'Here is our answer', isResponse: true });
    expect(early.json().code).toBe('invalid_transition');
    // Declining without acknowledging first acknowledges implicitly; no second decision.
    const declined = await post(technical, `${id}/decision`, { decision: 'declined' });
    expect(declined.json().recipients[0]).toMatchObject({ status: 'declined', decisionReason: null });
    expect(declined.json().recipients[0].acknowledgedAt).not.toBeNull();
    expect((await post(technical, `${id}/decision`, { decision: 'accepted' })).json().code).toBe(
      'invalid_transition',
    );
    expect((await post(technical, `${id}/acknowledgement`)).json().code).toBe('invalid_transition');
    // The sender does not respond to its own request.
    expect(
      (await post(cast.sender.poc.client, `${id}/messages`, { body: 'x', isResponse: true })).json().code,
    ).toBe('invalid_transition');

    // A member of the recipient organization who is not its POC reads the AMBER request but does not act.
    expect(
      (await cast.recipient.member.client.request({ url: `/api/v1/assistance-requests/${id}` })).statusCode,
    ).toBe(200);
    const notPoc = await post(cast.recipient.member.client, `${id}/acknowledgement`);
    expect(notPoc.statusCode).toBe(403);
    // A sender-org colleague who is not a POC cannot close.
    expect((await post(cast.sender.colleague.client, `${id}/closure`)).statusCode).toBe(403);
    // A recipient POC cannot close the sender's request.
    expect((await post(technical, `${id}/closure`)).statusCode).toBe(403);
    // Someone who cannot read it gets 404, whatever the action.
    expect((await post(cast.third.member.client, `${id}/acknowledgement`)).statusCode).toBe(404);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/v1/assistance-requests/${id}/acknowledgement`,
          payload: {},
        })
      ).statusCode,
    ).toBe(404);
  });

  it('asks a POC without two-factor sign-in to turn it on (mfa_required)', async () => {
    const user = await createUser(t.database.db);
    await addMember(t.database.db, cast.sender.orgId, user.id);
    await createPoc(t.database.db, { orgId: cast.sender.orgId, userId: user.id, role: 'policy' });
    const client = await signIn(t.app, user.email);
    const response = await sendRequest(client, requestBody(cast));
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('mfa_required');
    // Not a POC at all: plain forbidden.
    const colleague = await sendRequest(cast.sender.colleague.client, requestBody(cast));
    expect(colleague.statusCode).toBe(403);
    expect(colleague.json().code).toBe('forbidden');
    // Sending for an organization one is not a POC of.
    const other = await sendRequest(cast.recipient.technical.client, requestBody(cast));
    expect(other.json().code).toBe('forbidden');
  });

  it('creates once per Idempotency-Key', async () => {
    const before = await countRows(t.database.db, 'assistance_requests');
    const body = requestBody(cast, { title: 'Idempotent phishing wave' });
    const first = await sendRequest(cast.sender.poc.client, body, 'key-rfa-1');
    const second = await sendRequest(cast.sender.poc.client, body, 'key-rfa-1');
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    expect(await countRows(t.database.db, 'assistance_requests')).toBe(before + 1);
    const reused = await sendRequest(
      cast.sender.poc.client,
      { ...body, title: 'Something else' },
      'key-rfa-1',
    );
    expect(reused.json().code).toBe('idempotency_key_reused');
  });

  it('refuses invalid requests with 4xx problems and writes nothing', async () => {
    const before = await countRows(t.database.db, 'assistance_requests');
    const inPast = new Date(Date.now() - 60_000).toISOString();
    const cases: [Record<string, unknown>, number, string][] = [
      [{ tlp: undefined }, 400, 'validation_failed'],
      [{ tlp: 'TLP:WHITE' }, 400, 'validation_failed'],
      [{ type: 'gossip' }, 400, 'validation_failed'],
      [{ sector: 'nowhere' }, 400, 'validation_failed'],
      [{ assistanceRequested: ['world_peace'] }, 400, 'validation_failed'],
      [{ recipientOrgIds: [] }, 400, 'validation_failed'],
      [{ recipientOrgIds: [cast.recipient.orgId, cast.recipient.orgId] }, 400, 'validation_failed'],
      [{ title: 'x'.repeat(201) }, 400, 'validation_failed'],
      [{ description: 'x'.repeat(20_001) }, 400, 'validation_failed'],
      [{ unexpected: true }, 400, 'validation_failed'],
      [{ responseLanguage: 'not a language' }, 400, 'validation_failed'],
      [{ acknowledgeBy: inPast }, 422, 'invalid_deadline'],
      [
        {
          acknowledgeBy: new Date(Date.now() + 7_200_000).toISOString(),
          respondBy: new Date(Date.now() + 3_600_000).toISOString(),
        },
        422,
        'invalid_deadline',
      ],
      [{ recipientOrgIds: [cast.sender.orgId] }, 422, 'invalid_recipient'],
      [{ recipientOrgIds: [cast.unverified.orgId] }, 422, 'invalid_recipient'],
      [{ recipientOrgIds: ['org_doesnotexist'] }, 422, 'invalid_recipient'],
      [{ recipientOrgIds: [cast.third.orgId] }, 422, 'no_point_of_contact'],
      [
        {
          attachments: [
            { fileName: 'a.bin', mediaType: 'application/octet-stream', contentBase64: '!!!notbase64' },
          ],
        },
        400,
        'invalid_base64',
      ],
      [
        {
          attachments: Array.from({ length: 6 }, (_, n) => ({
            fileName: `f${n}.txt`,
            mediaType: 'text/plain',
            contentBase64: 'aGVsbG8=',
          })),
        },
        400,
        'validation_failed',
      ],
      [
        { attachments: [{ fileName: '../etc/passwd', mediaType: 'text/plain', contentBase64: 'aGVsbG8=' }] },
        400,
        'validation_failed',
      ],
    ];
    for (const [overrides, status, code] of cases) {
      const response = await sendRequest(cast.sender.poc.client, requestBody(cast, overrides));
      expect(response.statusCode, JSON.stringify(overrides).slice(0, 100)).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code, JSON.stringify(overrides).slice(0, 100)).toBe(code);
    }
    const noPoc = (
      await sendRequest(cast.sender.poc.client, requestBody(cast, { recipientOrgIds: [cast.third.orgId] }))
    ).json();
    expect(noPoc.orgIds).toEqual([cast.third.orgId]);
    expect(await countRows(t.database.db, 'assistance_requests')).toBe(before);
    expect(await countRows(t.database.db, 'assistance_attachments')).toBeGreaterThanOrEqual(0);
  });

  it('answers a date that is no instant with 422 and a message naming the field, writing nothing', async () => {
    const before = await countRows(t.database.db, 'assistance_requests');
    const later = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ detectedAt: '2020-12-31T23:59:60Z' }, 'invalid_detected_at', 'detectedAt falls on a leap second'],
      [{ detectedAt: later(1) }, 'invalid_detected_at', 'detectedAt is in the future'],
      [{ acknowledgeBy: '2099-12-31T23:59:60Z' }, 'invalid_deadline', 'acknowledgeBy falls on a leap second'],
      [
        { acknowledgeBy: later(2), respondBy: '2099-06-30T23:59:60+00:00' },
        'invalid_deadline',
        'respondBy falls on a leap second',
      ],
    ];
    for (const [overrides, code, title] of cases) {
      const response = await sendRequest(cast.sender.poc.client, requestBody(cast, overrides));
      expect(response.statusCode, response.body).toBe(422);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe(code);
      expect(response.json().title).toContain(title);
    }
    expect(await countRows(t.database.db, 'assistance_requests')).toBe(before);

    // An offset is a valid way to give an instant: stored in UTC.
    const sent = await sendRequest(
      cast.sender.poc.client,
      requestBody(cast, { detectedAt: '2026-01-15T10:30:00+03:00', acknowledgeBy: later(3) }),
    );
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().detectedAt).toBe('2026-01-15T07:30:00.000Z');
  });

  it('refuses attachments over the upload limit', async () => {
    const small = await createTestApp(dialect, { UPLOAD_LIMIT_BYTES: '2048' });
    try {
      const smallCast = await createCast(small);
      const response = await sendRequest(
        smallCast.sender.poc.client,
        requestBody(smallCast, {
          attachments: [
            {
              fileName: 'dump.bin',
              mediaType: 'application/octet-stream',
              contentBase64: Buffer.alloc(4096).toString('base64'),
            },
          ],
        }),
      );
      expect(response.statusCode).toBe(413);
      expect(response.json().code).toBe('file_too_large');
      expect(await countRows(small.database.db, 'assistance_requests')).toBe(0);
    } finally {
      await small.close();
    }
  });

  describe('the personal-data guard', () => {
    it('refuses text with personal data unless confirmed, listing what it found', async () => {
      const before = await countRows(t.database.db, 'assistance_requests');
      const body = requestBody(cast, {
        description: 'The admin account was phished.\n\nBest regards,\nJane Smith',
        actionsTaken: 'Called the user on +254 20 123 4567 and wrote to jane.smith@hospital.example.',
      });
      const refused = await sendRequest(cast.sender.poc.client, body);
      expect(refused.statusCode).toBe(422);
      const problem = refused.json();
      expect(problem.code).toBe('personal_data_detected');
      expect(
        problem.findings.map((f: { field: string; kind: string; excerpt: string }) => [
          f.field,
          f.kind,
          f.excerpt,
        ]),
      ).toEqual([
        ['description', 'signature_name', 'Jane Smith'],
        ['actionsTaken', 'phone', '+254 20 123 4567'],
        ['actionsTaken', 'email', 'jane.smith@hospital.example'],
      ]);
      expect(await countRows(t.database.db, 'assistance_requests')).toBe(before);

      const confirmed = await sendRequest(cast.sender.poc.client, { ...body, personalDataConfirmed: true });
      expect(confirmed.statusCode).toBe(201);
      expect(await countRows(t.database.db, 'assistance_requests')).toBe(before + 1);

      // Messages in the thread pass the same guard.
      const messagesBefore = await countRows(t.database.db, 'assistance_messages');
      const url = `/api/v1/assistance-requests/${confirmed.json().id}/messages`;
      const message = { body: 'Please call me back on +41 22 917 12 34.' };
      const refusedMessage = await cast.sender.poc.client.request({ method: 'POST', url, payload: message });
      expect(refusedMessage.statusCode).toBe(422);
      expect(refusedMessage.json()).toMatchObject({
        code: 'personal_data_detected',
        findings: [{ field: 'body', kind: 'phone', excerpt: '+41 22 917 12 34' }],
      });
      expect(await countRows(t.database.db, 'assistance_messages')).toBe(messagesBefore);
      const sentMessage = await cast.sender.poc.client.request({
        method: 'POST',
        url,
        payload: { ...message, personalDataConfirmed: true },
      });
      expect(sentMessage.statusCode).toBe(201);
    });

    it('checks text for the composer', async () => {
      const response = await post(cast.sender.poc.client, 'personal-data-check', {
        text: 'Write to soc@cert.example\n\nCordialement,\nMarie Curie',
      });
      expect(response.statusCode).toBe(200);
      expect(response.json().findings.map((f: { kind: string }) => f.kind)).toEqual([
        'email',
        'signature_name',
      ]);
      const anonymous = await t.app.inject({
        method: 'POST',
        url: '/api/v1/assistance-requests/personal-data-check',
        payload: { text: 'x' },
      });
      expect(anonymous.statusCode).toBe(401);
    });
  });

  it('tells the organizations’ webhooks with metadata and the record, which the worker checks per endpoint', async () => {
    const now = new Date().toISOString();
    for (const orgId of [cast.sender.orgId, cast.recipient.orgId, cast.third.orgId]) {
      await t.database.db
        .insertInto('webhook_endpoints')
        .values({
          id: `whk_${orgId}`,
          org_id: orgId,
          url: 'https://hooks.example.test/cg',
          description: 'SOC',
          secret: 'whsec_test',
          event_types: JSON.stringify(['*']),
          status: 'active',
          consecutive_failures: 0,
          disabled_at: null,
          disabled_reason: null,
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    const id = (
      await sendRequest(cast.sender.poc.client, requestBody(cast, { tlp: 'TLP:AMBER+STRICT' }))
    ).json().id as string;
    await post(cast.recipient.technical.client, `${id}/acknowledgement`);
    const rows = await t.database.db
      .selectFrom('outbox')
      .select(['org_id', 'topic', 'payload'])
      .where('channel', '=', 'webhook')
      .execute();
    const mine = rows
      .map((row) => ({ orgId: row.org_id, topic: row.topic, payload: JSON.parse(row.payload) }))
      .filter((row) => row.payload.data.id === id);
    expect(mine.map((row) => [row.orgId, row.topic])).toEqual([
      [cast.sender.orgId, 'assistance_request.sent'],
      [cast.recipient.orgId, 'assistance_request.sent'],
      [cast.sender.orgId, 'assistance_request.acknowledged'],
      [cast.recipient.orgId, 'assistance_request.acknowledged'],
    ]);
    for (const row of mine) {
      expect(row.payload.record).toMatchObject({
        type: 'record',
        visibility: 'participants',
        tlp: 'TLP:AMBER+STRICT',
        ownerOrgId: cast.sender.orgId,
        participantOrgIds: [cast.recipient.orgId],
      });
      expect(Object.keys(row.payload.data).sort()).toEqual(
        [
          'acknowledgeBy',
          'id',
          'respondBy',
          'senderOrgId',
          'status',
          'tlp',
          'type',
          'url',
          ...(row.topic.endsWith('acknowledged') ? ['recipientOrgId'] : []),
        ].sort(),
      );
      expect(JSON.stringify(row.payload)).not.toContain('Ransomware');
    }
    await t.database.db
      .deleteFrom('webhook_endpoints')
      .execute()
      .catch(() => undefined);
  });

  it('takes {} as the body of an acknowledgement or closure; no body at all is a 400 problem', async () => {
    const id = (await sendRequest(cast.sender.poc.client, requestBody(cast))).json().id as string;
    const bare = await cast.recipient.technical.client.request({
      method: 'POST',
      url: `/api/v1/assistance-requests/${id}/acknowledgement`,
    });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().code).toBe('validation_failed');
    expect((await post(cast.recipient.technical.client, `${id}/acknowledgement`, {})).statusCode).toBe(200);
    expect((await post(cast.sender.poc.client, `${id}/closure`, {})).statusCode).toBe(200);
  });

  it('lists inbox and outbox with filters, statuses each side may see, and cursors', async () => {
    const mine = await sendRequest(
      cast.sender.poc.client,
      requestBody(cast, {
        title: 'Listed DDoS on the ministry portal',
        type: 'notification',
        recipientOrgIds: [cast.recipient.orgId, cast.second.orgId],
      }),
    );
    const id = mine.json().id as string;
    await post(cast.second.technical.client, `${id}/acknowledgement`);

    const outbox = await cast.sender.poc.client.request({
      url: '/api/v1/assistance-requests?box=outbox&type=notification',
    });
    expect(outbox.statusCode).toBe(200);
    const item = outbox.json().items.find((entry: { id: string }) => entry.id === id);
    expect(item.recipients.map((r: { status: string | null }) => r.status)).toEqual(['sent', 'acknowledged']);

    // CERT France sees its own status and not Chile's, but sees that Chile was addressed.
    const inbox = await cast.recipient.member.client.request({
      url: '/api/v1/assistance-requests?box=inbox&q=ddos',
    });
    expect(inbox.json().items.map((entry: { id: string }) => entry.id)).toEqual([id]);
    expect(inbox.json().items[0].recipients).toEqual([
      { org: { id: cast.recipient.orgId, name: 'CERT France' }, status: 'sent' },
      { org: { id: cast.second.orgId, name: 'CSIRT Chile' }, status: null },
    ]);
    const filtered = await cast.recipient.member.client.request({
      url: '/api/v1/assistance-requests?box=inbox&q=ddos&status=acknowledged',
    });
    expect(filtered.json().items).toEqual([]);
    // A LIKE wildcard in q is matched literally.
    const wildcard = await cast.recipient.member.client.request({
      url: '/api/v1/assistance-requests?box=inbox&q=%25',
    });
    expect(wildcard.json().items).toEqual([]);

    const page1 = await cast.sender.poc.client.request({
      url: '/api/v1/assistance-requests?box=outbox&limit=2',
    });
    expect(page1.json().items).toHaveLength(2);
    expect(page1.json().nextCursor).toBeTruthy();
    const page2 = await cast.sender.poc.client.request({
      url: `/api/v1/assistance-requests?box=outbox&limit=2&cursor=${page1.json().nextCursor}`,
    });
    const ids1 = page1.json().items.map((entry: { id: string }) => entry.id);
    const ids2 = page2.json().items.map((entry: { id: string }) => entry.id);
    expect(ids2.some((entry: string) => ids1.includes(entry))).toBe(false);
    expect(ids1[1] > ids2[0]).toBe(true);

    const csv = await cast.sender.poc.client.request({
      url: '/api/v1/assistance-requests/export.csv?box=outbox',
    });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe(
      'id,tlp,type,title,sender_organization,recipients,urgency,acknowledge_by,respond_by,acknowledge_overdue,response_overdue,created_at,closed_at',
    );
    expect(csv.body).toContain(`${id},TLP:AMBER,notification,Listed DDoS on the ministry portal,CERT Kenya`);

    expect((await t.app.inject({ url: '/api/v1/assistance-requests?box=inbox' })).statusCode).toBe(401);
  });
});

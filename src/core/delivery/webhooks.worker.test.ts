import { createHmac, timingSafeEqual } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, expect, it } from 'vitest';
import { addMember, createOrganization, createUser } from '../../../test/factories.ts';
import {
  startWebhookReceiver,
  startWorker,
  type WebhookReceiver,
  type WorkerHarness,
  waitUntil,
} from '../../../test/fixtures/delivery-support.ts';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../../../test/harness/databases.ts';
import type { SystemActor } from '../access/actor.ts';
import { newId, nowIso } from '../db/ids.ts';
import { inTransaction } from '../db/transaction.ts';
import { enqueueOrgEvent } from './outbox.ts';
import { createWebhook } from './webhooks.service.ts';

const SYSTEM: SystemActor = { type: 'system', label: 'test' };
// Mail (to the admins of a disabled endpoint) goes to files in a temporary directory.
const MAIL_TO_FILES = { SMTP_URL: '', DATA_DIR: join(tmpdir(), `cg-webhook-tests-${process.pid}`) };
const ALLOW_LOOPBACK = { ...MAIL_TO_FILES, WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' };

/** What a receiver does with a Standard Webhooks request, written from the specification, not from our code. */
function isSignatureValid(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
) {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signedContent = `${headers['webhook-id']}.${headers['webhook-timestamp']}.${body}`;
  const expected = createHmac('sha256', key).update(signedContent).digest();
  const offered = String(headers['webhook-signature'] ?? '')
    .split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => Buffer.from(entry.slice(3), 'base64'));
  return offered.some(
    (signature) => signature.length === expected.length && timingSafeEqual(signature, expected),
  );
}

afterAll(async () => {
  await rm(MAIL_TO_FILES.DATA_DIR, { recursive: true, force: true });
});

describeEachDialect('delivery worker, webhooks', (dialect) => {
  let database: TestDatabase;
  let receiver: WebhookReceiver;
  let harness: WorkerHarness | undefined;
  let orgId: string;
  let adminId: string;

  beforeEach(async () => {
    database = await openTestDatabase(dialect, { seedReference: false });
    receiver = await startWebhookReceiver();
    orgId = (await createOrganization(database.db)).id;
    const admin = await createUser(database.db, { email: `admin-${newId('x')}@example.test` });
    adminId = admin.id;
    await addMember(database.db, orgId, admin.id, 'org_admin');
  });

  afterEach(async () => {
    await harness?.stop();
    harness = undefined;
    await receiver.close();
    await database.destroy();
  });

  async function endpointRow(id: string) {
    return database.db
      .selectFrom('webhook_endpoints')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  }

  async function deliveryRows(endpointId: string) {
    return database.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('endpoint_id', '=', endpointId)
      .orderBy('id')
      .execute();
  }

  it('POSTs a signed Standard Webhooks request that the receiver can verify, and logs the attempt', async () => {
    harness = startWorker(database, ALLOW_LOOPBACK);
    const webhook = await createWebhook(harness.ctx, SYSTEM, orgId, {
      url: receiver.url,
      eventTypes: ['organization.member_added'],
    });
    const [messageId] = await inTransaction(harness.ctx, (trx) =>
      enqueueOrgEvent(trx, {
        orgId,
        type: 'organization.member_added',
        data: { userId: 'usr_1', role: 'member' },
      }),
    );
    await waitUntil(() => receiver.requests.length === 1, 'the webhook request');

    const request = receiver.requests[0]!;
    expect(request.headers['content-type']).toBe('application/json');
    expect(request.headers['webhook-id']).toBe(messageId);
    const timestamp = Number(request.headers['webhook-timestamp']);
    expect(Math.abs(timestamp - Date.now() / 1000)).toBeLessThan(10);
    expect(isSignatureValid(webhook.secret, request.headers, request.body)).toBe(true);
    expect(isSignatureValid(webhook.secret, request.headers, `${request.body} `)).toBe(false);
    const body = JSON.parse(request.body) as { type: string; timestamp: string; data: unknown };
    expect(body.type).toBe('organization.member_added');
    expect(body.data).toEqual({ userId: 'usr_1', role: 'member' });
    expect(Number.isNaN(Date.parse(body.timestamp))).toBe(false);

    await waitUntil(async () => (await deliveryRows(webhook.id)).length === 1, 'the delivery log row');
    expect(await deliveryRows(webhook.id)).toEqual([
      expect.objectContaining({
        message_id: messageId,
        attempt: 1,
        status_code: 200,
        is_success: 1,
        error: null,
      }),
    ]);
  });

  it('sends only the event types an endpoint subscribes to', async () => {
    harness = startWorker(database, ALLOW_LOOPBACK);
    await createWebhook(harness.ctx, SYSTEM, orgId, {
      url: receiver.url,
      eventTypes: ['organization.updated'],
    });
    await inTransaction(harness.ctx, async (trx) => {
      await enqueueOrgEvent(trx, { orgId, type: 'organization.member_removed', data: {} });
      await enqueueOrgEvent(trx, { orgId, type: 'organization.updated', data: { organizationId: orgId } });
    });
    await waitUntil(() => receiver.requests.length === 1, 'the subscribed event');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(receiver.requests.map((request) => JSON.parse(request.body).type)).toEqual([
      'organization.updated',
    ]);
  });

  it('retries after 500s with the same webhook-id, then succeeds and resets the failure count', async () => {
    harness = startWorker(database, ALLOW_LOOPBACK, { retrySchedule: [40, 40, 40, 40] });
    receiver.respondWith((count) => (count <= 2 ? 500 : 204));
    const webhook = await createWebhook(harness.ctx, SYSTEM, orgId, { url: receiver.url, eventTypes: ['*'] });
    const [messageId] = await inTransaction(harness.ctx, (trx) =>
      enqueueOrgEvent(trx, { orgId, type: 'organization.updated', data: {} }),
    );
    await waitUntil(async () => (await deliveryRows(webhook.id)).length === 3, 'three attempts');

    expect(receiver.requests.map((request) => [request.headers['webhook-id'], request.status])).toEqual([
      [messageId, 500],
      [messageId, 500],
      [messageId, 204],
    ]);
    for (const request of receiver.requests)
      expect(isSignatureValid(webhook.secret, request.headers, request.body)).toBe(true);
    const rows = await deliveryRows(webhook.id);
    expect(rows.map((row) => [row.attempt, row.status_code, row.is_success])).toEqual([
      [1, 500, 0],
      [2, 500, 0],
      [3, 204, 1],
    ]);
    expect(rows[0]!.error).toMatch(/^HTTP 500/);
    await waitUntil(
      async () =>
        (
          await database.db
            .selectFrom('outbox')
            .select('status')
            .where('id', '=', messageId!)
            .executeTakeFirstOrThrow()
        ).status === 'delivered',
      'the delivered status',
    );
    expect((await endpointRow(webhook.id)).consecutive_failures).toBe(0);
  });

  it('disables an endpoint after repeated failures, tells its admins, and stops sending to it', async () => {
    harness = startWorker(database, ALLOW_LOOPBACK, {
      retrySchedule: [20, 20, 20, 20, 20],
      webhookFailureThreshold: 4,
    });
    receiver.respondWith(500);
    const webhook = await createWebhook(harness.ctx, SYSTEM, orgId, { url: receiver.url, eventTypes: ['*'] });
    const [first] = await inTransaction(harness.ctx, (trx) =>
      enqueueOrgEvent(trx, { orgId, type: 'organization.updated', data: { n: 1 } }),
    );
    await waitUntil(
      async () => (await endpointRow(webhook.id)).status === 'disabled',
      'the endpoint to be disabled',
    );

    const endpoint = await endpointRow(webhook.id);
    expect(endpoint.consecutive_failures).toBe(4);
    expect(endpoint.disabled_at).not.toBeNull();
    expect(endpoint.disabled_reason).toMatch(/4 consecutive failed deliveries.*HTTP 500/);
    expect(receiver.requests).toHaveLength(4);
    expect(await deliveryRows(webhook.id)).toHaveLength(4);

    const firstRow = await database.db
      .selectFrom('outbox')
      .selectAll()
      .where('id', '=', first!)
      .executeTakeFirstOrThrow();
    expect(firstRow.status).toBe('dead');
    const audit = await database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'webhook.disabled')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_label: 'system:delivery', org_id: orgId, subject_id: webhook.id });
    const notifications = await database.db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', adminId)
      .execute();
    expect(notifications).toEqual([expect.objectContaining({ topic: 'webhook.disabled', org_id: orgId })]);
    const mails = await database.db
      .selectFrom('outbox')
      .selectAll()
      .where('topic', '=', 'webhook.disabled')
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0]!.channel).toBe('email');

    // A disabled endpoint gets nothing more: new events skip it, and queued ones were abandoned.
    await inTransaction(harness.ctx, (trx) =>
      enqueueOrgEvent(trx, { orgId, type: 'organization.updated', data: { n: 2 } }),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.requests).toHaveLength(4);
  });

  it('gives up on an endpoint that does not answer within the timeout, and logs why', async () => {
    harness = startWorker(database, ALLOW_LOOPBACK, { retrySchedule: [60_000], webhookTimeoutMs: 200 });
    receiver.respondWith(0);
    const webhook = await createWebhook(harness.ctx, SYSTEM, orgId, { url: receiver.url, eventTypes: ['*'] });
    await inTransaction(harness.ctx, (trx) =>
      enqueueOrgEvent(trx, { orgId, type: 'organization.updated', data: {} }),
    );
    await waitUntil(async () => (await deliveryRows(webhook.id)).length === 1, 'the timed-out attempt');
    const [attempt] = await deliveryRows(webhook.id);
    expect(attempt).toMatchObject({ is_success: 0, status_code: null, error: 'no answer within 0.2 s' });
    expect(attempt!.duration_ms).toBeGreaterThanOrEqual(190);
    expect(attempt!.duration_ms).toBeLessThan(2000);
    expect(receiver.requests).toHaveLength(1);
  });

  it('marks dead, unsent, the queued messages of an endpoint disabled in the meantime', async () => {
    harness = startWorker(database, ALLOW_LOOPBACK);
    const webhook = await createWebhook(harness.ctx, SYSTEM, orgId, { url: receiver.url, eventTypes: ['*'] });
    await harness.stop();
    const [messageId] = await inTransaction(harness.ctx, (trx) =>
      enqueueOrgEvent(trx, { orgId, type: 'organization.updated', data: {} }),
    );
    await database.db
      .updateTable('webhook_endpoints')
      .set({ status: 'disabled', disabled_at: nowIso(), disabled_reason: 'by hand' })
      .where('id', '=', webhook.id)
      .execute();
    harness = startWorker(database, ALLOW_LOOPBACK);
    await waitUntil(
      async () =>
        (
          await database.db
            .selectFrom('outbox')
            .select('status')
            .where('id', '=', messageId!)
            .executeTakeFirstOrThrow()
        ).status === 'dead',
      'the dead status',
    );
    expect(receiver.requests).toHaveLength(0);
  });

  it('refuses at send time an endpoint that resolves to a private address, without connecting', async () => {
    // The endpoint was accepted while the address was public; now it points at loopback (DNS changed).
    harness = startWorker(database, MAIL_TO_FILES, { retrySchedule: [60_000] });
    const now = nowIso();
    const endpointId = newId('whk');
    await database.db
      .insertInto('webhook_endpoints')
      .values({
        id: endpointId,
        org_id: orgId,
        url: receiver.url,
        description: '',
        secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        event_types: '["*"]',
        status: 'active',
        consecutive_failures: 0,
        disabled_at: null,
        disabled_reason: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await inTransaction(harness.ctx, (trx) =>
      enqueueOrgEvent(trx, { orgId, type: 'organization.updated', data: {} }),
    );
    await waitUntil(async () => (await deliveryRows(endpointId)).length === 1, 'the refused attempt');
    const [attempt] = await deliveryRows(endpointId);
    expect(attempt).toMatchObject({ is_success: 0, status_code: null });
    expect(attempt!.error).toMatch(/127\.0\.0\.1 is not a public internet address/);
    expect(receiver.requests).toHaveLength(0);
  });
});

import { createHmac, randomBytes } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { SystemActor } from '../access/actor.ts';
import { canReceive } from '../access/recipients.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { newId, nowIso } from '../db/ids.ts';
import type { WebhookEndpointsTable } from '../db/tables.ts';
import { inTransaction, type Trx } from '../db/transaction.ts';
import { notifyOrgAdmins } from '../orgs/notify-admins.ts';
import { assertSafeWebhookUrl, publicOnlyLookup } from './network-guard.ts';
import { type OutboxMessage, parsePayload } from './outbox.repository.ts';
import type { WebhookPayload } from './outbox.ts';
import { PermanentDeliveryError } from './permanent-error.ts';

/**
 * Sending side of webhooks, per Standard Webhooks (https://www.standardwebhooks.com): every request
 * carries `webhook-id` (the stable outbox id, for the receiver to deduplicate), `webhook-timestamp`
 * and `webhook-signature`, an HMAC-SHA256 over "{id}.{timestamp}.{body}".
 */

export const WEBHOOK_EVENT_TYPES = [
  'organization.updated',
  'organization.verification_changed',
  'organization.member_added',
  'organization.member_removed',
  'organization.member_role_changed',
  'webhook.test',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

const SECRET_PREFIX = 'whsec_';
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;
/** Consecutive failed attempts after which an endpoint is disabled (and its admins told). */
export const DEFAULT_WEBHOOK_FAILURE_THRESHOLD = 15;
// Enough of an error body to diagnose; the rest is drained unread.
const RESPONSE_EXCERPT_BYTES = 512;

const DELIVERY_ACTOR: SystemActor = { type: 'system', label: 'delivery' };

/** A new signing secret: `whsec_` and 32 random bytes in base64, as Standard Webhooks writes them. */
export function createWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

/** The `webhook-signature` value: `v1,` and the base64 HMAC-SHA256 keyed with the secret's decoded bytes. */
export function signWebhook(
  secret: string,
  messageId: string,
  timestampSeconds: number,
  body: string,
): string {
  const key = Buffer.from(
    secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret,
    'base64',
  );
  const signature = createHmac('sha256', key)
    .update(`${messageId}.${timestampSeconds}.${body}`)
    .digest('base64');
  return `v1,${signature}`;
}

/** Marks the endpoint's queued messages dead, so nothing more is sent to it. */
export async function abandonPendingMessages(
  trx: Trx,
  endpoint: { id: string; org_id: string },
  reason: string,
): Promise<void> {
  await trx
    .updateTable('outbox')
    .set({ status: 'dead', last_error: reason })
    .where('channel', '=', 'webhook')
    .where('status', '=', 'pending')
    .where('org_id', '=', endpoint.org_id)
    // The payload starts with the endpoint id (see enqueueWebhookMessage), so a prefix match finds its messages.
    .where('payload', 'like', `{"endpointId":"${endpoint.id}",%`)
    .execute();
}

export interface WebhookResponse {
  statusCode: number;
  excerpt: string;
}

interface PostOptions {
  timeoutMs: number;
  allowPrivateNetworks: boolean;
  agents: { http: HttpAgent; https: HttpsAgent };
}

function readExcerpt(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      if (size < RESPONSE_EXCERPT_BYTES) chunks.push(chunk);
      size += chunk.length;
    });
    response.on('end', () =>
      resolve(Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8')),
    );
    response.on('error', reject);
    // Cut off (the timeout aborted it, or the peer hung up) before the end: settles the promise all the same.
    response.on('close', () => {
      if (!response.complete) reject(new Error('the response was cut off before its end'));
    });
  });
}

/** One POST, redirects not followed: a redirect could lead anywhere, including past the address guard. */
async function postJson(
  url: URL,
  headers: Record<string, string>,
  body: string,
  options: PostOptions,
): Promise<WebhookResponse> {
  // The host is checked here as well as in `lookup`, because an IP-literal host is connected to without one.
  await assertSafeWebhookUrl(url.href, options.allowPrivateNetworks);
  const isHttps = url.protocol === 'https:';
  const send = isHttps ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        agent: isHttps ? options.agents.https : options.agents.http,
        signal: AbortSignal.timeout(options.timeoutMs),
        ...(options.allowPrivateNetworks ? {} : { lookup: publicOnlyLookup }),
      },
      (response) => {
        readExcerpt(response)
          .then((excerpt) => resolve({ statusCode: response.statusCode ?? 0, excerpt }))
          .catch(reject);
      },
    );
    request.on('error', (error) => {
      reject(
        error.name === 'AbortError' || error.name === 'TimeoutError'
          ? new Error(`no answer within ${options.timeoutMs / 1000} s`)
          : error,
      );
    });
    request.end(body);
  });
}

function describeFailure(error: unknown): string {
  const failure = error as { code?: string; message?: string };
  const message = failure.message ?? String(error);
  return failure.code && !message.includes(failure.code) ? `${failure.code}: ${message}` : message;
}

export interface WebhookSenderOptions {
  timeoutMs?: number;
  failureThreshold?: number;
  maxConnectionsPerHost?: number;
}

export interface WebhookSender {
  /** Resolves when the endpoint answered 2xx; rejects otherwise (`PermanentDeliveryError`: do not retry). */
  deliver(message: OutboxMessage): Promise<void>;
  close(): void;
}

export function createWebhookSender(ctx: AppContext, options: WebhookSenderOptions = {}): WebhookSender {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  const failureThreshold = options.failureThreshold ?? DEFAULT_WEBHOOK_FAILURE_THRESHOLD;
  // Kept-alive connections: a busy endpoint is not re-dialled (and re-handshaken) for every event.
  const maxSockets = options.maxConnectionsPerHost ?? 16;
  const agents = {
    http: new HttpAgent({ keepAlive: true, maxSockets }),
    https: new HttpsAgent({ keepAlive: true, maxSockets }),
  };

  async function assertMayReceive(endpoint: WebhookEndpointsTable, payload: WebhookPayload): Promise<void> {
    if (!payload.record) return;
    // Checked at send time, not only when queued: the organization's verification may have changed since.
    const org = await ctx.db
      .selectFrom('organizations')
      .select('verification_status')
      .where('id', '=', endpoint.org_id)
      .executeTakeFirst();
    const recipient = {
      kind: 'organization' as const,
      orgId: endpoint.org_id,
      isOrgVerified: org?.verification_status === 'verified',
    };
    if (!canReceive(recipient, payload.record)) {
      throw new PermanentDeliveryError('Withheld: the organization is outside the audience of the record.');
    }
  }

  async function disableEndpoint(endpoint: WebhookEndpointsTable, failures: number, lastError: string) {
    const reason = `${failures} consecutive failed deliveries; the last: ${lastError}`.slice(0, 500);
    await inTransaction(ctx, async (trx) => {
      const now = nowIso();
      const result = await trx
        .updateTable('webhook_endpoints')
        .set({ status: 'disabled', disabled_at: now, disabled_reason: reason, updated_at: now })
        .where('id', '=', endpoint.id)
        .where('status', '=', 'active')
        .executeTakeFirst();
      // Another worker's attempt got there first and has told everyone already.
      if (Number(result.numUpdatedRows) === 0) return;
      await abandonPendingMessages(trx, endpoint, 'The endpoint was disabled after repeated failures.');
      await recordAudit(trx, {
        actor: DELIVERY_ACTOR,
        orgId: endpoint.org_id,
        action: 'webhook.disabled',
        subjectType: 'webhook',
        subjectId: endpoint.id,
        summary: `Webhook ${endpoint.url} disabled after ${failures} consecutive failed deliveries`,
      });
      await notifyOrgAdmins(ctx, trx, endpoint.org_id, {
        topic: 'webhook.disabled',
        title: 'Webhook disabled',
        subject: 'a webhook was disabled',
        body: `The webhook ${endpoint.url} failed ${failures} times in a row and has been disabled. Last error: ${lastError}. Fix the receiver, then enable the webhook again.`,
        link: `/organizations/${endpoint.org_id}/webhooks`,
      });
    });
    ctx.log.warn({ endpointId: endpoint.id, failures }, 'webhook endpoint disabled');
  }

  /** Logs the attempt and keeps the endpoint's run of failures; true when this failure disabled it. */
  async function recordAttempt(
    endpoint: WebhookEndpointsTable,
    message: OutboxMessage,
    attempt: { statusCode: number | null; error: string | null; durationMs: number },
  ): Promise<boolean> {
    const isSuccess = attempt.error === null;
    const failures = await ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('webhook_deliveries')
        .values({
          id: newId('whd'),
          endpoint_id: endpoint.id,
          message_id: message.id,
          attempt: message.attempts,
          at: nowIso(),
          status_code: attempt.statusCode,
          is_success: isSuccess ? 1 : 0,
          error: attempt.error,
          duration_ms: attempt.durationMs,
        })
        .execute();
      const updated = await trx
        .updateTable('webhook_endpoints')
        .set((eb) => ({ consecutive_failures: isSuccess ? 0 : eb('consecutive_failures', '+', 1) }))
        .where('id', '=', endpoint.id)
        .returning('consecutive_failures')
        .executeTakeFirst();
      return updated?.consecutive_failures ?? 0;
    });
    if (isSuccess || failures < failureThreshold) return false;
    await disableEndpoint(endpoint, failures, attempt.error ?? 'unknown error');
    return true;
  }

  return {
    async deliver(message) {
      const payload = parsePayload<WebhookPayload>(message);
      const endpoint = await ctx.db
        .selectFrom('webhook_endpoints')
        .selectAll()
        .where('id', '=', payload.endpointId)
        .executeTakeFirst();
      if (!endpoint) throw new PermanentDeliveryError('The endpoint was deleted.');
      if (endpoint.status !== 'active') throw new PermanentDeliveryError('The endpoint is disabled.');
      await assertMayReceive(endpoint, payload);

      const body = JSON.stringify({ type: payload.type, timestamp: payload.timestamp, data: payload.data });
      const timestamp = Math.floor(Date.now() / 1000);
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'CommonGround-Webhooks/1',
        'webhook-id': message.id,
        'webhook-timestamp': String(timestamp),
        'webhook-signature': signWebhook(endpoint.secret, message.id, timestamp, body),
      };
      const started = performance.now();
      let statusCode: number | null = null;
      let error: string | null = null;
      try {
        const response = await postJson(new URL(endpoint.url), headers, body, {
          timeoutMs,
          allowPrivateNetworks: ctx.config.webhookAllowPrivateNetworks,
          agents,
        });
        statusCode = response.statusCode;
        if (statusCode < 200 || statusCode > 299) {
          error = `HTTP ${statusCode}${response.excerpt ? `: ${response.excerpt.replace(/\s+/g, ' ').slice(0, 200)}` : ''}`;
        }
      } catch (failure) {
        error = describeFailure(failure);
      }
      const durationMs = Math.round(performance.now() - started);
      const isDisabled = await recordAttempt(endpoint, message, { statusCode, error, durationMs });
      if (error === null) return;
      if (isDisabled) throw new PermanentDeliveryError(`${error} (the endpoint is now disabled)`);
      throw new Error(error);
    },
    close() {
      agents.http.destroy();
      agents.https.destroy();
    },
  };
}

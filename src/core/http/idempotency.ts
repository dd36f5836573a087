import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { nowIso } from '../db/ids.ts';
import { AppError } from './errors.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A creating POST: an `Idempotency-Key` header makes retries return the first answer. */
    isIdempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencyRecord?: { actorKey: string; key: string; rawKey: string };
  }
}

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/**
 * Whose answers a key replays: one credential's. Keyed by the session or the token as well as the user,
 * a kept answer never reaches another credential of the same person (a token scoped to another
 * organization, say), which the route's own access checks would have judged differently.
 */
function actorKeyOf(request: FastifyRequest): string {
  const actor = request.actor;
  if (actor.type === 'user') {
    const credential =
      actor.via === 'token' ? `token:${actor.tokenId ?? ''}` : `session:${actor.sessionId ?? ''}`;
    return `user:${actor.userId}:${credential}`;
  }
  return `address:${request.ip}`;
}

/**
 * Honours `Idempotency-Key` on creating POSTs: the first request's status and body are kept for 24 hours
 * and replayed to retries with the same key; the same key with a different request is refused.
 */
export function registerIdempotency(app: FastifyInstance): void {
  // Attached only to the routes that opt in, so every other request skips both hooks.
  app.addHook('onRoute', (route) => {
    if (!route.config?.isIdempotent) return;
    route.preHandler = [...toArray(route.preHandler), replayOrReserve];
    route.onSend = [...toArray(route.onSend), recordAnswer];
  });

  async function replayOrReserve(request: FastifyRequest, reply: FastifyReply) {
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    if (typeof header !== 'string' || !KEY_PATTERN.test(header)) {
      throw new AppError(
        400,
        'invalid_idempotency_key',
        'Idempotency-Key must be 1 to 255 printable characters.',
      );
    }
    const actorKey = actorKeyOf(request);
    const keyHash = createHash('sha256').update(header).digest('hex');
    const requestHash = createHash('sha256')
      .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
      .digest('hex');
    const db = app.ctx.db;
    const cutoff = new Date(Date.now() - 24 * 3600_000).toISOString();
    await db
      .deleteFrom('idempotency_keys')
      .where('created_at', '<', cutoff)
      .where('actor_key', '=', actorKey)
      .execute();
    const existing = await db
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('actor_key', '=', actorKey)
      .where('key', '=', keyHash)
      .executeTakeFirst();
    if (existing) {
      if (existing.request_hash !== requestHash) {
        throw new AppError(
          422,
          'idempotency_key_reused',
          'This Idempotency-Key was used for a different request.',
        );
      }
      if (existing.status_code === null) {
        throw new AppError(
          409,
          'idempotency_in_progress',
          'A request with this Idempotency-Key is still running.',
        );
      }
      reply.header('idempotent-replayed', 'true');
      return reply
        .status(existing.status_code)
        .header('content-type', 'application/json; charset=utf-8')
        .send(existing.response_body ? openBody(app.ctx.signingKey, header, existing.response_body) : '');
    }
    try {
      await db
        .insertInto('idempotency_keys')
        .values({
          actor_key: actorKey,
          key: keyHash,
          method: request.method,
          route: request.routeOptions.url ?? request.url,
          request_hash: requestHash,
          status_code: null,
          response_body: null,
          created_at: nowIso(),
        })
        .execute();
    } catch {
      throw new AppError(
        409,
        'idempotency_in_progress',
        'A request with this Idempotency-Key is still running.',
      );
    }
    request.idempotencyRecord = { actorKey, key: keyHash, rawKey: header };
  }

  async function recordAnswer(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
    const record = request.idempotencyRecord;
    if (!record) return payload;
    if (reply.statusCode >= 500) {
      // A server failure is not an answer: let the client retry with the same key.
      await app.ctx.db
        .deleteFrom('idempotency_keys')
        .where('actor_key', '=', record.actorKey)
        .where('key', '=', record.key)
        .execute();
      return payload;
    }
    await app.ctx.db
      .updateTable('idempotency_keys')
      .set({
        status_code: reply.statusCode,
        response_body:
          typeof payload === 'string' ? sealBody(app.ctx.signingKey, record.rawKey, payload) : null,
      })
      .where('actor_key', '=', record.actorKey)
      .where('key', '=', record.key)
      .execute();
    return payload;
  }
}

// Kept answers can hold secrets shown once (a new API token, a webhook secret). They are stored encrypted
// under a key derived from the Idempotency-Key itself, which is kept only as a hash: the database alone
// cannot give them back, only a client that still holds the key.
function bodyKey(signingKey: Buffer, idempotencyKey: string): Buffer {
  return createHmac('sha256', signingKey).update(`idempotency:${idempotencyKey}`).digest();
}

function sealBody(signingKey: Buffer, idempotencyKey: string, body: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', bodyKey(signingKey, idempotencyKey), iv);
  const sealed = Buffer.concat([cipher.update(body, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64');
}

function openBody(signingKey: Buffer, idempotencyKey: string, stored: string): string {
  const raw = Buffer.from(stored, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', bodyKey(signingKey, idempotencyKey), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

function toArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

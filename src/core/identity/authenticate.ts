import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type Actor, ANONYMOUS } from '../access/actor.ts';
import type { AppContext } from '../context.ts';
import { readChangeCountersOnce, VersionedCache } from '../db/change-counters.ts';
import { nowIso } from '../db/ids.ts';
import { AppError, unauthenticated } from '../http/errors.ts';
import { hashToken, safeEqual } from './crypto.ts';
import { csrfTokenFor, findLiveSession, SESSION_COOKIE } from './sessions.ts';
import { findMemberships } from './users.repository.ts';

export const API_TOKEN_PREFIX = 'cg_';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const TOKEN_TOUCH_INTERVAL_MS = 60_000;
/** The TAXII 2.1 server's paths, where clients authenticate as they do on the API. */
const TAXII_PATH = /^\/taxii2(?:[/?]|$)/;

async function actorFromApiToken(
  ctx: AppContext,
  token: string,
): Promise<{ actor: Actor; expiresAtMs: number }> {
  const row = await ctx.db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.org_id',
      'api_tokens.expires_at',
      'api_tokens.last_used_at',
      'users.id as user_id',
      'users.email',
      'users.display_name',
      'users.totp_enabled_at',
      'users.is_platform_admin',
      'users.disabled_at',
    ])
    .where('api_tokens.token_hash', '=', hashToken(token))
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row || row.disabled_at || Date.parse(row.expires_at) <= Date.now()) {
    throw new AppError(401, 'invalid_token', 'The API token is unknown, revoked or expired.');
  }
  // A token acts only within its organization, and only while its owner is still a member.
  const memberships = (await findMemberships(ctx.db, row.user_id)).filter((m) => m.orgId === row.org_id);
  if (memberships.length === 0) {
    throw new AppError(
      401,
      'invalid_token',
      'The API token owner is no longer a member of its organization.',
    );
  }
  if (!row.last_used_at || Date.now() - Date.parse(row.last_used_at) > TOKEN_TOUCH_INTERVAL_MS) {
    await ctx.db.updateTable('api_tokens').set({ last_used_at: nowIso() }).where('id', '=', row.id).execute();
  }
  const actor: Actor = {
    type: 'user',
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    isPlatformAdmin: row.is_platform_admin === 1,
    hasMfa: row.totp_enabled_at !== null,
    memberships,
    via: 'token',
    tokenId: row.id,
  };
  return { actor, expiresAtMs: Date.parse(row.expires_at) };
}

async function actorFromSession(
  ctx: AppContext,
  token: string,
): Promise<{ actor: Actor; expiresAtMs: number }> {
  const session = await findLiveSession(ctx, token);
  if (!session || session.disabled_at) return { actor: ANONYMOUS, expiresAtMs: 0 };
  const actor: Actor = {
    type: 'user',
    userId: session.user_id,
    email: session.email,
    displayName: session.display_name,
    isPlatformAdmin: session.is_platform_admin === 1,
    hasMfa: session.totp_enabled_at !== null,
    memberships: await findMemberships(ctx.db, session.user_id),
    via: 'session',
    sessionId: session.id,
  };
  return { actor, expiresAtMs: Date.parse(session.expires_at) };
}

interface CachedActor {
  actor: Actor;
  /** Past this instant the cache entry is not used: the session or token expired, or is due a touch. */
  validUntil: number;
}

// Resolving an actor costs two queries; most requests repeat the previous one's. Entries are tied to the
// `identity` change counter, which triggers bump on any change to users, memberships, organization
// verification and revocations, so a revoked session stops working at the very next request.
const actorCache = new VersionedCache<CachedActor>(10_000);
const TOUCH_MS = 60_000;

async function cachedActor(
  ctx: AppContext,
  request: FastifyRequest,
  key: string,
  resolve: () => Promise<{ actor: Actor; validUntil: number }>,
): Promise<Actor> {
  const { identity } = await readChangeCountersOnce(ctx.db, request);
  const hit = actorCache.get(key, identity);
  if (hit && hit.validUntil > Date.now()) return hit.actor;
  const resolved = await resolve();
  if (resolved.actor.type === 'user') actorCache.set(key, identity, resolved);
  else actorCache.delete(key);
  return resolved.actor;
}

/**
 * The API token of an Authorization header: `Bearer <token>`, or HTTP Basic with the token as the password
 * (any user name), which is how TAXII clients and other tools that only speak Basic send one.
 */
function apiTokenOf(authorization: string): string | null {
  const bearer = /^Bearer\s+(\S+)$/i.exec(authorization);
  if (bearer) return bearer[1]!.startsWith(API_TOKEN_PREFIX) ? bearer[1]! : null;
  const basic = /^Basic\s+([A-Za-z0-9+/=_-]+)$/i.exec(authorization);
  if (!basic) return null;
  const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const password = colon < 0 ? '' : decoded.slice(colon + 1);
  return password.startsWith(API_TOKEN_PREFIX) && !/\s/.test(password) ? password : null;
}

export async function resolveActor(ctx: AppContext, request: FastifyRequest): Promise<Actor> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const token = apiTokenOf(authorization);
    if (token === null) {
      throw new AppError(
        401,
        'invalid_token',
        'Send an API token as "Authorization: Bearer cg_…", or as the password of HTTP Basic authentication.',
      );
    }
    return cachedActor(ctx, request, `token:${hashToken(token)}`, async () => {
      const { actor, expiresAtMs } = await actorFromApiToken(ctx, token);
      return { actor, validUntil: Math.min(Date.now() + TOUCH_MS, expiresAtMs) };
    });
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return ANONYMOUS;
  return cachedActor(ctx, request, `session:${hashToken(cookie)}`, async () => {
    const { actor, expiresAtMs } = await actorFromSession(ctx, cookie);
    return { actor, validUntil: Math.min(Date.now() + TOUCH_MS, expiresAtMs) };
  });
}

/**
 * Resolves the actor for every API and TAXII request, and requires the session's CSRF token on
 * cookie-authenticated writes. Token requests (Bearer or Basic) carry no ambient authority, so need none.
 */
export function registerAuthentication(app: FastifyInstance): void {
  // null, not an object: Fastify shares decorator objects between requests, so each request sets its own.
  app.decorateRequest('actor', null as unknown as typeof ANONYMOUS);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') && !TAXII_PATH.test(request.url)) {
      request.actor = ANONYMOUS;
      return;
    }
    const actor = await resolveActor(app.ctx, request);
    request.actor = actor;
    if (actor.type === 'user' && actor.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      const expected = csrfTokenFor(app.ctx, actor.sessionId!);
      if (typeof sent !== 'string' || !safeEqual(sent, expected)) {
        throw new AppError(
          403,
          'csrf_failed',
          'The CSRF token is missing or wrong; reload the page and retry.',
        );
      }
    }
  });
}

export function requireUser(request: FastifyRequest) {
  const actor = request.actor;
  if (actor.type !== 'user') throw unauthenticated();
  return actor;
}

import type { FastifyReply } from 'fastify';
import type { AppContext } from '../context.ts';
import { newId, nowIso } from '../db/ids.ts';
import type { Trx } from '../db/transaction.ts';
import { hashToken, hmac, newSecret } from './crypto.ts';

export const SESSION_COOKIE = 'cg_session';

// Sliding expiry is refreshed at most this often, so reads do not turn into writes on every request.
const TOUCH_INTERVAL_MS = 60_000;

export interface NewSession {
  id: string;
  token: string;
  expiresAt: string;
}

export async function createSession(
  trx: Trx,
  ttlHours: number,
  userId: string,
  client: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = newSecret();
  const id = newId('ses');
  const now = nowIso();
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000).toISOString();
  await trx
    .insertInto('sessions')
    .values({
      id,
      user_id: userId,
      token_hash: hashToken(token),
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      ip: client.ip,
      user_agent: client.userAgent?.slice(0, 300) ?? null,
      revoked_at: null,
    })
    .execute();
  return { id, token, expiresAt };
}

/** The live session for a cookie token, with its user, in one query; undefined when ended or expired. */
export async function findLiveSession(ctx: AppContext, token: string) {
  const session = await ctx.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id as user_id',
      'users.email',
      'users.display_name',
      'users.is_platform_admin',
      'users.totp_enabled_at',
      'users.disabled_at',
    ])
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!session) return undefined;
  const now = Date.now();
  if (Date.parse(session.expires_at) <= now) return undefined;
  if (now - Date.parse(session.last_seen_at) > TOUCH_INTERVAL_MS) {
    await ctx.db
      .updateTable('sessions')
      .set({
        last_seen_at: new Date(now).toISOString(),
        expires_at: new Date(now + ctx.config.sessionTtlHours * 3600_000).toISOString(),
      })
      .where('id', '=', session.id)
      .execute();
  }
  return session;
}

/** The CSRF token is bound to the session: a forged request from another site cannot know it. */
export function csrfTokenFor(ctx: AppContext, sessionId: string): string {
  return hmac(ctx.signingKey, `csrf:${sessionId}`);
}

export function setSessionCookie(ctx: AppContext, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.isHttps,
    path: '/',
  });
}

export function clearSessionCookie(ctx: AppContext, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: ctx.config.isHttps,
    path: '/',
  });
}

export async function revokeUserSessions(trx: Trx, userId: string, exceptSessionId?: string): Promise<void> {
  let query = trx
    .updateTable('sessions')
    .set({ revoked_at: nowIso() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  await query.execute();
}

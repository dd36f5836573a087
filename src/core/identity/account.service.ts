import type { UserActor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { newId, nowIso } from '../db/ids.ts';
import { inTransaction } from '../db/transaction.ts';
import { AppError, notFound } from '../http/errors.ts';
import type { VerificationStatus } from '../orgs/kinds.ts';
import { API_TOKEN_PREFIX } from './authenticate.ts';
import { hashToken, newSecret } from './crypto.ts';
import { presentApiToken, presentMe, presentSession } from './identity.presenter.ts';
import { assertAcceptablePassword, hashPassword, verifyPassword } from './passwords.ts';
import { replaceRecoveryCodes } from './recovery-codes.ts';
import { revokeUserSessions } from './sessions.ts';
import { newTotpEnrolment, verifyTotp } from './totp.ts';
import { findMembershipsWithNames, findUserById } from './users.repository.ts';

async function getUser(ctx: AppContext, userId: string) {
  const user = await findUserById(ctx.db, userId);
  if (!user) throw notFound('User');
  return user;
}

export async function getMe(ctx: AppContext, userId: string) {
  const user = await getUser(ctx, userId);
  return presentMe(user, await findMembershipsWithNames(ctx.db, userId));
}

async function assertPassword(ctx: AppContext, userId: string, password: string): Promise<void> {
  const user = await getUser(ctx, userId);
  if (!(await verifyPassword(user.password_hash, password))) {
    throw new AppError(403, 'wrong_password', 'The password is wrong.');
  }
}

export async function updateProfile(
  ctx: AppContext,
  actor: UserActor,
  input: { displayName?: string; locale?: string },
) {
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('users')
      .set({
        ...(input.displayName !== undefined ? { display_name: input.displayName.trim() } : {}),
        ...(input.locale !== undefined ? { locale: input.locale } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', actor.userId)
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'user.profile_updated',
      subjectType: 'user',
      subjectId: actor.userId,
      summary: `${actor.email} updated their profile (${Object.keys(input).join(', ') || 'nothing'})`,
    });
  });
  return getMe(ctx, actor.userId);
}

export async function changePassword(ctx: AppContext, actor: UserActor, current: string, next: string) {
  await assertPassword(ctx, actor.userId, current);
  assertAcceptablePassword(next, actor.email);
  const passwordHash = await hashPassword(next);
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: nowIso() })
      .where('id', '=', actor.userId)
      .execute();
    // Other devices may be where the old password leaked: end their sessions.
    await revokeUserSessions(trx, actor.userId, actor.sessionId);
    await recordAudit(trx, {
      actor,
      action: 'user.password_changed',
      subjectType: 'user',
      subjectId: actor.userId,
      summary: `${actor.email} changed their password; other sessions ended`,
    });
  });
}

export async function startTotpEnrolment(ctx: AppContext, actor: UserActor) {
  const enrolment = await newTotpEnrolment(actor.email);
  await ctx.db
    .updateTable('users')
    .set({ totp_pending_secret: enrolment.secret })
    .where('id', '=', actor.userId)
    .execute();
  return enrolment;
}

export async function activateTotp(ctx: AppContext, actor: UserActor, code: string): Promise<string[]> {
  const user = await getUser(ctx, actor.userId);
  if (!user.totp_pending_secret) {
    throw new AppError(409, 'totp_not_started', 'Start the authenticator enrolment first.');
  }
  const step = await verifyTotp(user.totp_pending_secret, code);
  if (step === null) {
    throw new AppError(400, 'invalid_totp', 'The code is wrong or has expired.');
  }
  return inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('users')
      .set({
        totp_secret: user.totp_pending_secret,
        totp_pending_secret: null,
        totp_enabled_at: nowIso(),
        totp_last_step: step,
        updated_at: nowIso(),
      })
      .where('id', '=', actor.userId)
      .execute();
    const codes = await replaceRecoveryCodes(trx, actor.userId);
    await recordAudit(trx, {
      actor,
      action: 'user.totp_enabled',
      subjectType: 'user',
      subjectId: actor.userId,
      summary: `${actor.email} enabled two-factor authentication`,
    });
    return codes;
  });
}

export async function disableTotp(ctx: AppContext, actor: UserActor, password: string): Promise<void> {
  if (actor.isPlatformAdmin) {
    throw new AppError(403, 'totp_required_for_role', 'Platform admins must keep two-factor authentication.');
  }
  await assertPassword(ctx, actor.userId, password);
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('users')
      .set({ totp_secret: null, totp_pending_secret: null, totp_enabled_at: null, updated_at: nowIso() })
      .where('id', '=', actor.userId)
      .execute();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', actor.userId).execute();
    await recordAudit(trx, {
      actor,
      action: 'user.totp_disabled',
      subjectType: 'user',
      subjectId: actor.userId,
      summary: `${actor.email} disabled two-factor authentication`,
    });
  });
}

export async function regenerateRecoveryCodes(ctx: AppContext, actor: UserActor, password: string) {
  await assertPassword(ctx, actor.userId, password);
  const user = await getUser(ctx, actor.userId);
  if (!user.totp_enabled_at)
    throw new AppError(409, 'totp_not_enabled', 'Enable two-factor authentication first.');
  return inTransaction(ctx, async (trx) => {
    const codes = await replaceRecoveryCodes(trx, actor.userId);
    await recordAudit(trx, {
      actor,
      action: 'user.recovery_codes_replaced',
      subjectType: 'user',
      subjectId: actor.userId,
      summary: `${actor.email} replaced their recovery codes`,
    });
    return codes;
  });
}

export async function findSessions(ctx: AppContext, actor: UserActor) {
  const rows = await ctx.db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', actor.userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', nowIso())
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows.map((row) => presentSession(row, actor.sessionId));
}

export async function revokeSession(ctx: AppContext, actor: UserActor, sessionId: string): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const result = await trx
      .updateTable('sessions')
      .set({ revoked_at: nowIso() })
      .where('id', '=', sessionId)
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw notFound('Session');
    await recordAudit(trx, {
      actor,
      action: 'session.revoked',
      subjectType: 'session',
      subjectId: sessionId,
      summary: `${actor.email} ended a session`,
    });
  });
}

const tokenColumns = [
  'api_tokens.id',
  'api_tokens.name',
  'api_tokens.org_id',
  'organizations.name as org_name',
  'api_tokens.token_prefix',
  'api_tokens.created_at',
  'api_tokens.expires_at',
  'api_tokens.last_used_at',
] as const;

export async function findApiTokens(ctx: AppContext, actor: UserActor) {
  const rows = await ctx.db
    .selectFrom('api_tokens')
    .innerJoin('organizations', 'organizations.id', 'api_tokens.org_id')
    .select(tokenColumns)
    .where('api_tokens.user_id', '=', actor.userId)
    .where('api_tokens.revoked_at', 'is', null)
    .orderBy('api_tokens.id', 'desc')
    .execute();
  return rows.map(presentApiToken);
}

export async function createApiToken(
  ctx: AppContext,
  actor: UserActor,
  input: { name: string; organizationId: string; expiresInDays: number },
) {
  const org = await ctx.db
    .selectFrom('organizations')
    .select(['id', 'verification_status'])
    .where('id', '=', input.organizationId)
    .executeTakeFirst();
  if (!org) throw notFound('Organization');
  // Only members, signed in with a session, may mint a token for their organization.
  authorize(actor, 'organization.tokens.create', {
    type: 'organization',
    id: org.id,
    verificationStatus: org.verification_status as VerificationStatus,
  });
  const secret = `${API_TOKEN_PREFIX}${newSecret(32)}`;
  const id = newId('tok');
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('api_tokens')
      .values({
        id,
        user_id: actor.userId,
        org_id: input.organizationId,
        name: input.name.trim(),
        token_hash: hashToken(secret),
        token_prefix: secret.slice(0, 10),
        created_at: nowIso(),
        expires_at: new Date(Date.now() + input.expiresInDays * 86400_000).toISOString(),
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: input.organizationId,
      action: 'api_token.created',
      subjectType: 'api_token',
      subjectId: id,
      summary: `${actor.email} created API token "${input.name.trim()}" expiring in ${input.expiresInDays} days`,
    });
  });
  const row = await ctx.db
    .selectFrom('api_tokens')
    .innerJoin('organizations', 'organizations.id', 'api_tokens.org_id')
    .select(tokenColumns)
    .where('api_tokens.id', '=', id)
    .executeTakeFirstOrThrow();
  return { ...presentApiToken(row), token: secret };
}

export async function revokeApiToken(ctx: AppContext, actor: UserActor, tokenId: string): Promise<void> {
  await inTransaction(ctx, async (trx) => {
    const token = await trx
      .selectFrom('api_tokens')
      .select(['id', 'org_id', 'name'])
      .where('id', '=', tokenId)
      .where('user_id', '=', actor.userId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (!token) throw notFound('API token');
    await trx.updateTable('api_tokens').set({ revoked_at: nowIso() }).where('id', '=', tokenId).execute();
    await recordAudit(trx, {
      actor,
      orgId: token.org_id,
      action: 'api_token.revoked',
      subjectType: 'api_token',
      subjectId: tokenId,
      summary: `${actor.email} revoked API token "${token.name}"`,
    });
  });
}

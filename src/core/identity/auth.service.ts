import type { Kysely } from 'kysely';
import type { Actor } from '../access/actor.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { newId, nowIso } from '../db/ids.ts';
import type { Database } from '../db/tables.ts';
import { inTransaction, type Trx } from '../db/transaction.ts';
import { enqueueEmail } from '../delivery/outbox.ts';
import { AppError, badRequest } from '../http/errors.ts';
import { hashToken, newSecret } from './crypto.ts';
import { assertAcceptablePassword, hashPassword, verifyDecoy, verifyPassword } from './passwords.ts';
import { replaceRecoveryCodes, spendRecoveryCode } from './recovery-codes.ts';
import { createSession, csrfTokenFor, type NewSession, revokeUserSessions } from './sessions.ts';
import { assertNotThrottled, clearLoginFailures, recordLoginFailure, throttleKeys } from './throttle.ts';
import { newTotpEnrolment, spendTotpStep, verifyTotp } from './totp.ts';
import { findUserByEmail, hasPlatformAdmin, normalizeEmail } from './users.repository.ts';

export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

export interface SignInResult {
  userId: string;
  session: NewSession;
  csrfToken: string;
}

const invalidCredentials = () => new AppError(401, 'invalid_credentials', 'The e-mail or password is wrong.');

export async function login(
  ctx: AppContext,
  input: { email: string; password: string; totpCode?: string; recoveryCode?: string },
  client: ClientInfo,
  previousSessionId: string | undefined,
): Promise<SignInResult> {
  const email = normalizeEmail(input.email);
  const keys = throttleKeys(email, client.ip);
  await assertNotThrottled(ctx.db, keys);
  const user = await findUserByEmail(ctx.db, email);
  if (!user || user.disabled_at) {
    await verifyDecoy(input.password);
    await recordLoginFailure(ctx.db, keys);
    throw invalidCredentials();
  }
  if (!(await verifyPassword(user.password_hash, input.password))) {
    await recordLoginFailure(ctx.db, keys);
    throw invalidCredentials();
  }
  const isTotpOn = user.totp_enabled_at !== null && user.totp_secret !== null;
  if (isTotpOn && !input.totpCode && !input.recoveryCode) {
    throw new AppError(401, 'totp_required', 'Enter the six-digit code from your authenticator app.');
  }
  const result = await inTransaction(ctx, async (trx) => {
    if (isTotpOn) {
      let isSecondFactorValid: boolean;
      if (input.totpCode) {
        const step = await verifyTotp(user.totp_secret!, input.totpCode, user.totp_last_step ?? null);
        isSecondFactorValid = step !== null && (await spendTotpStep(trx, user.id, step));
      } else {
        isSecondFactorValid = await spendRecoveryCode(trx, user.id, input.recoveryCode!);
      }
      if (!isSecondFactorValid) return undefined;
    }
    // Rotation: a sign-in always starts a new session and ends the one the browser came with.
    if (previousSessionId) {
      await trx
        .updateTable('sessions')
        .set({ revoked_at: nowIso() })
        .where('id', '=', previousSessionId)
        .execute();
    }
    const session = await createSession(trx, ctx.config.sessionTtlHours, user.id, client);
    const actor: Actor = {
      type: 'user',
      userId: user.id,
      email: user.email,
      displayName: user.display_name,
      isPlatformAdmin: user.is_platform_admin === 1,
      hasMfa: isTotpOn,
      memberships: [],
      via: 'session',
      sessionId: session.id,
    };
    await recordAudit(trx, {
      actor,
      action: 'user.signed_in',
      subjectType: 'user',
      subjectId: user.id,
      summary: `${user.email} signed in${input.recoveryCode ? ' with a recovery code' : ''}`,
    });
    return session;
  });
  if (!result) {
    await recordLoginFailure(ctx.db, keys);
    throw new AppError(401, 'invalid_totp', 'The code is wrong or has expired.');
  }
  await clearLoginFailures(ctx.db, email);
  return { userId: user.id, session: result, csrfToken: csrfTokenFor(ctx, result.id) };
}

export async function logout(ctx: AppContext, actor: Actor): Promise<void> {
  if (actor.type !== 'user' || !actor.sessionId) return;
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('sessions')
      .set({ revoked_at: nowIso() })
      .where('id', '=', actor.sessionId!)
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'user.signed_out',
      subjectType: 'session',
      subjectId: actor.sessionId!,
      summary: `${actor.email} signed out`,
    });
  });
}

// ---- One-time links: first-admin setup and password reset ----

async function findUsableLink(db: Kysely<Database>, purpose: string, token: string) {
  const row = await db
    .selectFrom('one_time_tokens')
    .selectAll()
    .where('token_hash', '=', hashToken(token))
    .where('purpose', '=', purpose)
    .executeTakeFirst();
  if (!row || row.used_at || Date.parse(row.expires_at) <= Date.now()) {
    throw badRequest('invalid_token', 'This link is unknown, already used or expired. Ask for a new one.');
  }
  return row;
}

async function insertLink(
  trx: Trx,
  purpose: string,
  ttlHours: number,
  fields: { userId?: string; email?: string; payload?: Record<string, unknown> },
): Promise<string> {
  const token = newSecret();
  await trx
    .insertInto('one_time_tokens')
    .values({
      id: newId('otl'),
      purpose,
      token_hash: hashToken(token),
      user_id: fields.userId ?? null,
      email: fields.email ?? null,
      payload: fields.payload ? JSON.stringify(fields.payload) : null,
      created_at: nowIso(),
      expires_at: new Date(Date.now() + ttlHours * 3600_000).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

/**
 * A setup link creates a platform admin. Without `email` it is the first-admin link printed at start,
 * which works only while the instance has no platform admin; earlier unused first-admin links end.
 */
export async function createSetupLink(ctx: AppContext, options: { email?: string } = {}): Promise<string> {
  const token = await inTransaction(ctx, async (trx) => {
    if (!options.email) {
      await trx
        .updateTable('one_time_tokens')
        .set({ used_at: nowIso() })
        .where('purpose', '=', 'setup')
        .where('email', 'is', null)
        .where('used_at', 'is', null)
        .execute();
    }
    return insertLink(trx, 'setup', 24, options.email ? { email: normalizeEmail(options.email) } : {});
  });
  return `${ctx.config.publicUrl}/setup#token=${token}`;
}

export async function isSetupNeeded(ctx: AppContext): Promise<boolean> {
  return !(await hasPlatformAdmin(ctx.db));
}

export async function startSetupTotp(ctx: AppContext, token: string) {
  const link = await findUsableLink(ctx.db, 'setup', token);
  if (!link.email && !(await isSetupNeeded(ctx))) {
    throw badRequest('invalid_token', 'This instance already has a platform admin.');
  }
  const enrolment = await newTotpEnrolment(link.email ?? 'platform admin');
  await ctx.db
    .updateTable('one_time_tokens')
    .set({ payload: JSON.stringify({ totpSecret: enrolment.secret }) })
    .where('id', '=', link.id)
    .execute();
  return enrolment;
}

export async function completeSetup(
  ctx: AppContext,
  input: {
    token: string;
    email: string;
    displayName: string;
    password: string;
    totpCode: string;
    locale?: string;
  },
  client: ClientInfo,
): Promise<SignInResult & { recoveryCodes: string[] }> {
  const email = normalizeEmail(input.email);
  assertAcceptablePassword(input.password, email);
  const passwordHash = await hashPassword(input.password);
  return inTransaction(ctx, async (trx) => {
    const link = await findUsableLink(trx, 'setup', input.token);
    if (link.email && link.email !== email) {
      throw badRequest('email_mismatch', 'This setup link was issued for another e-mail address.');
    }
    if (!link.email && (await hasPlatformAdmin(trx))) {
      throw badRequest('invalid_token', 'This instance already has a platform admin.');
    }
    const secret = link.payload
      ? (JSON.parse(link.payload) as { totpSecret?: string }).totpSecret
      : undefined;
    if (!secret) throw badRequest('totp_not_started', 'Start the authenticator enrolment first.');
    const step = await verifyTotp(secret, input.totpCode);
    if (step === null) {
      throw new AppError(400, 'invalid_totp', 'The code is wrong or has expired.');
    }
    if (await findUserByEmail(trx, email)) {
      throw new AppError(409, 'email_taken', 'An account with this e-mail already exists.');
    }
    const now = nowIso();
    const userId = newId('usr');
    await trx
      .insertInto('users')
      .values({
        id: userId,
        email,
        display_name: input.displayName.trim(),
        password_hash: passwordHash,
        totp_secret: secret,
        totp_pending_secret: null,
        totp_enabled_at: now,
        totp_last_step: step,
        is_platform_admin: 1,
        locale: input.locale ?? 'en',
        created_at: now,
        updated_at: now,
        disabled_at: null,
      })
      .execute();
    await trx.updateTable('one_time_tokens').set({ used_at: now }).where('id', '=', link.id).execute();
    const recoveryCodes = await replaceRecoveryCodes(trx, userId);
    const session = await createSession(trx, ctx.config.sessionTtlHours, userId, client);
    await recordAudit(trx, {
      actor: { type: 'system', label: 'setup' },
      action: 'user.platform_admin_created',
      subjectType: 'user',
      subjectId: userId,
      summary: `Platform admin ${email} created through a setup link, with TOTP`,
    });
    return { userId, session, csrfToken: csrfTokenFor(ctx, session.id), recoveryCodes };
  });
}

export async function requestPasswordReset(ctx: AppContext, emailInput: string): Promise<void> {
  const email = normalizeEmail(emailInput);
  const user = await findUserByEmail(ctx.db, email);
  if (!user || user.disabled_at) return;
  const recent = await ctx.db
    .selectFrom('one_time_tokens')
    .select('id')
    .where('purpose', '=', 'password_reset')
    .where('user_id', '=', user.id)
    .where('created_at', '>', new Date(Date.now() - 60_000).toISOString())
    .executeTakeFirst();
  // One mail a minute per account at most: the endpoint answers the same either way.
  if (recent) return;
  await inTransaction(ctx, async (trx) => {
    const token = await insertLink(trx, 'password_reset', 1, { userId: user.id });
    const link = `${ctx.config.publicUrl}/password-reset/complete#token=${token}`;
    await enqueueEmail(
      trx,
      {
        to: user.email,
        subject: 'Common Ground: reset your password',
        text: `Someone asked to reset the password of your Common Ground account.\n\nTo choose a new password, open this link within one hour:\n${link}\n\nIf it was not you, ignore this message; your password stays as it is.`,
      },
      { topic: 'user.password_reset' },
    );
    await recordAudit(trx, {
      actor: { type: 'anonymous' },
      action: 'user.password_reset_requested',
      subjectType: 'user',
      subjectId: user.id,
      summary: `Password reset requested for ${user.email}`,
    });
  });
}

export async function completePasswordReset(ctx: AppContext, token: string, password: string): Promise<void> {
  const link = await findUsableLink(ctx.db, 'password_reset', token);
  const user = await ctx.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', link.user_id!)
    .executeTakeFirstOrThrow();
  assertAcceptablePassword(password, user.email);
  const passwordHash = await hashPassword(password);
  await inTransaction(ctx, async (trx) => {
    const used = await trx
      .updateTable('one_time_tokens')
      .set({ used_at: nowIso() })
      .where('id', '=', link.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(used.numUpdatedRows) !== 1) throw badRequest('invalid_token', 'This link was already used.');
    await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: nowIso() })
      .where('id', '=', user.id)
      .execute();
    await revokeUserSessions(trx, user.id);
    await recordAudit(trx, {
      actor: { type: 'anonymous' },
      action: 'user.password_reset',
      subjectType: 'user',
      subjectId: user.id,
      summary: `Password of ${user.email} reset through an e-mailed link; all sessions ended`,
    });
  });
}

import type { Actor, UserActor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { newId, nowIso } from '../db/ids.ts';
import { inTransaction } from '../db/transaction.ts';
import { enqueueEmail, enqueueOrgEvent, notifyUsers } from '../delivery/outbox.ts';
import { AppError, badRequest, conflict, notFound } from '../http/errors.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';
import { hashToken, newSecret } from '../identity/crypto.ts';
import { assertAcceptablePassword, hashPassword } from '../identity/passwords.ts';
import { createSession, csrfTokenFor, type NewSession } from '../identity/sessions.ts';
import { findUserByEmail, normalizeEmail } from '../identity/users.repository.ts';
import type { OrgRole, VerificationStatus } from './kinds.ts';
import { invitationStatus, presentInvitation } from './orgs.presenter.ts';
import { findActiveAdmins, findInvitationRows } from './orgs.repository.ts';
import { getOrganizationRow } from './orgs.service.ts';

const INVITATION_TTL_DAYS = 7;

const orgResource = (row: { id: string; verification_status: string }) => ({
  type: 'organization' as const,
  id: row.id,
  verificationStatus: row.verification_status as VerificationStatus,
});

export async function findInvitations(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  cursor?: string,
  limit = 50,
) {
  const org = await getOrganizationRow(ctx, actor, orgId);
  authorize(actor, 'organization.invitations.manage', orgResource(org));
  const after = decodeCursor(cursor);
  const rows = await findInvitationRows(
    ctx.db,
    orgId,
    after === undefined ? undefined : String(after),
    limit,
  );
  return toPage(rows, limit, (r) => r.id, presentInvitation);
}

export async function createInvitation(
  ctx: AppContext,
  actor: Actor,
  orgId: string,
  input: { email: string; role: OrgRole },
) {
  const org = await getOrganizationRow(ctx, actor, orgId);
  authorize(actor, 'organization.invitations.manage', orgResource(org));
  const inviter = actor as UserActor;
  const email = normalizeEmail(input.email);
  const existingUser = await findUserByEmail(ctx.db, email);
  if (existingUser) {
    const member = await ctx.db
      .selectFrom('memberships')
      .select('user_id')
      .where('org_id', '=', orgId)
      .where('user_id', '=', existingUser.id)
      .executeTakeFirst();
    if (member) throw conflict('already_member', `${email} is already a member of this organization.`);
  }
  const token = newSecret();
  const id = newId('inv');
  const now = nowIso();
  const expiresAt = new Date(Date.now() + INVITATION_TTL_DAYS * 86400_000).toISOString();
  await inTransaction(ctx, async (trx) => {
    // A new invitation to the same address replaces a pending one.
    await trx
      .updateTable('invitations')
      .set({ revoked_at: now })
      .where('org_id', '=', orgId)
      .where('email', '=', email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute();
    await trx
      .insertInto('invitations')
      .values({
        id,
        org_id: orgId,
        email,
        role: input.role,
        token_hash: hashToken(token),
        invited_by: inviter.userId,
        created_at: now,
        expires_at: expiresAt,
        accepted_at: null,
        accepted_by: null,
        revoked_at: null,
      })
      .execute();
    const link = `${ctx.config.publicUrl}/invitations/accept#token=${token}`;
    await enqueueEmail(
      trx,
      {
        to: email,
        subject: `Common Ground: ${inviter.displayName} invites you to join ${org.name}`,
        text: `${inviter.displayName} (${inviter.email}) invites you to join ${org.name} on Common Ground as ${
          input.role === 'org_admin' ? 'an organization admin' : 'a member'
        }.\n\nAccept within ${INVITATION_TTL_DAYS} days:\n${link}\n\nThe link works once. If you did not expect this, ignore this message.`,
      },
      { topic: 'invitation.created', orgId },
    );
    await recordAudit(trx, {
      actor,
      orgId,
      action: 'invitation.created',
      subjectType: 'invitation',
      subjectId: id,
      summary: `${inviter.email} invited ${email} to "${org.name}" as ${input.role}`,
    });
  });
  const row = await ctx.db
    .selectFrom('invitations')
    .leftJoin('users', 'users.id', 'invitations.invited_by')
    .selectAll('invitations')
    .select('users.email as invited_by_email')
    .where('invitations.id', '=', id)
    .executeTakeFirstOrThrow();
  return presentInvitation(row);
}

export async function revokeInvitation(ctx: AppContext, actor: Actor, orgId: string, invitationId: string) {
  const org = await getOrganizationRow(ctx, actor, orgId);
  authorize(actor, 'organization.invitations.manage', orgResource(org));
  await inTransaction(ctx, async (trx) => {
    const result = await trx
      .updateTable('invitations')
      .set({ revoked_at: nowIso() })
      .where('id', '=', invitationId)
      .where('org_id', '=', orgId)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw notFound('Pending invitation');
    await recordAudit(trx, {
      actor,
      orgId,
      action: 'invitation.revoked',
      subjectType: 'invitation',
      subjectId: invitationId,
      summary: `Invitation ${invitationId} to "${org.name}" revoked`,
    });
  });
}

async function getPendingInvitation(ctx: AppContext, token: string) {
  const row = await ctx.db
    .selectFrom('invitations')
    .innerJoin('organizations', 'organizations.id', 'invitations.org_id')
    .selectAll('invitations')
    .select('organizations.name as org_name')
    .where('invitations.token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || invitationStatus(row) !== 'pending') {
    throw badRequest('invalid_token', 'This invitation is unknown, already used, revoked or expired.');
  }
  return row;
}

export async function lookupInvitation(ctx: AppContext, token: string) {
  const row = await getPendingInvitation(ctx, token);
  return {
    organizationName: row.org_name,
    email: row.email,
    role: row.role as OrgRole,
    expiresAt: row.expires_at,
    hasAccount: (await findUserByEmail(ctx.db, row.email)) !== undefined,
  };
}

export interface AcceptResult {
  userId: string;
  /** Present when the invitation created the account and signed it in. */
  signIn?: { session: NewSession; csrfToken: string };
}

export async function acceptInvitation(
  ctx: AppContext,
  actor: Actor,
  input: { token: string; displayName?: string; password?: string; locale?: string },
  client: { ip: string | null; userAgent: string | null },
): Promise<AcceptResult> {
  const invitation = await getPendingInvitation(ctx, input.token);
  const existing = await findUserByEmail(ctx.db, invitation.email);
  let passwordHash: string | undefined;
  if (existing) {
    if (actor.type !== 'user') {
      throw new AppError(401, 'authentication_required', `Sign in as ${invitation.email} to accept.`);
    }
    if (actor.userId !== existing.id) {
      throw conflict(
        'signed_in_as_other_user',
        `This invitation is for ${invitation.email}; sign in with that account.`,
      );
    }
  } else {
    if (!input.displayName?.trim() || !input.password) {
      throw badRequest('account_details_required', 'Give your name and a password to create your account.');
    }
    assertAcceptablePassword(input.password, invitation.email);
    passwordHash = await hashPassword(input.password);
  }
  return inTransaction(ctx, async (trx) => {
    const now = nowIso();
    const claimed = await trx
      .updateTable('invitations')
      .set({ accepted_at: now })
      .where('id', '=', invitation.id)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1)
      throw badRequest('invalid_token', 'This invitation was already used.');
    let userId = existing?.id;
    let signIn: AcceptResult['signIn'];
    if (!userId) {
      userId = newId('usr');
      await trx
        .insertInto('users')
        .values({
          id: userId,
          email: invitation.email,
          display_name: input.displayName!.trim(),
          password_hash: passwordHash!,
          totp_secret: null,
          totp_pending_secret: null,
          totp_enabled_at: null,
          is_platform_admin: 0,
          locale: input.locale ?? 'en',
          created_at: now,
          updated_at: now,
          disabled_at: null,
        })
        .execute();
      const session = await createSession(trx, ctx.config.sessionTtlHours, userId, client);
      signIn = { session, csrfToken: csrfTokenFor(ctx, session.id) };
    }
    await trx
      .updateTable('invitations')
      .set({ accepted_by: userId })
      .where('id', '=', invitation.id)
      .execute();
    await trx
      .insertInto('memberships')
      .values({ org_id: invitation.org_id, user_id: userId, role: invitation.role, created_at: now })
      .onConflict((oc) => oc.columns(['org_id', 'user_id']).doNothing())
      .execute();
    const acceptingActor: Actor = existing ? actor : { type: 'system', label: 'invitation' };
    await recordAudit(trx, {
      actor: acceptingActor,
      orgId: invitation.org_id,
      action: 'invitation.accepted',
      subjectType: 'invitation',
      subjectId: invitation.id,
      summary: `${invitation.email} accepted the invitation and joined "${invitation.org_name}" as ${invitation.role}${
        existing ? '' : ' (new account)'
      }`,
    });
    await notifyUsers(trx, {
      userIds: (await findActiveAdmins(trx, invitation.org_id))
        .map((a) => a.user_id)
        .filter((id) => id !== userId),
      orgId: invitation.org_id,
      topic: 'organization.member_added',
      title: 'New member',
      body: `${invitation.email} joined ${invitation.org_name} as ${invitation.role}.`,
      link: `/organizations/${invitation.org_id}`,
    });
    await enqueueOrgEvent(trx, {
      orgId: invitation.org_id,
      type: 'organization.member_added',
      data: { userId, role: invitation.role },
    });
    return { userId, ...(signIn ? { signIn } : {}) };
  });
}

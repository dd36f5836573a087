import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.ts';
import type { AppContext } from '../context.ts';
import { nowIso } from '../db/ids.ts';
import { inTransaction } from '../db/transaction.ts';
import { AppError, conflict, notFound } from '../http/errors.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';
import { presentAdminUser } from './identity.presenter.ts';
import { revokeUserSessions } from './sessions.ts';

/** Platform-admin management of accounts: listing, granting or removing admin powers, disabling. */

export async function findUsers(
  ctx: AppContext,
  actor: Actor,
  query: { q?: string; cursor?: string; limit?: number },
) {
  authorize(actor, 'users.manage', { type: 'platform' });
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor);
  let select = ctx.db.selectFrom('users').selectAll();
  if (query.q) {
    const pattern = `%${query.q.toLowerCase()}%`;
    select = select.where((eb) =>
      eb.or([eb('email', 'like', pattern), eb(eb.fn('lower', ['display_name']), 'like', pattern)]),
    );
  }
  if (after !== undefined) select = select.where('id', '>', String(after));
  const rows = await select
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, (r) => r.id, presentAdminUser);
}

export async function updateUser(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  input: { isPlatformAdmin?: boolean; isDisabled?: boolean },
) {
  authorize(actor, 'users.manage', { type: 'platform' });
  const user = await ctx.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) throw notFound('User');
  if (
    actor.type === 'user' &&
    actor.userId === userId &&
    (input.isPlatformAdmin === false || input.isDisabled)
  ) {
    throw conflict('cannot_demote_self', 'Ask another platform admin to remove your own powers.');
  }
  if (input.isPlatformAdmin && !user.totp_enabled_at) {
    throw new AppError(
      409,
      'totp_required_for_role',
      'The user must enable two-factor authentication first.',
    );
  }
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('users')
      .set({
        ...(input.isPlatformAdmin !== undefined ? { is_platform_admin: input.isPlatformAdmin ? 1 : 0 } : {}),
        ...(input.isDisabled !== undefined ? { disabled_at: input.isDisabled ? nowIso() : null } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', userId)
      .execute();
    if (input.isDisabled) await revokeUserSessions(trx, userId);
    const changes = [
      input.isPlatformAdmin !== undefined
        ? input.isPlatformAdmin
          ? 'made platform admin'
          : 'no longer platform admin'
        : '',
      input.isDisabled !== undefined ? (input.isDisabled ? 'disabled' : 'enabled') : '',
    ].filter(Boolean);
    await recordAudit(trx, {
      actor,
      action: 'user.updated_by_admin',
      subjectType: 'user',
      subjectId: userId,
      summary: `${user.email}: ${changes.join(', ') || 'no change'}`,
    });
  });
  const updated = await ctx.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return presentAdminUser(updated);
}

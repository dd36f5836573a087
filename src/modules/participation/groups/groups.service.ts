import type { Static } from 'typebox';
import { type Actor, authorize, type ChairedResource } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction } from '../../../core/db/transaction.ts';
import { badRequest, conflict, notFound } from '../../../core/http/errors.ts';
import { decodeStringCursor, toPage } from '../../../core/http/pagination.ts';
import { getOrganizationRow } from '../../../core/orgs/orgs.service.ts';
import { recordEvent } from '../follows/events.ts';
import { getProcessRow } from '../processes/processes.service.ts';
import { seatIn } from '../seats.ts';
import { presentGroup, presentGroupMember } from './groups.presenter.ts';
import { findChairsByGroup, findGroupMemberRows, findGroupRow, findGroupRows } from './groups.repository.ts';
import type { CreateGroup, UpdateGroup } from './groups.schemas.ts';

/** Groups are public, with their mandate, chairs and members. */
export async function getGroupRow(ctx: AppContext, id: string) {
  const row = await findGroupRow(ctx.db, id);
  if (!row) throw notFound('Group');
  return row;
}

/** What the access policy needs to judge the group's chair powers. */
export async function chairedResource(ctx: AppContext, groupId: string | null): Promise<ChairedResource> {
  if (groupId === null) return { type: 'chaired', chairUserIds: [] };
  const chairs = (await findChairsByGroup(ctx.db, [groupId])).get(groupId) ?? [];
  return { type: 'chaired', chairUserIds: chairs.map((chair) => chair.user_id) };
}

export async function getGroup(ctx: AppContext, id: string) {
  const row = await getGroupRow(ctx, id);
  const chairs = await findChairsByGroup(ctx.db, [id]);
  return presentGroup(row, chairs.get(id) ?? []);
}

export async function findGroups(
  ctx: AppContext,
  processId: string,
  query: { cursor?: string; limit?: number },
) {
  await getProcessRow(ctx, processId);
  const limit = query.limit ?? 50;
  const rows = await findGroupRows(ctx.db, processId, decodeStringCursor(query.cursor), limit);
  const chairs = await findChairsByGroup(
    ctx.db,
    rows.map((row) => row.id),
  );
  return toPage(
    rows,
    limit,
    (row) => row.id,
    (row) => presentGroup(row, chairs.get(row.id) ?? []),
  );
}

export async function createGroup(
  ctx: AppContext,
  actor: Actor,
  processId: string,
  input: Static<typeof CreateGroup>,
) {
  authorize(actor, 'process.manage', { type: 'platform' });
  const process = await getProcessRow(ctx, processId);
  const id = newId('grp');
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('working_groups')
      .values({
        id,
        process_id: processId,
        name: input.name.trim(),
        mandate: input.mandate,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordEvent(trx, {
      kind: 'group_created',
      processId,
      groupId: id,
      title: `New thematic group: ${input.name.trim()}`,
      summary: input.mandate.slice(0, 280),
      url: `/participation/groups/${id}`,
    });
    await recordAudit(trx, {
      actor,
      action: 'group.created',
      subjectType: 'working_group',
      subjectId: id,
      summary: `Thematic group "${input.name.trim()}" created in "${process.title}"`,
    });
  });
  return getGroup(ctx, id);
}

export async function updateGroup(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Static<typeof UpdateGroup>,
) {
  authorize(actor, 'process.manage', { type: 'platform' });
  const row = await getGroupRow(ctx, id);
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('working_groups')
      .set({
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.mandate !== undefined ? { mandate: input.mandate } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'group.updated',
      subjectType: 'working_group',
      subjectId: id,
      summary: `Thematic group "${row.name}" updated: ${Object.keys(input).join(', ')}`,
    });
  });
  return getGroup(ctx, id);
}

export async function appointChair(ctx: AppContext, actor: Actor, id: string, email: string) {
  authorize(actor, 'process.manage', { type: 'platform' });
  const group = await getGroupRow(ctx, id);
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'disabled_at'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  if (!user || user.disabled_at)
    throw badRequest('unknown_user', 'No active account has that e-mail address.');
  await inTransaction(ctx, async (trx) => {
    const existing = await trx
      .selectFrom('group_chairs')
      .select('user_id')
      .where('group_id', '=', id)
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    if (existing) throw conflict('already_chair', 'That person already chairs the group.');
    await trx
      .insertInto('group_chairs')
      .values({ group_id: id, user_id: user.id, created_at: nowIso() })
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'group.chair_appointed',
      subjectType: 'working_group',
      subjectId: id,
      summary: `${user.email} appointed chair of "${group.name}"`,
    });
  });
  return getGroup(ctx, id);
}

export async function removeChair(ctx: AppContext, actor: Actor, id: string, userId: string) {
  authorize(actor, 'process.manage', { type: 'platform' });
  const group = await getGroupRow(ctx, id);
  await inTransaction(ctx, async (trx) => {
    const removed = await trx
      .deleteFrom('group_chairs')
      .where('group_id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) !== 1) throw notFound('Chair');
    await recordAudit(trx, {
      actor,
      action: 'group.chair_removed',
      subjectType: 'working_group',
      subjectId: id,
      summary: `Chair ${userId} removed from "${group.name}"`,
    });
  });
  return getGroup(ctx, id);
}

export async function findGroupMembers(
  ctx: AppContext,
  id: string,
  query: { cursor?: string; limit?: number },
) {
  await getGroupRow(ctx, id);
  const limit = query.limit ?? 50;
  const rows = await findGroupMemberRows(ctx.db, id, decodeStringCursor(query.cursor), limit);
  return toPage(rows, limit, (row) => row.org_id, presentGroupMember);
}

/** States and accredited stakeholders join the groups that match their expertise. */
export async function joinGroup(ctx: AppContext, actor: Actor, id: string, orgId: string) {
  const group = await getGroupRow(ctx, id);
  const org = await getOrganizationRow(ctx, actor, orgId);
  authorize(actor, 'group.join', await seatIn(ctx, group.process_id, org.id));
  await inTransaction(ctx, async (trx) => {
    const existing = await trx
      .selectFrom('group_members')
      .select('org_id')
      .where('group_id', '=', id)
      .where('org_id', '=', org.id)
      .executeTakeFirst();
    if (existing) throw conflict('already_member', 'The organization is already in this group.');
    await trx
      .insertInto('group_members')
      .values({ group_id: id, org_id: org.id, joined_at: nowIso() })
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: org.id,
      action: 'group.joined',
      subjectType: 'working_group',
      subjectId: id,
      summary: `"${org.name}" joined "${group.name}"`,
    });
  });
  return getGroup(ctx, id);
}

export async function leaveGroup(ctx: AppContext, actor: Actor, id: string, orgId: string) {
  const group = await getGroupRow(ctx, id);
  const org = await getOrganizationRow(ctx, actor, orgId);
  // The organization's admin may always leave, even after losing its seat; the secretariat may
  // also remove an organization.
  authorize(actor, 'organization.update', {
    type: 'organization',
    id: org.id,
    verificationStatus: org.verification_status as 'verified',
  });
  await inTransaction(ctx, async (trx) => {
    const removed = await trx
      .deleteFrom('group_members')
      .where('group_id', '=', id)
      .where('org_id', '=', org.id)
      .executeTakeFirst();
    if (Number(removed.numDeletedRows) !== 1) throw notFound('Group member');
    await recordAudit(trx, {
      actor,
      orgId: org.id,
      action: 'group.left',
      subjectType: 'working_group',
      subjectId: id,
      summary: `"${org.name}" left "${group.name}"`,
    });
  });
  return getGroup(ctx, id);
}

import type { Db } from '../../../core/db/database.ts';
import type { Trx } from '../../../core/db/transaction.ts';

function selectGroups(db: Db | Trx) {
  return db
    .selectFrom('working_groups')
    .selectAll('working_groups')
    .select((eb) =>
      eb
        .selectFrom('group_members')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .whereRef('group_members.group_id', '=', 'working_groups.id')
        .as('member_count'),
    );
}

export function findGroupRow(db: Db | Trx, id: string) {
  return selectGroups(db).where('working_groups.id', '=', id).executeTakeFirst();
}

export function findGroupRows(db: Db, processId: string, after: string | undefined, limit: number) {
  let query = selectGroups(db)
    .where('working_groups.process_id', '=', processId)
    .orderBy('working_groups.id')
    .limit(limit + 1);
  if (after) query = query.where('working_groups.id', '>', after);
  return query.execute();
}

/** Chairs of the given groups, keyed by group. */
export async function findChairsByGroup(db: Db | Trx, groupIds: readonly string[]) {
  const byGroup = new Map<string, { user_id: string; display_name: string }[]>();
  if (groupIds.length === 0) return byGroup;
  const rows = await db
    .selectFrom('group_chairs')
    .innerJoin('users', 'users.id', 'group_chairs.user_id')
    .select(['group_chairs.group_id', 'group_chairs.user_id', 'users.display_name'])
    .where('group_chairs.group_id', 'in', [...groupIds])
    .orderBy('group_chairs.created_at')
    .execute();
  for (const row of rows) {
    const list = byGroup.get(row.group_id) ?? [];
    list.push({ user_id: row.user_id, display_name: row.display_name });
    byGroup.set(row.group_id, list);
  }
  return byGroup;
}

export function findGroupMemberRows(db: Db, groupId: string, afterOrgId: string | undefined, limit: number) {
  let query = db
    .selectFrom('group_members')
    .innerJoin('organizations', 'organizations.id', 'group_members.org_id')
    .select([
      'group_members.org_id',
      'group_members.joined_at',
      'organizations.name as org_name',
      'organizations.kind as org_kind',
      'organizations.country_code as org_country_code',
    ])
    .where('group_members.group_id', '=', groupId)
    .orderBy('group_members.org_id')
    .limit(limit + 1);
  if (afterOrgId) query = query.where('group_members.org_id', '>', afterOrgId);
  return query.execute();
}

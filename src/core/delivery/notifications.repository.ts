import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

type Reader = Kysely<Database>;

/** Newest first; `limit + 1` rows so the caller knows whether a next page exists. */
export function findNotificationRows(
  db: Reader,
  userId: string,
  query: { isUnreadOnly: boolean; beforeId?: string; limit: number },
) {
  let select = db
    .selectFrom('notifications')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
  if (query.isUnreadOnly) select = select.where('read_at', 'is', null);
  if (query.beforeId !== undefined) select = select.where('id', '<', query.beforeId);
  return select.execute();
}

export async function countUnreadNotifications(db: Reader, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

export function findNotificationRow(db: Reader, userId: string, id: string) {
  return db
    .selectFrom('notifications')
    .select(['id', 'read_at'])
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function markNotificationRead(
  db: Reader,
  userId: string,
  id: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .execute();
}

export async function markAllNotificationsRead(db: Reader, userId: string, at: string): Promise<void> {
  await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .execute();
}

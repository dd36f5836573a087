import type { UserActor } from '../access/actor.ts';
import type { AppContext } from '../context.ts';
import { nowIso } from '../db/ids.ts';
import { notFound } from '../http/errors.ts';
import { decodeCursor, toPage } from '../http/pagination.ts';
import { presentNotification } from './delivery.presenter.ts';
import {
  countUnreadNotifications,
  findNotificationRow,
  findNotificationRows,
  markAllNotificationsRead,
  markNotificationRead,
} from './notifications.repository.ts';

/** In-app notifications: each user reads and marks only their own, so the user is the whole access rule. */

export async function findNotifications(
  ctx: AppContext,
  user: UserActor,
  query: { unreadOnly?: boolean; cursor?: string; limit?: number },
) {
  const limit = query.limit ?? 50;
  const before = decodeCursor(query.cursor);
  const rows = await findNotificationRows(ctx.db, user.userId, {
    isUnreadOnly: query.unreadOnly === true,
    ...(before !== undefined ? { beforeId: String(before) } : {}),
    limit,
  });
  return toPage(rows, limit, (row) => row.id, presentNotification);
}

export async function countUnread(ctx: AppContext, user: UserActor) {
  return { count: await countUnreadNotifications(ctx.db, user.userId) };
}

/** Marking a notification read twice is fine; someone else's is reported as missing. */
export async function markRead(ctx: AppContext, user: UserActor, id: string): Promise<void> {
  const row = await findNotificationRow(ctx.db, user.userId, id);
  if (!row) throw notFound('Notification');
  if (row.read_at === null) await markNotificationRead(ctx.db, user.userId, id, nowIso());
}

export async function markAllRead(ctx: AppContext, user: UserActor): Promise<void> {
  await markAllNotificationsRead(ctx.db, user.userId, nowIso());
}

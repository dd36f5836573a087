import type { Trx } from '../../core/db/transaction.ts';
import { type InAppNotification, notifyUsers } from '../../core/delivery/outbox.ts';

/** Tells every active platform admin (the secretariat) in the app, e.g. of something to moderate. */
export async function notifySecretariat(
  trx: Trx,
  notification: Omit<InAppNotification, 'userIds'>,
): Promise<void> {
  const admins = await trx
    .selectFrom('users')
    .select('id')
    .where('is_platform_admin', '=', 1)
    .where('disabled_at', 'is', null)
    .execute();
  await notifyUsers(trx, { ...notification, userIds: admins.map((admin) => admin.id) });
}

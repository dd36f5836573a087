import type { AppContext } from '../context.ts';
import type { Trx } from '../db/transaction.ts';
import { enqueueEmail, notifyUsers } from '../delivery/outbox.ts';
import { findActiveAdmins } from './orgs.repository.ts';

export interface AdminNotice {
  topic: string;
  title: string;
  /** The e-mail subject; the product name is prefixed. */
  subject: string;
  body: string;
  /** An app path such as `/organizations/org_…`; the e-mail carries it as a full link. */
  link: string;
}

/** Tells an organization's active admins, in the app and by e-mail, inside the caller's transaction. */
export async function notifyOrgAdmins(
  ctx: AppContext,
  trx: Trx,
  orgId: string,
  notice: AdminNotice,
): Promise<void> {
  const admins = await findActiveAdmins(trx, orgId);
  await notifyUsers(trx, {
    userIds: admins.map((admin) => admin.user_id),
    orgId,
    topic: notice.topic,
    title: notice.title,
    body: notice.body,
    link: notice.link,
  });
  for (const admin of admins) {
    await enqueueEmail(
      trx,
      {
        to: admin.email,
        subject: `Common Ground: ${notice.subject}`,
        text: `${notice.body}\n\n${ctx.config.publicUrl}${notice.link}`,
      },
      { topic: notice.topic, orgId },
    );
  }
}

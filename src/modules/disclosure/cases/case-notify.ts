import type { AppContext } from '../../../core/context.ts';
import type { Trx } from '../../../core/db/transaction.ts';
import { enqueueEmail, enqueueOrgEvent, notifyUsers } from '../../../core/delivery/outbox.ts';
import { mailLanguage } from '../reports/report-mail.ts';
import { findAdminUserIds, findMemberUserIds, findUserContacts } from '../reports/reports.repository.ts';
import { participantLinkUrl } from './case-access.ts';
import { buildCaseMail, type CaseEvent, caseEventTitle } from './case-mail.ts';
import { casePath } from './cases.presenter.ts';
import type { CaseRow, ParticipantRow } from './cases.repository.ts';

export interface CaseNotice {
  row: Pick<CaseRow, 'id' | 'coordinator_org_id' | 'target_date' | 'report_id'>;
  event: CaseEvent;
  /** Tell the coordinating organization. */
  toCoordinators?: boolean;
  /** Tell these participants (removed ones are skipped). */
  participants?: readonly ParticipantRow[];
  /** Fresh link tokens to mail to participants without an account (invitations, reminders). */
  links?: ReadonlyMap<string, string>;
  embargoEndsAt?: string | null;
}

/**
 * Tells everyone concerned, in the change's transaction: organizations' members in the app, their admins by
 * e-mail, named accounts in the app and by e-mail, participants known only by an address by e-mail, and the
 * organizations' webhooks. Every notice carries the case id and the event only.
 */
export async function notifyCase(ctx: AppContext, trx: Trx, notice: CaseNotice): Promise<void> {
  const { row, event } = notice;
  const path = casePath(row.id);
  const link = `${ctx.config.publicUrl}${path}`;
  const details = {
    caseId: row.id,
    targetDate: row.target_date,
    embargoEndsAt: notice.embargoEndsAt ?? null,
  };
  const topic = `disclosure.case.${event}`;
  const orgIds = new Set<string>();
  const inAppUsers = new Set<string>();
  const mailUsers = new Set<string>();
  const addresses: { to: string; link: string | null }[] = [];

  if (notice.toCoordinators) orgIds.add(row.coordinator_org_id);
  for (const participant of notice.participants ?? []) {
    if (participant.removed_at !== null) continue;
    if (participant.org_id) orgIds.add(participant.org_id);
    if (participant.user_id) {
      inAppUsers.add(participant.user_id);
      mailUsers.add(participant.user_id);
    }
    const token = notice.links?.get(participant.id);
    if (participant.email && (!participant.org_id || token)) {
      addresses.push({
        to: participant.email,
        link: token ? participantLinkUrl(ctx.config.publicUrl, row.id, token) : null,
      });
    }
    if (participant.role === 'reporter' && !participant.user_id) {
      const report = await trx
        .selectFrom('vulnerability_reports')
        .select('reporter_email')
        .where('id', '=', row.report_id)
        .executeTakeFirst();
      if (report?.reporter_email) addresses.push({ to: report.reporter_email, link: null });
    }
  }
  for (const orgId of orgIds) {
    for (const member of await findMemberUserIds(trx, orgId)) inAppUsers.add(member.user_id);
    for (const admin of await findAdminUserIds(trx, orgId)) mailUsers.add(admin.user_id);
    await enqueueOrgEvent(trx, { orgId, type: topic, data: { caseId: row.id, event } });
  }

  const contacts = await findUserContacts(trx, [...new Set([...inAppUsers, ...mailUsers])]);
  for (const user of contacts) {
    const language = mailLanguage(user.locale);
    if (inAppUsers.has(user.id)) {
      await notifyUsers(trx, {
        userIds: [user.id],
        topic,
        title: `${caseEventTitle(event, language)}: ${row.id}`,
        body: '',
        link: path,
      });
    }
    if (mailUsers.has(user.id)) {
      await enqueueEmail(
        trx,
        { to: user.email, ...buildCaseMail(event, language, details, link) },
        { topic },
      );
    }
  }
  for (const address of addresses) {
    await enqueueEmail(
      trx,
      { to: address.to, ...buildCaseMail(event, 'en', details, address.link) },
      { topic },
    );
  }
}

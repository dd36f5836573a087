import type { AppContext } from '../../../core/context.ts';
import type { Trx } from '../../../core/db/transaction.ts';
import { enqueueEmail, enqueueOrgEvent, notifyUsers } from '../../../core/delivery/outbox.ts';
import { buildReportMail, mailLanguage, type ReportEvent, reportEventTitle } from './report-mail.ts';
import { findAdminUserIds, findMemberUserIds, findUserContacts } from './reports.repository.ts';

export interface NoticeReport {
  id: string;
  programName: string;
  programOrgId: string;
  status: string;
  language: string | null;
  reporterUserId: string | null;
  reporterEmail: string | null;
}

export function reportPath(id: string): string {
  return `/disclosure/reports/${id}`;
}

/**
 * Tells the program's organization, in the change's transaction: every active member in the app, the admins
 * by e-mail, and the organization's webhooks; all with the id and the event, never the content.
 */
export async function notifyProgram(ctx: AppContext, trx: Trx, report: NoticeReport, event: ReportEvent) {
  const memberIds = (await findMemberUserIds(trx, report.programOrgId)).map((row) => row.user_id);
  const adminIds = new Set((await findAdminUserIds(trx, report.programOrgId)).map((row) => row.user_id));
  const contacts = await findUserContacts(trx, memberIds);
  const link = `${ctx.config.publicUrl}${reportPath(report.id)}`;
  // One insert per language for the in-app notices, however many members the organization has.
  const byLanguage = new Map<ReturnType<typeof mailLanguage>, string[]>();
  for (const user of contacts) {
    const language = mailLanguage(user.locale);
    byLanguage.set(language, [...(byLanguage.get(language) ?? []), user.id]);
  }
  for (const [language, userIds] of byLanguage) {
    await notifyUsers(trx, {
      userIds,
      orgId: report.programOrgId,
      topic: `disclosure.report.${event}`,
      title: `${reportEventTitle(event, language)}: ${report.id}`,
      body: report.programName,
      link: reportPath(report.id),
    });
  }
  for (const user of contacts) {
    const language = mailLanguage(user.locale);
    if (adminIds.has(user.id)) {
      await enqueueEmail(
        trx,
        { to: user.email, ...buildReportMail(event, language, report, link) },
        { topic: `disclosure.report.${event}`, orgId: report.programOrgId },
      );
    }
  }
  await enqueueOrgEvent(trx, {
    orgId: report.programOrgId,
    type: `disclosure.report.${event}`,
    data: { id: report.id, status: report.status },
  });
}

/** Tells the reporter: in the app when signed in, and by e-mail where they gave an address, without the secret. */
export async function notifyReporter(ctx: AppContext, trx: Trx, report: NoticeReport, event: ReportEvent) {
  const [account] = report.reporterUserId ? await findUserContacts(trx, [report.reporterUserId]) : [];
  const language = mailLanguage(account?.locale ?? report.language);
  if (account) {
    await notifyUsers(trx, {
      userIds: [account.id],
      topic: `disclosure.report.${event}`,
      title: `${reportEventTitle(event, language)}: ${report.id}`,
      body: report.programName,
      link: reportPath(report.id),
    });
  }
  const to = report.reporterEmail ?? account?.email;
  if (!to) return;
  const link = account ? `${ctx.config.publicUrl}${reportPath(report.id)}` : null;
  await enqueueEmail(
    trx,
    { to, ...buildReportMail(event, language, report, link) },
    { topic: `disclosure.report.${event}` },
  );
}

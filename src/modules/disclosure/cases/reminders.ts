import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { nowIso } from '../../../core/db/ids.ts';
import { inTransaction } from '../../../core/db/transaction.ts';
import { createParticipantLink, loadCase } from './case-access.ts';
import { notifyCase } from './case-notify.ts';

/**
 * Vendors that have not answered are reminded toward the target date, then the coordinators are told at the
 * target date itself: a silent vendor stays visible as "no response yet" and never fades into "not affected".
 * Steps, by `reminder_level`: 0 a week after the invitation, 1 two weeks before the target, 2 three days before
 * it, 3 the escalation at the target date. A step that would come before the previous one is skipped.
 */
const DAY = 86_400_000;
const LAST_LEVEL = 3;

function stepAt(level: number, invitedAt: number, target: number): number {
  switch (level) {
    case 0:
      return Math.min(invitedAt + 7 * DAY, target - 3 * DAY);
    case 1:
      return target - 14 * DAY;
    case 2:
      return target - 3 * DAY;
    default:
      return target;
  }
}

/** When the first step falls due for a vendor invited now. */
export function firstReminderAt(invitedAt: string, targetDate: string): string {
  return new Date(
    Math.max(stepAt(0, Date.parse(invitedAt), Date.parse(targetDate)), Date.parse(invitedAt)),
  ).toISOString();
}

/** The level to act on and when: steps already overtaken by a later one are passed over. */
export function dueStep(level: number, invitedAt: string, targetDate: string, now: number) {
  const invited = Date.parse(invitedAt);
  const target = Date.parse(targetDate);
  let step = level;
  while (step < LAST_LEVEL && stepAt(step + 1, invited, target) <= now) step += 1;
  if (step > LAST_LEVEL) return null;
  return { level: step, at: stepAt(step, invited, target) };
}

export async function runCaseReminders(ctx: AppContext, now = new Date()): Promise<number> {
  const due = await ctx.db
    .selectFrom('disclosure_case_participants as p')
    .innerJoin('disclosure_cases as c', 'c.id', 'p.case_id')
    .select(['p.id', 'p.case_id', 'p.reminder_level', 'p.invited_at', 'c.target_date'])
    .where('p.role', '=', 'vendor')
    .where('p.removed_at', 'is', null)
    .where('p.responded_at', 'is', null)
    .where('c.status', '=', 'open')
    .where('c.published_at', 'is', null)
    .where('p.next_reminder_at', '<=', now.toISOString())
    .limit(200)
    .execute();
  let sent = 0;
  for (const participant of due) {
    const step = dueStep(
      participant.reminder_level,
      participant.invited_at,
      participant.target_date,
      now.getTime(),
    );
    await inTransaction(ctx, async (trx) => {
      if (!step || step.at > now.getTime()) {
        // Not due after all (the target moved): wait for the step's own time.
        await trx
          .updateTable('disclosure_case_participants')
          .set({ next_reminder_at: step ? new Date(step.at).toISOString() : null })
          .where('id', '=', participant.id)
          .where('reminder_level', '=', participant.reminder_level)
          .execute();
        return;
      }
      const next = dueStep(step.level + 1, participant.invited_at, participant.target_date, 0);
      const claimed = await trx
        .updateTable('disclosure_case_participants')
        .set({
          reminder_level: step.level + 1,
          next_reminder_at: step.level < LAST_LEVEL && next ? new Date(next.at).toISOString() : null,
        })
        .where('id', '=', participant.id)
        .where('reminder_level', '=', participant.reminder_level)
        .where('responded_at', 'is', null)
        .executeTakeFirst();
      // Another process took this step.
      if (Number(claimed.numUpdatedRows) !== 1) return;
      const loaded = await loadCase(trx, participant.case_id);
      const row = loaded?.participants.find((p) => p.id === participant.id);
      if (!loaded || !row) return;
      if (step.level === LAST_LEVEL) {
        await notifyCase(ctx, trx, { row: loaded.row, event: 'escalated', toCoordinators: true });
      } else {
        const token = row.email ? await createParticipantLink(trx, row.id) : null;
        await notifyCase(ctx, trx, {
          row: loaded.row,
          event: 'reminder',
          participants: [row],
          ...(token ? { links: new Map([[row.id, token]]) } : {}),
        });
      }
      await recordAudit(trx, {
        actor: { type: 'system', label: 'case-reminders' },
        orgId: loaded.row.coordinator_org_id,
        action: step.level === LAST_LEVEL ? 'disclosure_case.escalated' : 'disclosure_case.reminded',
        subjectType: 'disclosure_case',
        subjectId: loaded.row.id,
        summary: `${step.level === LAST_LEVEL ? 'No answer by the target date' : 'Reminder'}: "${row.name}" (${nowIso()})`,
      });
      sent += 1;
    });
  }
  return sent;
}

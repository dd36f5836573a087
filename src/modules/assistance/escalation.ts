import type { SystemActor } from '../../core/access/index.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { inTransaction } from '../../core/db/transaction.ts';
import { findCurrentPocs } from '../contacts/index.ts';
import { findDueEscalations } from './assistance.repository.ts';
import { notifyAssistance } from './notify.ts';
import { ESCALATION_ORDER } from './requests.service.ts';
import { loadRequest, senderPocOf } from './shared.ts';

const HOUR = 3_600_000;
const ESCALATOR: SystemActor = { type: 'system', label: 'assistance-escalation' };

/** Time between escalation steps: the time the sender gave to acknowledge, between 1 and 24 hours. */
function stepOf(request: { created_at: string; acknowledge_by: string }): number {
  const given = Date.parse(request.acknowledge_by) - Date.parse(request.created_at);
  return Math.min(24 * HOUR, Math.max(HOUR, given));
}

/**
 * A request not acknowledged by its deadline goes to the recipient organization's next POC role
 * (technical, then diplomatic, then policy; roles already addressed or without a POC are skipped), and the
 * sender hears of it. Each further step waits as long again (between 1 and 24 hours) until no role is
 * left. Acknowledging stops it. Safe to run in several processes at once: a step is claimed by moving the
 * recipient's level on with a conditional update, so two processes never take the same step.
 */
export async function escalateOverdueRequests(ctx: AppContext, now = new Date()): Promise<number> {
  let escalated = 0;
  // Bounded per run; the job runs every minute, and anything left over is due at the next run.
  const due = await findDueEscalations(ctx.db, now.toISOString(), 200);
  for (const row of due) {
    if (await escalateOne(ctx, row, now)) escalated++;
  }
  return escalated;
}

async function escalateOne(
  ctx: AppContext,
  due: { request_id: string; org_id: string; escalation_level: number; next_escalation_at: string | null },
  now: Date,
): Promise<boolean> {
  const nowText = now.toISOString();
  return inTransaction(ctx, async (trx) => {
    const loaded = await loadRequest(trx, due.request_id);
    if (!loaded || loaded.request.closed_at !== null) return false;
    const addressed = new Set(
      loaded.pocs.filter((poc) => poc.org_id === due.org_id).map((poc) => poc.poc_id),
    );
    const current = await findCurrentPocs(trx, [due.org_id]);
    const addressedRoles = new Set(current.filter((poc) => addressed.has(poc.id)).map((poc) => poc.role));
    const open = ESCALATION_ORDER.filter(
      (role) =>
        !addressedRoles.has(role) && current.some((poc) => poc.role === role && !addressed.has(poc.id)),
    );
    const nextRole = open[0];
    const added = nextRole ? current.filter((poc) => poc.role === nextRole && !addressed.has(poc.id)) : [];
    const level = due.escalation_level + 1;
    const next = open.length > 1 ? new Date(now.getTime() + stepOf(loaded.request)).toISOString() : null;

    const claimed = await trx
      .updateTable('assistance_recipients')
      .set({ escalation_level: level, next_escalation_at: next, updated_at: nowText })
      .where('request_id', '=', due.request_id)
      .where('org_id', '=', due.org_id)
      .where('status', '=', 'sent')
      .where('escalation_level', '=', due.escalation_level)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return false;

    if (added.length > 0) {
      await trx
        .insertInto('assistance_recipient_pocs')
        .values(
          added.map((poc) => ({
            request_id: due.request_id,
            org_id: due.org_id,
            poc_id: poc.id,
            user_id: poc.userId,
            added_at_level: level,
            added_at: nowText,
          })),
        )
        .execute();
    }
    const after = await loadRequest(trx, due.request_id);
    if (!after) return false;
    const recipient = after.recipients.find((row) => row.org_id === due.org_id);
    const org = { id: due.org_id, name: recipient?.org_name ?? due.org_id };
    await recordAudit(trx, {
      actor: ESCALATOR,
      orgId: due.org_id,
      action: 'assistance_request.escalated',
      subjectType: 'assistance_request',
      subjectId: due.request_id,
      summary: `${due.request_id} (${after.request.tlp}) not acknowledged by "${org.name}" in time: step ${level}${
        nextRole ? `, escalated to its ${nextRole} POCs (${added.length})` : ', no further POC role left'
      }`,
    });
    const common = {
      request: after.request,
      record: after.record,
      recipientOrgNames: after.recipients.map((row) => row.org_name),
      org,
      status: 'sent' as const,
      escalationLevel: level,
    };
    if (added.length > 0) {
      await notifyAssistance(ctx, trx, {
        ...common,
        event: 'escalated',
        mailTo: added,
        inAppUserIds: added.map((poc) => poc.userId),
        webhookOrgIds: [after.request.sender_org_id, due.org_id],
      });
    }
    await notifyAssistance(ctx, trx, {
      ...common,
      event: 'escalated_sender',
      mailTo: await senderPocOf(trx, after.request),
      inAppUserIds: [after.request.sender_user_id],
      webhookOrgIds: added.length > 0 ? [] : [after.request.sender_org_id, due.org_id],
    });
    return true;
  });
}

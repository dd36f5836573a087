import type { Static } from 'typebox';
import { type Actor, authorize } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction } from '../../../core/db/transaction.ts';
import { conflict, unprocessable } from '../../../core/http/errors.ts';
import {
  evaluateDecision,
  InvalidCvssVectorError,
  InvalidCweIdError,
  InvalidSsvcInputError,
  normaliseCweId,
  scoreCvss,
} from '../scoring/index.ts';
import { notifyReporter } from './report-notify.ts';
import { findReportRow, isActiveMember, type ReportRow } from './reports.repository.ts';
import type { ChangeStatus, SsvcDecisionInput, UpdateReport } from './reports.schemas.ts';
import { getReadableReport, getReport, noticeOf } from './reports.service.ts';

/** The report, if the actor works its program's queue (404 when they may not even read it). */
async function getTriageableReport(ctx: AppContext, actor: Actor, id: string): Promise<ReportRow> {
  const { row } = await getReadableReport(ctx, actor, id);
  authorize(actor, 'disclosure.report.triage', {
    type: 'disclosure_program',
    orgId: row.program_org_id,
    isPublished: row.program_status === 'published',
  });
  return row;
}

function scoredVector(vector: string, version: '3.1' | '4.0', field: string) {
  try {
    const scored = scoreCvss(vector);
    if (scored.version !== version) {
      throw unprocessable(
        'invalid_cvss_vector',
        `${field} must be a CVSS ${version} vector (CVSS:${version}/…).`,
        { field },
      );
    }
    return scored;
  } catch (error) {
    if (error instanceof InvalidCvssVectorError) {
      throw unprocessable('invalid_cvss_vector', `${field}: ${error.message}`, { field });
    }
    throw error;
  }
}

function normalisedCwes(ids: readonly string[]): string[] {
  try {
    return [...new Set(ids.map((id) => normaliseCweId(id)))];
  } catch (error) {
    if (error instanceof InvalidCweIdError) throw unprocessable('invalid_cwe_id', error.message);
    throw error;
  }
}

/** Triage fields: title and product (an encrypted report has none until a coordinator writes them), priority, assignee, exploitation, publicity, CVSS and CWE. */
export async function updateReport(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Static<typeof UpdateReport>,
) {
  const row = await getTriageableReport(ctx, actor, id);
  if (input.assigneeUserId && !(await isActiveMember(ctx.db, row.program_org_id, input.assigneeUserId))) {
    throw unprocessable(
      'invalid_assignee',
      "The assignee must be an active member of the program's organization.",
    );
  }
  const v3 = input.cvssV3Vector ? scoredVector(input.cvssV3Vector, '3.1', 'cvssV3Vector') : undefined;
  const v4 = input.cvssV4Vector ? scoredVector(input.cvssV4Vector, '4.0', 'cvssV4Vector') : undefined;
  const cwes = input.cweIds ? normalisedCwes(input.cweIds) : undefined;
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('vulnerability_reports')
      .set({
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.product !== undefined ? { product: input.product.trim() } : {}),
        ...(input.priority !== undefined ? { priority: input.priority } : {}),
        ...(input.assigneeUserId !== undefined ? { assignee_user_id: input.assigneeUserId } : {}),
        ...(input.exploitation ? { exploitation: input.exploitation } : {}),
        ...(input.publicity ? { publicity: input.publicity } : {}),
        ...(input.cvssV3Vector === null ? { cvss_v3_vector: null, cvss_v3_score: null } : {}),
        ...(v3 ? { cvss_v3_vector: v3.vector, cvss_v3_score: v3.baseScore } : {}),
        ...(input.cvssV4Vector === null ? { cvss_v4_vector: null, cvss_v4_score: null } : {}),
        // CVSS 4.0's score covers the whole vector (threat and environmental metrics too), as FIRST publishes it.
        ...(v4
          ? { cvss_v4_vector: v4.vector, cvss_v4_score: v4.version === '4.0' ? v4.score : v4.baseScore }
          : {}),
        ...(cwes ? { cwe_ids: JSON.stringify(cwes) } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: row.program_org_id,
      action: 'vulnerability_report.triaged',
      subjectType: 'vulnerability_report',
      subjectId: id,
      summary: `Triage of report ${id}: ${Object.keys(input).join(', ')}`,
    });
  });
  return getReport(ctx, actor, id);
}

/** The queue's own transitions; `coordinating` is reached by opening a case. */
const NEXT: Record<string, readonly string[]> = {
  received: ['acknowledged', 'tracked', 'closed'],
  acknowledged: ['tracked', 'closed'],
  tracked: ['acknowledged', 'closed'],
  coordinating: ['closed'],
  closed: ['acknowledged'],
};

export async function changeStatus(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Static<typeof ChangeStatus>,
) {
  const row = await getTriageableReport(ctx, actor, id);
  if (!NEXT[row.status]?.includes(input.status)) {
    throw conflict('invalid_transition', `A ${row.status} report cannot become ${input.status}.`);
  }
  if (input.status === 'closed' && !input.closeReason) {
    throw unprocessable('close_reason_required', 'Say why the report is closed (closeReason).');
  }
  if (input.status !== 'closed' && (input.closeReason || input.duplicateOf)) {
    throw unprocessable('close_reason_unexpected', 'closeReason and duplicateOf go with closing only.');
  }
  if (input.closeReason === 'duplicate') {
    const original = input.duplicateOf ? await findReportRow(ctx.db, input.duplicateOf) : undefined;
    if (!original || original.id === id || original.program_id !== row.program_id) {
      throw unprocessable(
        'invalid_duplicate_of',
        'duplicateOf must name another report of the same program.',
      );
    }
  } else if (input.duplicateOf) {
    throw unprocessable('close_reason_unexpected', 'duplicateOf goes with closeReason "duplicate" only.');
  }
  const now = nowIso();
  const isClosing = input.status === 'closed';
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('vulnerability_reports')
      .set({
        status: input.status,
        close_reason: isClosing ? (input.closeReason ?? null) : null,
        duplicate_of: isClosing ? (input.duplicateOf ?? null) : null,
        closed_at: isClosing ? now : null,
        ...(row.acknowledged_at === null ? { acknowledged_at: now } : {}),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    if (input.note) {
      await trx
        .insertInto('vulnerability_report_messages')
        .values({
          id: newId('vrm'),
          report_id: id,
          author_role: 'coordinator',
          author_user_id: actor.type === 'user' ? actor.userId : null,
          is_encrypted: 0,
          body: input.note,
          created_at: now,
        })
        .execute();
    }
    await recordAudit(trx, {
      actor,
      orgId: row.program_org_id,
      action: `vulnerability_report.${input.status}`,
      subjectType: 'vulnerability_report',
      subjectId: id,
      summary: `Report ${id}: ${row.status} → ${input.status}${input.closeReason ? ` (${input.closeReason})` : ''}`,
    });
    await notifyReporter(
      ctx,
      trx,
      noticeOf(row, input.status),
      row.acknowledged_at === null && input.status === 'acknowledged' ? 'acknowledged' : 'status_changed',
    );
  });
  return getReport(ctx, actor, id);
}

/** Records an SSVC decision evaluated from CERT/CC's table, with the inputs it was taken on. */
export async function recordSsvcDecision(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Static<typeof SsvcDecisionInput>,
) {
  const row = await getTriageableReport(ctx, actor, id);
  let decision: ReturnType<typeof evaluateDecision>;
  try {
    decision = evaluateDecision(input.kind, input.inputs);
  } catch (error) {
    if (error instanceof InvalidSsvcInputError) {
      throw unprocessable('invalid_ssvc_input', error.message, {
        field: error.field,
        allowed: error.allowed,
      });
    }
    throw error;
  }
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('disclosure_ssvc_decisions')
      .values({
        id: newId('ssvc'),
        report_id: id,
        kind: input.kind,
        table_key: decision.tableKey,
        table_version: decision.tableVersion,
        inputs: JSON.stringify(decision.inputs),
        outcome: decision.outcome,
        rationale: input.rationale,
        decided_by: actor.type === 'user' ? actor.userId : '',
        decided_at: now,
      })
      .execute();
    await trx
      .updateTable('vulnerability_reports')
      .set({ updated_at: now, ...(row.acknowledged_at === null ? { acknowledged_at: now } : {}) })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: row.program_org_id,
      action: `vulnerability_report.ssvc_${input.kind}`,
      subjectType: 'vulnerability_report',
      subjectId: id,
      summary: `SSVC ${input.kind} decision on report ${id}: ${decision.outcome}`,
    });
  });
  return getReport(ctx, actor, id);
}

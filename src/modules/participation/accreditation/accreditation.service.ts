import type { Static } from 'typebox';
import { type Actor, authorize, can, readScope } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction, type Trx } from '../../../core/db/transaction.ts';
import { enqueueEmail, notifyUsers } from '../../../core/delivery/outbox.ts';
import { badRequest, conflict, notFound } from '../../../core/http/errors.ts';
import { decodeCursor, toPage } from '../../../core/http/pagination.ts';
import { notifyOrgAdmins } from '../../../core/orgs/notify-admins.ts';
import { getOrganizationRow } from '../../../core/orgs/orgs.service.ts';
import { recordEvent } from '../follows/events.ts';
import { getProcessRow } from '../processes/processes.service.ts';
import { presentApplication, presentObjection } from './accreditation.presenter.ts';
import {
  countObjections,
  findApplicationRow,
  findApplicationRows,
  findDueApplicationIds,
  findLiveApplication,
  findObjectionRows,
  findStateAdmins,
} from './accreditation.repository.ts';
import {
  type ApplicationStatus,
  type Apply,
  type Decision,
  type ObjectBody,
  PUBLIC_STATUSES,
} from './accreditation.schemas.ts';

const SYSTEM: Actor = { type: 'system', label: 'accreditation deadline' };
const DAY_MS = 86_400_000;

function applicationResource(row: { org_id: string }) {
  return { type: 'application' as const, applicantOrgId: row.org_id };
}

/** Loads an application the actor may see; one still pending is reported missing to outsiders. */
async function getVisibleApplicationRow(ctx: AppContext, actor: Actor, id: string) {
  await settleDueApplications(ctx);
  const row = await findApplicationRow(ctx.db, id);
  if (!row) throw notFound('Application');
  const isPublic = PUBLIC_STATUSES.includes(row.status as ApplicationStatus);
  if (!isPublic && !can(actor, 'accreditation.read_pending', applicationResource(row))) {
    throw notFound('Application');
  }
  return row;
}

export async function getApplication(ctx: AppContext, actor: Actor, id: string) {
  return presentApplication(await getVisibleApplicationRow(ctx, actor, id));
}

export async function findApplications(
  ctx: AppContext,
  actor: Actor,
  processId: string,
  query: { status?: ApplicationStatus; organizationId?: string; cursor?: string; limit?: number },
) {
  await getProcessRow(ctx, processId);
  // Outcomes are due the moment a period ends, not when the next job run comes round.
  await settleDueApplications(ctx);
  const limit = query.limit ?? 100;
  const after = decodeCursor(query.cursor);
  // Readers who may see any pending application (the secretariat, the States) get every status.
  const seesAllPending = can(actor, 'accreditation.read_all_pending', { type: 'platform' });
  const rows = await findApplicationRows(ctx.db, {
    processId,
    ...(query.status ? { status: query.status } : {}),
    ...(query.organizationId ? { orgId: query.organizationId } : {}),
    visibleStatuses: seesAllPending ? null : PUBLIC_STATUSES,
    // An organization always reads its own applications, as it reads any record it owns.
    ownOrgIds: readScope(actor).orgIds,
    ...(typeof after === 'string' ? { after } : {}),
    limit,
  });
  return toPage(rows, limit, (row) => row.id, presentApplication);
}

export async function apply(ctx: AppContext, actor: Actor, processId: string, input: Static<typeof Apply>) {
  const process = await getProcessRow(ctx, processId);
  const org = await getOrganizationRow(ctx, actor, input.organizationId);
  if (org.kind === 'state') {
    throw badRequest('states_need_no_accreditation', 'States take part by right; they do not apply.');
  }
  authorize(actor, 'accreditation.apply', {
    type: 'organization',
    id: org.id,
    verificationStatus: org.verification_status as 'verified',
  });
  if (process.status !== 'active')
    throw conflict('process_closed', 'This process no longer takes applications.');
  if (input.route === 'ecosoc' && !input.ecosocNumber) {
    throw badRequest('ecosoc_number_required', 'Give the ECOSOC consultative-status reference.');
  }
  const id = newId('acc');
  const now = new Date();
  const isNonObjection = input.route === 'non_objection';
  await inTransaction(ctx, async (trx) => {
    if (await findLiveApplication(trx, processId, org.id)) {
      throw conflict(
        'already_applied',
        'This organization already has an application or accreditation here.',
      );
    }
    await trx
      .insertInto('accreditation_applications')
      .values({
        id,
        process_id: processId,
        org_id: org.id,
        route: input.route,
        ecosoc_number: input.route === 'ecosoc' ? (input.ecosocNumber ?? null) : null,
        statement: input.statement.trim(),
        status: isNonObjection ? 'circulating' : 'pending_confirmation',
        circulation_ends_at: isNonObjection
          ? new Date(now.getTime() + process.objection_period_days * DAY_MS).toISOString()
          : null,
        decision_note: null,
        decided_at: null,
        decided_by: null,
        submitted_by: actor.type === 'user' ? actor.userId : 'system',
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: org.id,
      action: 'accreditation.applied',
      subjectType: 'accreditation_application',
      subjectId: id,
      summary: `"${org.name}" applied to "${process.title}" on the ${input.route === 'ecosoc' ? 'ECOSOC' : 'non-objection'} route`,
    });
    if (isNonObjection) await circulate(ctx, trx, id, org.name, process.title, process.objection_period_days);
  });
  return getApplication(ctx, actor, id);
}

/** Tells the admins of every verified State that an application is open to objection. */
async function circulate(
  ctx: AppContext,
  trx: Trx,
  applicationId: string,
  orgName: string,
  processTitle: string,
  days: number,
) {
  const admins = await findStateAdmins(trx);
  const link = `/participation/applications/${applicationId}`;
  const body = `"${orgName}" applies to take part in "${processTitle}". Any State may object within ${days} days, giving its general reason.`;
  await notifyUsers(trx, {
    userIds: [...new Set(admins.map((a) => a.user_id))],
    topic: 'accreditation.circulated',
    title: `Accreditation request: ${orgName}`,
    body,
    link,
  });
  const emails = new Set<string>();
  for (const admin of admins) {
    if (emails.has(admin.email)) continue;
    emails.add(admin.email);
    await enqueueEmail(
      trx,
      {
        to: admin.email,
        subject: `Common Ground: accreditation request from ${orgName}`,
        text: `${body}\n\n${ctx.config.publicUrl}${link}`,
      },
      { topic: 'accreditation.circulated', orgId: admin.org_id },
    );
  }
}

export async function decide(ctx: AppContext, actor: Actor, id: string, input: Static<typeof Decision>) {
  authorize(actor, 'process.manage', { type: 'platform' });
  const row = await getVisibleApplicationRow(ctx, actor, id);
  if (row.status !== 'pending_confirmation') {
    throw conflict(
      'not_pending_confirmation',
      'Only an application waiting for ECOSOC confirmation is decided here.',
    );
  }
  if (input.decision === 'decline' && !input.note) {
    throw badRequest('note_required', 'Say why the application is declined.');
  }
  const process = await getProcessRow(ctx, row.process_id);
  const now = new Date();
  await inTransaction(ctx, async (trx) => {
    const nextStatus =
      input.decision === 'confirm' ? 'accredited' : input.decision === 'decline' ? 'declined' : 'circulating';
    const updated = await trx
      .updateTable('accreditation_applications')
      .set({
        status: nextStatus,
        decision_note: input.note ?? null,
        ...(nextStatus === 'circulating'
          ? {
              route: 'non_objection',
              circulation_ends_at: new Date(
                now.getTime() + process.objection_period_days * DAY_MS,
              ).toISOString(),
            }
          : { decided_at: now.toISOString(), decided_by: actor.type === 'user' ? actor.userId : null }),
        updated_at: now.toISOString(),
      })
      .where('id', '=', id)
      .where('status', '=', 'pending_confirmation')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw conflict('not_pending_confirmation', 'It was decided meanwhile.');
    await recordAudit(trx, {
      actor,
      orgId: row.org_id,
      action: `accreditation.${input.decision === 'confirm' ? 'accredited' : input.decision === 'decline' ? 'declined' : 'circulated'}`,
      subjectType: 'accreditation_application',
      subjectId: id,
      summary: `Application of "${row.org_name}" to "${process.title}": ${input.decision}${input.note ? ` (${input.note})` : ''}`,
    });
    if (nextStatus === 'circulating') {
      await circulate(ctx, trx, id, row.org_name, process.title, process.objection_period_days);
    } else {
      await tellApplicant(ctx, trx, row, process.title, nextStatus);
    }
  });
  return getApplication(ctx, actor, id);
}

async function tellApplicant(
  ctx: AppContext,
  trx: Trx,
  row: { id: string; org_id: string; org_name: string; process_id: string },
  processTitle: string,
  status: string,
) {
  // The outcome is public; who objected is not, and the event does not say.
  await recordEvent(trx, {
    kind: 'accreditation_decided',
    processId: row.process_id,
    title: `${row.org_name}: ${status === 'accredited' ? 'accredited' : `not accredited (${status})`}`,
    summary: `Outcome of the application to "${processTitle}".`,
    url: `/participation/applications/${row.id}`,
  });
  const outcome =
    status === 'accredited'
      ? `is accredited to "${processTitle}" and may now take part in its groups and consultations`
      : `is not accredited to "${processTitle}" (${status})`;
  await notifyOrgAdmins(ctx, trx, row.org_id, {
    topic: 'accreditation.decided',
    title: `Accreditation: ${status}`,
    subject: `accreditation ${status}`,
    body: `"${row.org_name}" ${outcome}.`,
    link: `/participation/applications/${row.id}`,
  });
}

export async function object(ctx: AppContext, actor: Actor, id: string, input: Static<typeof ObjectBody>) {
  const row = await getVisibleApplicationRow(ctx, actor, id);
  const state = await getOrganizationRow(ctx, actor, input.organizationId);
  authorize(actor, 'accreditation.object', {
    type: 'organization',
    id: state.id,
    verificationStatus: state.verification_status as 'verified',
  });
  const now = nowIso();
  const objectionId = newId('obj');
  await inTransaction(ctx, async (trx) => {
    // Taking the row first serialises with the deadline job, so an objection is never lost to it.
    const open = await trx
      .updateTable('accreditation_applications')
      .set({ updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'circulating')
      .where('circulation_ends_at', '>', now)
      .executeTakeFirst();
    if (Number(open.numUpdatedRows) !== 1) {
      throw conflict('not_circulating', 'This application is not open to objections.');
    }
    const existing = await trx
      .selectFrom('accreditation_objections')
      .select('id')
      .where('application_id', '=', id)
      .where('state_org_id', '=', state.id)
      .executeTakeFirst();
    if (existing) throw conflict('already_objected', 'This State has already objected.');
    await trx
      .insertInto('accreditation_objections')
      .values({
        id: objectionId,
        application_id: id,
        state_org_id: state.id,
        reason: input.reason.trim(),
        objected_by: actor.type === 'user' ? actor.userId : 'system',
        created_at: now,
      })
      .execute();
    // The audit summary is readable by the objecting State and the secretariat only (its org log
    // and the platform log); it names the applicant, not the reason.
    await recordAudit(trx, {
      actor,
      orgId: state.id,
      action: 'accreditation.objected',
      subjectType: 'accreditation_application',
      subjectId: id,
      summary: `"${state.name}" objected to the application of "${row.org_name}"`,
    });
  });
  return { id: objectionId };
}

export async function findObjections(ctx: AppContext, actor: Actor, id: string) {
  const row = await getVisibleApplicationRow(ctx, actor, id);
  const rows = await findObjectionRows(ctx.db, row.id);
  return {
    items: rows
      .filter((objection) =>
        can(actor, 'accreditation.objection.read', { type: 'objection', stateOrgId: objection.state_org_id }),
      )
      .map(presentObjection),
  };
}

export async function withdraw(ctx: AppContext, actor: Actor, id: string) {
  const row = await getVisibleApplicationRow(ctx, actor, id);
  const org = await getOrganizationRow(ctx, actor, row.org_id);
  authorize(actor, 'accreditation.apply', {
    type: 'organization',
    id: org.id,
    verificationStatus: org.verification_status as 'verified',
  });
  await inTransaction(ctx, async (trx) => {
    const updated = await trx
      .updateTable('accreditation_applications')
      .set({ status: 'withdrawn', decided_at: nowIso(), updated_at: nowIso() })
      .where('id', '=', id)
      .where('status', 'in', ['pending_confirmation', 'circulating'])
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw conflict('not_pending', 'Only a pending application is withdrawn.');
    await recordAudit(trx, {
      actor,
      orgId: row.org_id,
      action: 'accreditation.withdrawn',
      subjectType: 'accreditation_application',
      subjectId: id,
      summary: `"${row.org_name}" withdrew its application`,
    });
  });
  return getApplication(ctx, actor, id);
}

/**
 * Closes every application whose objection period has ended: accredited when no State objected,
 * `objected` otherwise. Safe to run from several processes at once.
 */
export async function settleDueApplications(ctx: AppContext, now = new Date()): Promise<number> {
  const due = await findDueApplicationIds(ctx.db, now.toISOString(), 200);
  let settled = 0;
  for (const { id } of due) {
    const didSettle = await inTransaction(ctx, async (trx) => {
      // Lock the row first, then count: an objection committed just before is then always seen.
      const claimed = await trx
        .updateTable('accreditation_applications')
        .set({ updated_at: now.toISOString() })
        .where('id', '=', id)
        .where('status', '=', 'circulating')
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return false;
      const objections = await countObjections(trx, id);
      const status = objections === 0 ? 'accredited' : 'objected';
      await trx
        .updateTable('accreditation_applications')
        .set({ status, decided_at: now.toISOString(), decided_by: null })
        .where('id', '=', id)
        .execute();
      const row = (await findApplicationRow(trx, id))!;
      const process = (await trx
        .selectFrom('processes')
        .select('title')
        .where('id', '=', row.process_id)
        .executeTakeFirst())!;
      await recordAudit(trx, {
        actor: SYSTEM,
        orgId: row.org_id,
        action: `accreditation.${status}`,
        subjectType: 'accreditation_application',
        subjectId: id,
        summary: `Objection period ended for "${row.org_name}" in "${process.title}": ${status}`,
      });
      await tellApplicant(ctx, trx, row, process.title, status);
      return true;
    });
    if (didSettle) settled++;
  }
  return settled;
}

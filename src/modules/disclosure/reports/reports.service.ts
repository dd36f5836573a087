import type { Static } from 'typebox';
import { type Actor, authorize, can, type VulnerabilityReportResource } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction, type Trx } from '../../../core/db/transaction.ts';
import {
  type AttachmentInput,
  type DecodedAttachment,
  decodeAttachments as decodeFiles,
} from '../../../core/http/attachments.ts';
import { AppError, notFound, unprocessable } from '../../../core/http/errors.ts';
import { decodeStringCursor, toPage } from '../../../core/http/pagination.ts';
import { canonicalLanguageTags } from '../../contacts/index.ts';
import { findProgramRow } from '../programs/programs.repository.ts';
import { programResource } from '../programs/programs.service.ts';
import { cweName } from '../scoring/index.ts';
import { checkEncryptedToProgram } from './encrypted-content.ts';
import { countIntake } from './intake-limit.ts';
import { type NoticeReport, notifyProgram, notifyReporter } from './report-notify.ts';
import { newReporterSecret, reporterUrl } from './reporter-link.ts';
import { presentReport, presentReportSummary } from './reports.presenter.ts';
import {
  findAttachmentMetaRows,
  findAttachmentRow,
  findDecisionRows,
  findMessageRows,
  findReportRow,
  findReportRows,
  type ReportRow,
} from './reports.repository.ts';
import type { CreateMessage, CreateReport, ReportQuery } from './reports.schemas.ts';

export function reportResource(row: Pick<ReportRow, 'id' | 'program_org_id' | 'reporter_user_id'>) {
  return {
    type: 'vulnerability_report',
    id: row.id,
    programOrgId: row.program_org_id,
    reporterUserId: row.reporter_user_id,
  } satisfies VulnerabilityReportResource;
}

export function noticeOf(row: ReportRow, status = row.status): NoticeReport {
  return {
    id: row.id,
    programName: row.program_name,
    programOrgId: row.program_org_id,
    status,
    language: row.language,
    reporterUserId: row.reporter_user_id,
    reporterEmail: row.reporter_email,
  };
}

/** Coordinator when the actor works the program's queue, reporter when it is the report's own reporter. */
export function viewerRoleOf(actor: Actor, row: ReportRow): 'coordinator' | 'reporter' | null {
  if (
    can(actor, 'disclosure.report.triage', {
      type: 'disclosure_program',
      orgId: row.program_org_id,
      isPublished: true,
    })
  ) {
    return 'coordinator';
  }
  if (can(actor, 'disclosure.report.follow', reportResource(row))) return 'reporter';
  return null;
}

/** The report if the actor may read it; hidden means missing (404). */
export async function getReadableReport(ctx: AppContext, actor: Actor, id: string) {
  const row = await findReportRow(ctx.db, id);
  if (!row || !can(actor, 'disclosure.report.read', reportResource(row))) throw notFound('Report');
  const role = viewerRoleOf(actor, row);
  if (!role) throw notFound('Report');
  return { row, role };
}

function decodeAttachments(
  ctx: AppContext,
  inputs: readonly Static<typeof AttachmentInput>[] | undefined,
): DecodedAttachment[] {
  return decodeFiles(inputs, { uploadLimitBytes: ctx.config.uploadLimitBytes, idPrefix: 'vrf' });
}

async function insertAttachments(
  trx: Trx,
  reportId: string,
  messageId: string | null,
  attachments: readonly DecodedAttachment[],
  now: string,
) {
  if (attachments.length === 0) return;
  await trx
    .insertInto('vulnerability_report_attachments')
    .values(
      attachments.map((attachment) => ({
        id: attachment.id,
        report_id: reportId,
        message_id: messageId,
        file_name: attachment.fileName,
        media_type: attachment.mediaType,
        size: attachment.size,
        sha256: attachment.sha256,
        data: attachment.data,
        created_at: now,
      })),
    )
    .execute();
}

/** Attachments to an encrypted report or message must be encrypted to the program's key as well. */
async function checkEncryptedAttachments(attachments: readonly DecodedAttachment[], programKey: string) {
  for (const attachment of attachments) {
    await checkEncryptedToProgram(
      new Uint8Array(attachment.data),
      programKey,
      `The attachment ${attachment.fileName}`,
    );
  }
}

/**
 * Intake: a report to a published program, with or without an account. Answers the tracking id and the
 * secret of the reporter's link, once; only its hash is kept.
 */
export async function createReport(
  ctx: AppContext,
  actor: Actor,
  input: Static<typeof CreateReport>,
  clientAddress: string,
) {
  const program = await findProgramRow(ctx.db, input.programId);
  if (!program || !can(actor, 'disclosure.program.read', programResource(program))) throw notFound('Program');
  authorize(actor, 'disclosure.report.submit', programResource(program));
  if (actor.type !== 'user' && program.accepts_anonymous !== 1) {
    throw new AppError(
      401,
      'authentication_required',
      'This program accepts reports from signed-in researchers only.',
    );
  }
  if ((input.content === undefined) === (input.ciphertext === undefined)) {
    throw unprocessable(
      'content_or_ciphertext',
      'Send the report either as `content` or as `ciphertext`, not both.',
    );
  }
  if (input.credit === 'name' && !input.creditName?.trim()) {
    throw unprocessable('credit_name_required', 'Give the name to credit, or choose anonymous or no credit.');
  }
  const language = input.language ? (canonicalLanguageTags([input.language])[0] ?? null) : null;
  const attachments = decodeAttachments(ctx, input.attachments);
  if (input.ciphertext !== undefined) {
    if (!program.openpgp_key) {
      throw unprocessable(
        'program_has_no_key',
        'This program has no OpenPGP key; send the report unencrypted.',
      );
    }
    await checkEncryptedToProgram(input.ciphertext, program.openpgp_key, 'The report');
    await checkEncryptedAttachments(attachments, program.openpgp_key);
  }
  await countIntake(ctx, clientAddress);

  const id = newId('vr');
  const { secret, hash } = newReporterSecret();
  const now = nowIso();
  const content = input.content
    ? { ...input.content, title: input.content.title.trim(), product: input.content.product.trim() }
    : undefined;
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('vulnerability_reports')
      .values({
        id,
        program_id: program.id,
        language,
        reporter_user_id: actor.type === 'user' ? actor.userId : null,
        reporter_secret_hash: hash,
        reporter_email: input.reporterEmail ?? null,
        credit: input.credit,
        credit_name: input.credit === 'name' ? (input.creditName?.trim() ?? null) : null,
        is_encrypted: content ? 0 : 1,
        content: content ? JSON.stringify(content) : null,
        ciphertext: input.ciphertext ?? null,
        title: content?.title ?? null,
        product: content?.product ?? null,
        status: 'received',
        priority: null,
        assignee_user_id: null,
        close_reason: null,
        duplicate_of: null,
        exploitation: content?.exploitation ?? 'unknown',
        publicity: content?.publicity ?? 'unknown',
        cvss_v3_vector: null,
        cvss_v3_score: null,
        cvss_v4_vector: null,
        cvss_v4_score: null,
        cwe_ids: '[]',
        acknowledged_at: null,
        closed_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await insertAttachments(trx, id, null, attachments, now);
    await notifyProgram(
      ctx,
      trx,
      {
        id,
        programName: program.name,
        programOrgId: program.org_id,
        status: 'received',
        language,
        reporterUserId: actor.type === 'user' ? actor.userId : null,
        reporterEmail: input.reporterEmail ?? null,
      },
      'received',
    );
    // Last: the audit chain's head is locked from here to the commit, so every other write comes first.
    await recordAudit(trx, {
      actor,
      orgId: program.org_id,
      action: 'vulnerability_report.received',
      subjectType: 'vulnerability_report',
      subjectId: id,
      summary: `Report ${id} to "${program.name}"${content ? '' : ' (encrypted)'}`,
    });
  });
  const token = `${id}.${secret}`;
  return {
    id,
    status: 'received',
    reporterToken: token,
    reporterUrl: reporterUrl(ctx.config.publicUrl, token),
  };
}

export async function getReport(ctx: AppContext, actor: Actor, id: string) {
  const { row, role } = await getReadableReport(ctx, actor, id);
  const [messages, attachments, decisions] = await Promise.all([
    findMessageRows(ctx.db, id),
    findAttachmentMetaRows(ctx.db, id),
    role === 'coordinator' ? findDecisionRows(ctx.db, id) : Promise.resolve([]),
  ]);
  return presentReport({
    report: row,
    messages,
    attachments,
    decisions,
    viewerRole: role,
    outcome: await findOutcome(ctx, id),
    cweName,
    now: nowIso(),
  });
}

/** The report's case and, once published, its advisory: what the reporter sees of the outcome. */
async function findOutcome(ctx: AppContext, reportId: string) {
  const row = await ctx.db
    .selectFrom('disclosure_cases as c')
    .leftJoin('disclosure_advisories as a', (join) =>
      join.onRef('a.case_id', '=', 'c.id').on('a.status', '=', 'published'),
    )
    .select(['c.id as case_id', 'a.id as advisory_id', 'a.tracking_id', 'a.published_at'])
    .where('c.report_id', '=', reportId)
    .executeTakeFirst();
  return {
    caseId: row?.case_id ?? null,
    advisory:
      row?.advisory_id && row.tracking_id && row.published_at
        ? {
            id: row.advisory_id,
            trackingId: row.tracking_id,
            publishedAt: row.published_at,
            url: `${ctx.config.publicUrl}/advisories/${row.advisory_id}`,
          }
        : null,
  };
}

export async function listReports(ctx: AppContext, actor: Actor, query: Static<typeof ReportQuery>) {
  if (actor.type !== 'user') throw new AppError(401, 'authentication_required', 'Sign in to continue.');
  const limit = query.limit ?? 50;
  const triageOrgIds = actor.memberships
    .filter((m) =>
      can(actor, 'disclosure.report.triage', {
        type: 'disclosure_program',
        orgId: m.orgId,
        isPublished: true,
      }),
    )
    .map((m) => m.orgId);
  const rows = await findReportRows(ctx.db, {
    triageOrgIds,
    ...(query.mine ? { reporterUserId: actor.userId } : {}),
    ...(query.programId ? { programId: query.programId } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...(query.priority ? { priority: query.priority } : {}),
    ...(query.assigneeUserId ? { assigneeUserId: query.assigneeUserId } : {}),
    ...(query.cursor ? { beforeId: decodeStringCursor(query.cursor) } : {}),
    limit,
  });
  // Each row passes the policy too, as the SQL filter's second opinion; the role decides what it shows.
  const readable = rows.flatMap((row) => {
    const role = viewerRoleOf(actor, row);
    return role ? [{ row, role }] : [];
  });
  const now = nowIso();
  return toPage(
    readable,
    limit,
    (entry) => entry.row.id,
    (entry) => presentReportSummary(entry.row, now, entry.role),
  );
}

/**
 * A message in the report's thread, from the reporter or from the program's coordinators. A coordinator's
 * first message acknowledges the report if nobody has yet.
 */
export async function postMessage(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Static<typeof CreateMessage>,
) {
  const { row, role } = await getReadableReport(ctx, actor, id);
  const attachments = decodeAttachments(ctx, input.attachments);
  if (input.isEncrypted) {
    if (!row.is_encrypted || role !== 'reporter') {
      throw unprocessable(
        'encryption_not_expected',
        'Only the reporter of an encrypted report sends encrypted messages.',
      );
    }
    const program = await findProgramRow(ctx.db, row.program_id);
    if (!program?.openpgp_key) throw unprocessable('program_has_no_key', 'This program has no OpenPGP key.');
    await checkEncryptedToProgram(input.body, program.openpgp_key, 'The message');
    await checkEncryptedAttachments(attachments, program.openpgp_key);
  }
  const messageId = newId('vrm');
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('vulnerability_report_messages')
      .values({
        id: messageId,
        report_id: id,
        author_role: role,
        author_user_id: actor.type === 'user' ? actor.userId : null,
        is_encrypted: input.isEncrypted ? 1 : 0,
        body: input.body,
        created_at: now,
      })
      .execute();
    await insertAttachments(trx, id, messageId, attachments, now);
    const acknowledges = role === 'coordinator' && row.acknowledged_at === null;
    await trx
      .updateTable('vulnerability_reports')
      .set({
        updated_at: now,
        ...(acknowledges
          ? { acknowledged_at: now, ...(row.status === 'received' ? { status: 'acknowledged' } : {}) }
          : {}),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: row.program_org_id,
      action: `vulnerability_report.message_${role}`,
      subjectType: 'vulnerability_report',
      subjectId: id,
      summary: `Message in report ${id}`,
    });
    if (role === 'reporter') await notifyProgram(ctx, trx, noticeOf(row), 'reporter_message');
    else
      await notifyReporter(
        ctx,
        trx,
        noticeOf(row, acknowledges && row.status === 'received' ? 'acknowledged' : row.status),
        'coordinator_message',
      );
  });
  return getReport(ctx, actor, id);
}

export async function getAttachment(ctx: AppContext, actor: Actor, id: string, attachmentId: string) {
  await getReadableReport(ctx, actor, id);
  const attachment = await findAttachmentRow(ctx.db, id, attachmentId);
  if (!attachment) throw notFound('Attachment');
  return attachment;
}

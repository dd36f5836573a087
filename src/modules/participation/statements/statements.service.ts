import { createHash } from 'node:crypto';
import type { Static } from 'typebox';
import { type Actor, authorize, can, type RecordResource, readScope } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction } from '../../../core/db/transaction.ts';
import { notifyUsers } from '../../../core/delivery/outbox.ts';
import { AppError, badRequest, conflict, notFound } from '../../../core/http/errors.ts';
import { decodeCursor, toPage } from '../../../core/http/pagination.ts';
import { getOrganizationRow } from '../../../core/orgs/orgs.service.ts';
import { indexDocument } from '../../../core/search/index.ts';
import { recordEvent } from '../follows/events.ts';
import { getProcessRow } from '../processes/processes.service.ts';
import { seatIn } from '../seats.ts';
import { notifySecretariat } from '../secretariat.ts';
import { extractPdfText } from './pdf-text.ts';
import { presentStatement, presentStatementSummary } from './statements.presenter.ts';
import { findStatementFile, findStatementRow, findStatementRows } from './statements.repository.ts';
import type { Moderate, StatementStatus, SubmitStatement } from './statements.schemas.ts';

/** Until it is published, a submission is its organization's own, and the moderators'. */
function ownRecord(orgId: string): RecordResource {
  return {
    type: 'record',
    visibility: 'participants',
    tlp: null,
    ownerOrgId: orgId,
    participantOrgIds: [],
    participantUserIds: [],
  };
}

function canRead(actor: Actor, row: { status: string; org_id: string }): boolean {
  return (
    row.status === 'published' ||
    can(actor, 'record.read', ownRecord(row.org_id)) ||
    can(actor, 'statement.moderate', { type: 'platform' })
  );
}

async function getReadableRow(ctx: AppContext, actor: Actor, id: string) {
  const row = await findStatementRow(ctx.db, id);
  if (!row || !canRead(actor, row)) throw notFound('Statement');
  return row;
}

export async function getStatement(ctx: AppContext, actor: Actor, id: string) {
  return presentStatement(await getReadableRow(ctx, actor, id));
}

export async function getStatementFile(ctx: AppContext, actor: Actor, id: string) {
  const row = await getReadableRow(ctx, actor, id);
  const file = await findStatementFile(ctx.db, id);
  if (!file) throw notFound('File');
  return {
    fileName: row.file_name ?? `${id}.pdf`,
    contentType: file.content_type,
    data: Buffer.from(file.data),
  };
}

export async function findStatements(
  ctx: AppContext,
  actor: Actor,
  query: {
    processId?: string;
    organizationId?: string;
    status?: StatementStatus;
    cursor?: string;
    limit?: number;
  },
) {
  const limit = query.limit ?? 50;
  const before = decodeCursor(query.cursor);
  const isModerator = can(actor, 'statement.moderate', { type: 'platform' });
  const rows = await findStatementRows(ctx.db, {
    ...(query.processId ? { processId: query.processId } : {}),
    ...(query.organizationId ? { orgId: query.organizationId } : {}),
    ...(query.status ? { status: query.status } : {}),
    // Unpublished submissions are 'participants' records of their organization (see ownRecord).
    ownOrgIds: isModerator ? null : readScope(actor).orgIds,
    ...(typeof before === 'string' ? { before } : {}),
    limit,
  });
  return toPage(rows, limit, (row) => row.id, presentStatementSummary);
}

function decodePdf(ctx: AppContext, base64: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64))
    throw badRequest('invalid_base64', 'The file is not valid base64.');
  const data = Buffer.from(base64, 'base64');
  if (data.length > ctx.config.uploadLimitBytes) {
    throw new AppError(413, 'file_too_large', `Files are limited to ${ctx.config.uploadLimitBytes} bytes.`);
  }
  return data;
}

export async function submitStatement(
  ctx: AppContext,
  actor: Actor,
  processId: string,
  input: Static<typeof SubmitStatement>,
) {
  const process = await getProcessRow(ctx, processId);
  const org = await getOrganizationRow(ctx, actor, input.organizationId);
  authorize(actor, 'participation.contribute', await seatIn(ctx, processId, org.id));
  if ((input.markdown === undefined) === (input.pdf === undefined)) {
    throw badRequest('one_format', 'Send either `markdown` or `pdf`, not both or neither.');
  }
  // A scheduled meeting's agenda item names the meeting and item itself.
  let agenda: { meeting_id: string; id: string; title: string; meeting_title: string } | undefined;
  if (input.agendaItemId) {
    agenda = await ctx.db
      .selectFrom('agenda_items')
      .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
      .select([
        'agenda_items.id',
        'agenda_items.title',
        'agenda_items.meeting_id',
        'meetings.title as meeting_title',
      ])
      .where('agenda_items.id', '=', input.agendaItemId)
      .where('meetings.process_id', '=', processId)
      .executeTakeFirst();
    if (!agenda) throw badRequest('unknown_agenda_item', 'No agenda item of this process has that id.');
  }
  const pdf = input.pdf ? decodePdf(ctx, input.pdf.contentBase64) : null;
  const text = pdf ? await extractPdfText(pdf) : (input.markdown ?? '').trim();
  const id = newId('stm');
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('statements')
      .values({
        id,
        process_id: processId,
        org_id: org.id,
        submitted_by: actor.type === 'user' ? actor.userId : 'system',
        kind: input.kind,
        title: input.title.trim(),
        language: input.language,
        meeting_label: agenda?.meeting_title ?? input.meetingLabel?.trim() ?? null,
        agenda_item: agenda?.title ?? input.agendaItem?.trim() ?? null,
        meeting_id: agenda?.meeting_id ?? null,
        agenda_item_id: agenda?.id ?? null,
        format: pdf ? 'pdf' : 'markdown',
        file_name: input.pdf?.fileName ?? null,
        file_size: pdf?.length ?? null,
        file_sha256: pdf ? createHash('sha256').update(pdf).digest('hex') : null,
        body_text: text,
        status: 'submitted',
        moderation_note: null,
        moderated_by: null,
        published_at: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (pdf) {
      await trx
        .insertInto('statement_files')
        .values({ statement_id: id, content_type: 'application/pdf', data: pdf })
        .execute();
    }
    await notifySecretariat(trx, {
      topic: 'statement.submitted',
      title: `Written contribution to review: ${input.title.trim()}`,
      body: `"${org.name}" submitted a ${input.kind.replace('_', ' ')} to "${process.title}".`,
      link: `/participation/statements/${id}`,
    });
    await recordAudit(trx, {
      actor,
      orgId: org.id,
      action: 'statement.submitted',
      subjectType: 'statement',
      subjectId: id,
      summary: `"${org.name}" submitted "${input.title.trim()}" (${pdf ? 'PDF' : 'Markdown'}) to "${process.title}"`,
    });
  });
  return getStatement(ctx, actor, id);
}

/** The secretariat publishes (with attribution, and into search) or rejects with a reason. */
export async function moderateStatement(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Static<typeof Moderate>,
) {
  authorize(actor, 'statement.moderate', { type: 'platform' });
  const row = await getReadableRow(ctx, actor, id);
  if (row.status !== 'submitted')
    throw conflict('already_moderated', 'This contribution has already been moderated.');
  if (input.decision === 'reject' && !input.note)
    throw badRequest('note_required', 'Say why it is not published.');
  const now = nowIso();
  const status = input.decision === 'publish' ? 'published' : 'rejected';
  await inTransaction(ctx, async (trx) => {
    const updated = await trx
      .updateTable('statements')
      .set({
        status,
        moderation_note: input.note ?? null,
        moderated_by: actor.type === 'user' ? actor.userId : null,
        published_at: status === 'published' ? now : null,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', '=', 'submitted')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      throw conflict('already_moderated', 'It was moderated meanwhile.');
    if (status === 'published') {
      await recordEvent(trx, {
        kind: 'statement_published',
        processId: row.process_id,
        title: `${row.org_name}: ${row.title}`,
        summary: row.body_text.replace(/\s+/g, ' ').slice(0, 280),
        url: `/participation/statements/${id}`,
      });
      await indexDocument(trx, ctx.dialect, {
        source: 'statements',
        sourceId: id,
        title: row.title,
        body: row.body_text,
        language: row.language,
        url: `/participation/statements/${id}`,
        visibility: 'public',
        orgId: row.org_id,
        publishedAt: now,
      });
    }
    await notifyUsers(trx, {
      userIds: [row.submitted_by],
      orgId: row.org_id,
      topic: 'statement.moderated',
      title: status === 'published' ? `Published: ${row.title}` : `Not published: ${row.title}`,
      body: input.note ?? (status === 'published' ? 'Your contribution is now public.' : ''),
      link: `/participation/statements/${id}`,
    });
    await recordAudit(trx, {
      actor,
      orgId: row.org_id,
      action: `statement.${status}`,
      subjectType: 'statement',
      subjectId: id,
      summary: `"${row.title}" by "${row.org_name}" ${status}${input.note ? `: ${input.note}` : ''}`,
    });
  });
  return getStatement(ctx, actor, id);
}

import type { Static } from 'typebox';
import { type Actor, can, readScope } from '../../core/access/index.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { AppContext } from '../../core/context.ts';
import { newId, nowIso } from '../../core/db/ids.ts';
import { inTransaction } from '../../core/db/transaction.ts';
import { toCsv } from '../../core/http/csv.ts';
import { notFound, unauthenticated, unprocessable } from '../../core/http/errors.ts';
import { decodeStringCursor, encodeCursor } from '../../core/http/pagination.ts';
import { indexDocument } from '../../core/search/index.ts';
import { findCurrentPocs, findPocsHeldBy, type PocRole } from '../contacts/index.ts';
import { presentRequest, presentRequestSummary } from './assistance.presenter.ts';
import {
  findAttachmentMetaRows,
  findAttachmentRow,
  findMessageAddress,
  findMessageRows,
  findRecipientPocRows,
  findRecipientRows,
  findRequestRows,
  findVerifiedOrgIds,
  type RequestRow,
} from './assistance.repository.ts';
import type { CreateRequest, ExportQuery, ListQuery } from './assistance.schemas.ts';
import { isMessageVisible, requestRecord, viewerSides } from './audience.ts';
import type { Urgency } from './codes.ts';
import { notifyAssistance, requestPath } from './notify.ts';
import { detectPersonalData, guardPersonalData, type PersonalDataFinding } from './personal-data.ts';
import {
  authorizeActFor,
  decodeAttachments,
  getReadableRequest,
  insertAttachments,
  loadRequest,
  servedMediaType,
} from './shared.ts';

const HOUR = 3_600_000;
/** Default deadlines by urgency: [acknowledge, respond], from now. */
const DEFAULT_DEADLINES: Record<Urgency, [number, number]> = {
  immediate: [2 * HOUR, 24 * HOUR],
  priority: [8 * HOUR, 72 * HOUR],
  routine: [48 * HOUR, 14 * 24 * HOUR],
};
/** The order in which a recipient organization's POC roles are addressed and escalated to. */
export const ESCALATION_ORDER: readonly PocRole[] = ['technical', 'diplomatic', 'policy'];

export function checkPersonalData(text: string): { findings: PersonalDataFinding[] } {
  return { findings: detectPersonalData(text) };
}

function canonicalLanguageTag(tag: string): string {
  try {
    const canonical = Intl.getCanonicalLocales(tag)[0];
    if (canonical) return canonical;
  } catch {
    // reported below
  }
  throw unprocessable('invalid_language', 'responseLanguage is not a valid BCP 47 language tag.');
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * An RFC 3339 date-time as an instant, or why it is not one. The schema's `date-time` format admits
 * what JavaScript dates cannot hold (a leap second, `23:59:60`), so every date input is parsed here,
 * once, before anything is written.
 */
function parseInstant(value: string, field: string, code: string): Date {
  const parts = RFC3339.exec(value);
  const [year, month, day, hour, minute, second] = (parts?.slice(1, 7) ?? []).map(Number) as number[];
  if (second === 60) {
    throw unprocessable(
      code,
      `${field} falls on a leap second (:60), which cannot be stored; give :59 instead.`,
    );
  }
  const date = new Date(value);
  const isCalendarDate =
    year !== undefined &&
    month !== undefined &&
    day !== undefined &&
    new Date(Date.UTC(year, month - 1, day)).getUTCDate() === day &&
    month >= 1 &&
    month <= 12;
  if (
    !parts ||
    !isCalendarDate ||
    hour === undefined ||
    hour > 23 ||
    minute === undefined ||
    minute > 59 ||
    second === undefined ||
    second > 59 ||
    Number.isNaN(date.getTime())
  ) {
    throw unprocessable(
      code,
      `${field} is not a valid date and time (RFC 3339, such as 2026-03-01T08:00:00Z).`,
    );
  }
  return date;
}

/** The request's dates, parsed and checked before the transaction. */
function datesOf(
  input: Static<typeof CreateRequest>,
  now: Date,
): { acknowledgeBy: string; respondBy: string; detectedAt: string | null } {
  const [acknowledgeIn, respondIn] = DEFAULT_DEADLINES[input.urgency];
  const detectedAt = input.detectedAt
    ? parseInstant(input.detectedAt, 'detectedAt', 'invalid_detected_at')
    : null;
  if (detectedAt && detectedAt.getTime() > now.getTime() + 5 * 60_000) {
    throw unprocessable('invalid_detected_at', 'detectedAt is in the future.');
  }
  const acknowledgeBy = input.acknowledgeBy
    ? parseInstant(input.acknowledgeBy, 'acknowledgeBy', 'invalid_deadline')
    : new Date(now.getTime() + acknowledgeIn);
  const respondBy = input.respondBy
    ? parseInstant(input.respondBy, 'respondBy', 'invalid_deadline')
    : new Date(Math.max(now.getTime() + respondIn, acknowledgeBy.getTime()));
  if (acknowledgeBy <= now) {
    throw unprocessable('invalid_deadline', 'acknowledgeBy must be in the future.');
  }
  if (respondBy < acknowledgeBy) {
    throw unprocessable('invalid_deadline', 'respondBy must not be before acknowledgeBy.');
  }
  return {
    acknowledgeBy: acknowledgeBy.toISOString(),
    respondBy: respondBy.toISOString(),
    detectedAt: detectedAt ? detectedAt.toISOString() : null,
  };
}

export async function createRequest(ctx: AppContext, actor: Actor, input: Static<typeof CreateRequest>) {
  if (actor.type !== 'user') throw unauthenticated();
  await authorizeActFor(ctx, actor, input.senderOrgId);
  const senderPocs = (await findPocsHeldBy(ctx.db, actor.userId)).filter(
    (poc) => poc.orgId === input.senderOrgId,
  );
  const senderPoc =
    ESCALATION_ORDER.map((role) => senderPocs.find((poc) => poc.role === role)).find(Boolean) ??
    senderPocs[0];
  if (!senderPoc)
    throw unprocessable('not_a_point_of_contact', 'You hold no POC entry of this organization.');

  const recipientOrgIds = [...new Set(input.recipientOrgIds)];
  if (recipientOrgIds.includes(input.senderOrgId)) {
    throw unprocessable('invalid_recipient', 'An organization does not send a request to itself.', {
      orgIds: [input.senderOrgId],
    });
  }
  const verified = await findVerifiedOrgIds(ctx.db, recipientOrgIds);
  const unknown = recipientOrgIds.filter((id) => !verified.has(id));
  if (unknown.length > 0) {
    throw unprocessable('invalid_recipient', 'Requests go to verified organizations only.', {
      orgIds: unknown,
    });
  }
  const allPocs = await findCurrentPocs(ctx.db, recipientOrgIds);
  const withoutPoc = recipientOrgIds.filter((orgId) => !allPocs.some((poc) => poc.orgId === orgId));
  if (withoutPoc.length > 0) {
    throw unprocessable('no_point_of_contact', 'Some recipient organizations have no point of contact.', {
      orgIds: withoutPoc,
    });
  }
  const roles = input.recipientRoles ?? ['technical'];
  // Each organization through the POCs of the roles asked for, or all its POCs when it has none of those.
  const addressed = recipientOrgIds.flatMap((orgId) => {
    const own = allPocs.filter((poc) => poc.orgId === orgId);
    const ofRoles = own.filter((poc) => roles.includes(poc.role));
    return ofRoles.length > 0 ? ofRoles : own;
  });

  const responseLanguage = canonicalLanguageTag(input.responseLanguage);
  const now = new Date();
  const { acknowledgeBy, respondBy, detectedAt } = datesOf(input, now);

  const findings = guardPersonalData(
    {
      description: input.description,
      actionsTaken: input.actionsTaken,
      assistanceDetails: input.assistanceDetails,
    },
    input.personalDataConfirmed,
  );
  const attachments = decodeAttachments(ctx, input.attachments);

  const id = newId('rfa');
  const nowText = now.toISOString();
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('assistance_requests')
      .values({
        id,
        type: input.type,
        sender_org_id: input.senderOrgId,
        sender_poc_id: senderPoc.id,
        sender_user_id: actor.userId,
        tlp: input.tlp,
        title: input.title.trim(),
        detected_at: detectedAt,
        incident_status: input.incidentStatus,
        sector: input.sector,
        impact_level: input.impactLevel,
        is_cross_border: input.isCrossBorder ? 1 : 0,
        assistance_requested: JSON.stringify(input.assistanceRequested),
        assistance_details: input.assistanceDetails.trim(),
        actions_taken: input.actionsTaken.trim(),
        urgency: input.urgency,
        response_language: responseLanguage,
        acknowledge_by: acknowledgeBy,
        respond_by: respondBy,
        description: input.description.trim(),
        closed_at: null,
        closure_note: null,
        created_at: nowText,
        updated_at: nowText,
      })
      .execute();
    await trx
      .insertInto('assistance_recipients')
      .values(
        recipientOrgIds.map((orgId) => ({
          request_id: id,
          org_id: orgId,
          status: 'sent',
          acknowledged_at: null,
          acknowledged_by: null,
          decision: null,
          decision_reason: null,
          decided_at: null,
          decided_by: null,
          responded_at: null,
          escalation_level: 0,
          next_escalation_at: acknowledgeBy,
          updated_at: nowText,
        })),
      )
      .execute();
    await trx
      .insertInto('assistance_recipient_pocs')
      .values(
        addressed.map((poc) => ({
          request_id: id,
          org_id: poc.orgId,
          poc_id: poc.id,
          user_id: poc.userId,
          added_at_level: 0,
          added_at: nowText,
        })),
      )
      .execute();
    await insertAttachments(trx, id, null, attachments, nowText);
    const loaded = await loadRequest(trx, id);
    if (!loaded) throw new Error('the request just written is missing');
    if (input.tlp === 'TLP:CLEAR' || input.tlp === 'TLP:GREEN') {
      // The index cannot express AMBER or RED audiences (core/search/search.ts), so only these go in.
      await indexDocument(trx, ctx.dialect, {
        source: 'assistance_requests',
        sourceId: id,
        title: loaded.request.title,
        body: loaded.request.description,
        url: requestPath(id),
        visibility: 'community',
        orgId: input.senderOrgId,
        publishedAt: nowText,
      });
    }
    await recordAudit(trx, {
      actor,
      orgId: input.senderOrgId,
      action: 'assistance_request.sent',
      subjectType: 'assistance_request',
      subjectId: id,
      summary: `${input.type} ${id} (${input.tlp}) sent by "${loaded.request.sender_org_name}" to ${loaded.recipients
        .map((recipient) => `"${recipient.org_name}"`)
        .join(
          ', ',
        )}${findings.length > 0 ? ` with personal data confirmed (${findings.length} findings)` : ''}`,
    });
    await notifyAssistance(ctx, trx, {
      event: 'sent',
      request: loaded.request,
      record: loaded.record,
      recipientOrgNames: loaded.recipients.map((recipient) => recipient.org_name),
      org: null,
      status: 'sent',
      mailTo: addressed,
      inAppUserIds: addressed.map((poc) => poc.userId),
      webhookOrgIds: [input.senderOrgId, ...recipientOrgIds],
    });
  });
  return getRequest(ctx, actor, id);
}

export async function getRequest(ctx: AppContext, actor: Actor, id: string) {
  const { request, recipients } = await getReadableRequest(ctx, actor, id);
  const [messages, attachments] = await Promise.all([
    findMessageRows(ctx.db, id),
    findAttachmentMetaRows(ctx.db, id),
  ]);
  return presentRequest(
    request,
    recipients,
    messages,
    attachments,
    viewerSides(actor, request, recipients),
    nowIso(),
  );
}

export async function getAttachment(ctx: AppContext, actor: Actor, id: string, attachmentId: string) {
  const { request, recipients } = await getReadableRequest(ctx, actor, id);
  const attachment = await findAttachmentRow(ctx.db, id, attachmentId);
  if (!attachment) throw notFound('Attachment');
  if (attachment.message_id !== null) {
    // A thread attachment follows its message: bilateral.
    const message = await findMessageAddress(ctx.db, id, attachment.message_id);
    const sides = viewerSides(actor, request, recipients);
    if (!message || !isMessageVisible(sides, message, request.sender_org_id)) throw notFound('Attachment');
  }
  return {
    fileName: attachment.file_name,
    contentType: servedMediaType(attachment.media_type),
    sha256: attachment.sha256,
    data: Buffer.from(attachment.data),
  };
}

async function findReadableRows(
  ctx: AppContext,
  actor: Actor,
  query: { box: 'inbox' | 'outbox'; status?: string; type?: string; q?: string },
  before: string | undefined,
  limit: number,
): Promise<RequestRow[]> {
  const scope = readScope(actor);
  return findRequestRows(ctx.db, {
    box: query.box,
    orgIds: scope.orgIds,
    scope,
    ...(query.status ? { status: query.status } : {}),
    ...(query.type ? { type: query.type } : {}),
    ...(query.q ? { q: query.q } : {}),
    ...(before ? { before } : {}),
    limit,
  });
}

/** Each row with its recipients, after a last check of each row through the one policy. */
async function withRecipients(ctx: AppContext, actor: Actor, rows: RequestRow[]) {
  const recipients = await findRecipientRows(
    ctx.db,
    rows.map((row) => row.id),
  );
  const pocRows = await findRecipientPocRows(
    ctx.db,
    rows.map((row) => row.id),
  );
  return rows.flatMap((request) => {
    const own = recipients.filter((recipient) => recipient.request_id === request.id);
    const pocs = pocRows.filter((poc) => poc.request_id === request.id);
    const record = requestRecord(
      request,
      own.map((recipient) => recipient.org_id),
      pocs.map((poc) => poc.user_id),
    );
    // The SQL filter and the policy say the same; should they ever differ, the policy wins.
    if (!can(actor, 'record.read', record)) return [];
    return [{ request, recipients: own, sides: viewerSides(actor, request, own) }];
  });
}

export async function listRequests(ctx: AppContext, actor: Actor, query: Static<typeof ListQuery>) {
  if (actor.type === 'anonymous') throw unauthenticated();
  const limit = query.limit ?? 50;
  const rows = await findReadableRows(ctx, actor, query, decodeStringCursor(query.cursor), limit + 1);
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const now = nowIso();
  const items = (await withRecipients(ctx, actor, pageRows)).map(({ request, recipients, sides }) =>
    presentRequestSummary(request, recipients, sides, now),
  );
  const last = pageRows[pageRows.length - 1];
  // The cursor follows the rows read, even if the policy dropped one of them from the page.
  return { items, nextCursor: hasMore && last ? encodeCursor(last.id) : null };
}

const EXPORT_LIMIT = 10_000;

export async function exportRequestsCsv(ctx: AppContext, actor: Actor, query: Static<typeof ExportQuery>) {
  if (actor.type === 'anonymous') throw unauthenticated();
  const rows = await findReadableRows(ctx, actor, query, undefined, EXPORT_LIMIT);
  const now = nowIso();
  const items = (await withRecipients(ctx, actor, rows)).map(({ request, recipients, sides }) =>
    presentRequestSummary(request, recipients, sides, now),
  );
  return toCsv(
    [
      'id',
      'tlp',
      'type',
      'title',
      'sender_organization',
      'recipients',
      'urgency',
      'acknowledge_by',
      'respond_by',
      'acknowledge_overdue',
      'response_overdue',
      'created_at',
      'closed_at',
    ],
    items.map((item) => [
      item.id,
      item.tlp,
      item.type,
      item.title,
      item.senderOrg.name,
      item.recipients
        .map((recipient) => `${recipient.org.name}${recipient.status ? ` (${recipient.status})` : ''}`)
        .join('; '),
      item.urgency,
      item.acknowledgeBy,
      item.respondBy,
      item.isAcknowledgeOverdue ? 'yes' : 'no',
      item.isResponseOverdue ? 'yes' : 'no',
      item.createdAt,
      item.closedAt,
    ]),
  );
}

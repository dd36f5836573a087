import type { Static } from 'typebox';
import { type Actor, authorize } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction } from '../../../core/db/transaction.ts';
import { toCsv } from '../../../core/http/csv.ts';
import { badRequest, conflict, notFound } from '../../../core/http/errors.ts';
import { decodeStringCursor, toPage } from '../../../core/http/pagination.ts';
import { getOrganizationRow } from '../../../core/orgs/orgs.service.ts';
import { indexDocument } from '../../../core/search/index.ts';
import { findBlocks, findRevisionRow } from '../drafts/drafts.repository.ts';
import { getDraftRow } from '../drafts/drafts.service.ts';
import { recordEvent } from '../follows/events.ts';
import { chairedResource } from '../groups/groups.service.ts';
import { seatIn } from '../seats.ts';
import {
  type ContributionRow,
  consultationStatus,
  presentConsultation,
  presentContribution,
} from './consultations.presenter.ts';
import {
  findConsultationContributionRows,
  findConsultationRow,
  findConsultationRows,
  findContributionRow,
  findContributionRows,
} from './consultations.repository.ts';
import type {
  Contribute,
  CreateConsultation,
  SetDisposition,
  UpdateConsultation,
} from './consultations.schemas.ts';

function checkWindow(opensAt: string, closesAt: string) {
  if (Date.parse(closesAt) <= Date.parse(opensAt)) {
    throw badRequest('closes_before_opens', 'A consultation closes after it opens.');
  }
}

/** Consultations on published drafts are public. */
async function getConsultationRow(ctx: AppContext, actor: Actor, id: string) {
  const row = await findConsultationRow(ctx.db, id);
  if (!row) throw notFound('Consultation');
  await getDraftRow(ctx, actor, row.draft_id);
  return row;
}

export async function getConsultation(ctx: AppContext, actor: Actor, id: string) {
  return presentConsultation(await getConsultationRow(ctx, actor, id));
}

export async function findConsultations(
  ctx: AppContext,
  filters: { draftId?: string; processId?: string },
  query: { status?: string; cursor?: string; limit?: number },
) {
  const limit = query.limit ?? 50;
  const after = decodeStringCursor(query.cursor);
  const rows = await findConsultationRows(ctx.db, {
    ...filters,
    now: nowIso(),
    ...(query.status ? { status: query.status } : {}),
    ...(after ? { after } : {}),
    limit,
  });
  return toPage(rows, limit, (row) => row.id, presentConsultation);
}

export async function findDraftConsultations(
  ctx: AppContext,
  actor: Actor,
  draftId: string,
  query: { status?: string; cursor?: string; limit?: number },
) {
  await getDraftRow(ctx, actor, draftId);
  return findConsultations(ctx, { draftId }, query);
}

export async function createConsultation(
  ctx: AppContext,
  actor: Actor,
  draftId: string,
  input: Static<typeof CreateConsultation>,
) {
  const draft = await getDraftRow(ctx, actor, draftId);
  authorize(actor, 'group.chair', await chairOf(ctx, draft));
  if (draft.current_revision === 0) {
    throw conflict('draft_unpublished', 'Publish a revision before opening a consultation on it.');
  }
  const opensAt = new Date(input.opensAt).toISOString();
  const closesAt = new Date(input.closesAt).toISOString();
  checkWindow(opensAt, closesAt);
  const id = newId('con');
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('consultations')
      .values({
        id,
        draft_id: draftId,
        revision_number: draft.current_revision,
        title: input.title.trim(),
        opens_at: opensAt,
        closes_at: closesAt,
        created_by: actor.type === 'user' ? actor.userId : 'system',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await recordEvent(trx, {
      kind: 'consultation_scheduled',
      processId: draft.process_id,
      groupId: draft.group_id,
      draftId,
      title: `Consultation on "${draft.title}": ${input.title.trim()}`,
      summary: `Open from ${opensAt} to ${closesAt} (UTC) on revision ${draft.current_revision}.`,
      url: `/participation/drafts/${draftId}`,
    });
    await recordAudit(trx, {
      actor,
      action: 'consultation.created',
      subjectType: 'consultation',
      subjectId: id,
      summary: `Consultation "${input.title.trim()}" on revision ${draft.current_revision} of "${draft.title}", ${opensAt} to ${closesAt}`,
    });
  });
  return getConsultation(ctx, actor, id);
}

function chairOf(ctx: AppContext, draft: { group_id: string | null }) {
  return chairedResource(ctx, draft.group_id);
}

/** Chairs move the dates (closing early included) until the consultation has closed. */
export async function updateConsultation(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Static<typeof UpdateConsultation>,
) {
  const row = await getConsultationRow(ctx, actor, id);
  authorize(actor, 'group.chair', await chairOf(ctx, row));
  if (consultationStatus(row) === 'closed')
    throw conflict('consultation_closed', 'A closed consultation stays closed.');
  const opensAt = input.opensAt ? new Date(input.opensAt).toISOString() : row.opens_at;
  const closesAt = input.closesAt ? new Date(input.closesAt).toISOString() : row.closes_at;
  checkWindow(opensAt, closesAt);
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('consultations')
      .set({
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        opens_at: opensAt,
        closes_at: closesAt,
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'consultation.updated',
      subjectType: 'consultation',
      subjectId: id,
      summary: `Consultation "${row.title}" now ${opensAt} to ${closesAt}`,
    });
  });
  return getConsultation(ctx, actor, id);
}

export async function contribute(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Static<typeof Contribute>,
) {
  const consultation = await getConsultationRow(ctx, actor, id);
  const org = await getOrganizationRow(ctx, actor, input.organizationId);
  authorize(actor, 'participation.contribute', await seatIn(ctx, consultation.process_id, org.id));
  if (consultationStatus(consultation) !== 'open') {
    throw conflict('consultation_not_open', 'Contributions are taken only while the consultation is open.');
  }
  const body = input.body.trim();
  let paragraph: { key: string; number: number | null } | null = null;
  if (input.kind === 'general') {
    if (input.paragraphKey)
      throw badRequest('general_has_no_paragraph', 'A general comment is not on a paragraph.');
  } else {
    if (!input.paragraphKey) throw badRequest('paragraph_required', 'Say which paragraph you comment on.');
    const revision = await findRevisionRow(ctx.db, consultation.draft_id, consultation.revision_number);
    const blocks = revision ? await findBlocks(ctx.db, revision.id) : [];
    const block = blocks.find((b) => b.key === input.paragraphKey && b.kind === 'paragraph');
    if (!block) {
      throw badRequest('unknown_paragraph', 'That paragraph is not in the revision under consultation.');
    }
    paragraph = { key: block.key, number: block.number };
  }
  if (input.kind === 'amendment' && !input.proposedText?.trim()) {
    throw badRequest('proposed_text_required', 'An amendment proposes replacement text.');
  }
  if (input.kind !== 'amendment' && input.proposedText !== undefined) {
    throw badRequest('proposed_text_only_for_amendments', 'Only an amendment carries replacement text.');
  }
  if (input.kind !== 'amendment' && body === '') throw badRequest('body_required', 'Write your comment.');
  const contributionId = newId('ctb');
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('contributions')
      .values({
        id: contributionId,
        consultation_id: id,
        draft_id: consultation.draft_id,
        kind: input.kind,
        block_key: paragraph?.key ?? null,
        revision_number: consultation.revision_number,
        paragraph_number: paragraph?.number ?? null,
        body,
        proposed_text: input.kind === 'amendment' ? (input.proposedText?.trim() ?? null) : null,
        org_id: org.id,
        author_id: actor.type === 'user' ? actor.userId : 'system',
        created_at: nowIso(),
        disposition: null,
        disposition_reason: null,
        disposed_at: null,
        disposed_by: null,
      })
      .execute();
    // Contributions to a consultation are public from the start, so they are searchable at once.
    await indexDocument(trx, ctx.dialect, {
      source: 'contributions',
      sourceId: contributionId,
      title: `${org.name} on ${paragraph ? `paragraph ${paragraph.number} of ` : ''}${consultation.draft_title}`,
      body: [body, input.kind === 'amendment' ? input.proposedText?.trim() : null]
        .filter(Boolean)
        .join('\n\n'),
      language: null,
      url: `/participation/drafts/${consultation.draft_id}?revision=${consultation.revision_number}${paragraph ? `&paragraph=${paragraph.key}` : ''}`,
      visibility: 'public',
      orgId: org.id,
      publishedAt: nowIso(),
    });
    await recordEvent(trx, {
      kind: 'contribution',
      processId: consultation.process_id,
      groupId: consultation.group_id,
      draftId: consultation.draft_id,
      title: `${org.name}: ${input.kind === 'general' ? 'general comment' : `${input.kind} on paragraph ${paragraph?.number}`} on "${consultation.draft_title}"`,
      summary: body.slice(0, 280),
      url: `/participation/drafts/${consultation.draft_id}?revision=${consultation.revision_number}`,
    });
    await recordAudit(trx, {
      actor,
      orgId: org.id,
      action: `contribution.${input.kind}`,
      subjectType: 'contribution',
      subjectId: contributionId,
      summary: `"${org.name}" made a ${input.kind}${paragraph ? ` on paragraph ${paragraph.number}` : ''} in "${consultation.title}"`,
    });
  });
  return presentContribution((await findContributionRow(ctx.db, contributionId))!);
}

export async function findContributions(
  ctx: AppContext,
  actor: Actor,
  draftId: string,
  query: { consultationId?: string; paragraphKey?: string; kind?: string; cursor?: string; limit?: number },
) {
  await getDraftRow(ctx, actor, draftId);
  const limit = query.limit ?? 50;
  const after = decodeStringCursor(query.cursor);
  const rows = await findContributionRows(ctx.db, {
    draftId,
    ...(query.consultationId ? { consultationId: query.consultationId } : {}),
    ...(query.paragraphKey ? { blockKey: query.paragraphKey } : {}),
    ...(query.kind ? { kind: query.kind } : {}),
    ...(after ? { after } : {}),
    limit,
  });
  return toPage(rows, limit, (row) => row.id, presentContribution);
}

/** Everything an organization has contributed to consultations: public, like each contribution. */
export async function findOrganizationContributions(
  ctx: AppContext,
  orgId: string,
  query: { cursor?: string; limit?: number },
) {
  const limit = query.limit ?? 50;
  const after = decodeStringCursor(query.cursor);
  const rows = await findContributionRows(ctx.db, { orgId, ...(after ? { after } : {}), limit });
  return toPage(rows, limit, (row) => row.id, presentContribution);
}

/** After the consultation closes, the chair says what became of each contribution, and why. */
export async function setDisposition(
  ctx: AppContext,
  actor: Actor,
  contributionId: string,
  input: Static<typeof SetDisposition>,
) {
  const contribution = await findContributionRow(ctx.db, contributionId);
  if (!contribution) throw notFound('Contribution');
  const consultation = await getConsultationRow(ctx, actor, contribution.consultation_id);
  authorize(actor, 'group.chair', await chairOf(ctx, consultation));
  if (consultationStatus(consultation) !== 'closed') {
    throw conflict('consultation_not_closed', 'Dispositions are recorded once the consultation has closed.');
  }
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('contributions')
      .set({
        disposition: input.outcome,
        disposition_reason: input.reason.trim(),
        disposed_at: now,
        disposed_by: actor.type === 'user' ? actor.userId : null,
      })
      .where('id', '=', contributionId)
      .execute();
    await recordEvent(trx, {
      kind: 'disposition',
      processId: consultation.process_id,
      groupId: consultation.group_id,
      draftId: consultation.draft_id,
      title: `${contribution.org_name}'s ${contribution.kind} marked ${input.outcome.replace('_', ' ')}`,
      summary: input.reason.trim(),
      url: `/participation/consultations/${consultation.id}/dispositions`,
    });
    await recordAudit(trx, {
      actor,
      orgId: contribution.org_id,
      action: 'contribution.disposition_set',
      subjectType: 'contribution',
      subjectId: contributionId,
      summary: `${contribution.kind} by "${contribution.org_name}" marked ${input.outcome}: ${input.reason.trim()}`,
    });
  });
  return presentContribution((await findContributionRow(ctx.db, contributionId))!);
}

/** The disposition table: every contribution in paragraph order, general comments first. */
export async function getDispositionTable(ctx: AppContext, actor: Actor, id: string) {
  const consultation = await getConsultationRow(ctx, actor, id);
  const rows = await findConsultationContributionRows(ctx.db, id);
  rows.sort((a, b) => (a.paragraph_number ?? 0) - (b.paragraph_number ?? 0) || (a.id < b.id ? -1 : 1));
  return { consultation: presentConsultation(consultation), rows };
}

const CSV_COLUMNS = [
  'paragraph',
  'kind',
  'organization',
  'stakeholder_kind',
  'country',
  'submitted_at',
  'comment',
  'proposed_text',
  'disposition',
  'reason',
];

export function toDispositionCsv(rows: readonly ContributionRow[]): string {
  return toCsv(
    CSV_COLUMNS,
    rows.map((row) => [
      row.paragraph_number ?? 'general',
      row.kind,
      row.org_name,
      row.org_kind,
      row.org_country_code,
      row.created_at,
      row.body,
      row.proposed_text,
      row.disposition ?? 'pending',
      row.disposition_reason,
    ]),
  );
}

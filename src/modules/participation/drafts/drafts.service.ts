import type { Static } from 'typebox';
import { type Actor, authorize, can } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction, type Trx } from '../../../core/db/transaction.ts';
import { badRequest, conflict, notFound } from '../../../core/http/errors.ts';
import { decodeCursor, toPage } from '../../../core/http/pagination.ts';
import { indexDocument } from '../../../core/search/index.ts';
import { recordEvent } from '../follows/events.ts';
import { chairedResource, getGroupRow } from '../groups/groups.service.ts';
import type { DraftsTable } from '../participation.tables.ts';
import { getProcessRow } from '../processes/processes.service.ts';
import {
  assignKeys,
  type Block,
  type BlockInput,
  diffBlocks,
  numberBlocks,
  parseMarkdown,
} from './document.ts';
import { presentDraft, presentDraftSummary, presentRevisionView } from './drafts.presenter.ts';
import {
  countContributionsByBlock,
  findBlocks,
  findDraftKeys,
  findDraftRow,
  findDraftRows,
  findLastPublishedBlocks,
  findPublishedRevisions,
  findRevisionRow,
  replaceBlocks,
} from './drafts.repository.ts';
import type { CreateDraft, SaveWorkingCopy, UpdateDraft } from './drafts.schemas.ts';

export async function canManageDraft(ctx: AppContext, actor: Actor, draft: Pick<DraftsTable, 'group_id'>) {
  return can(actor, 'group.chair', await chairedResource(ctx, draft.group_id));
}

async function authorizeManage(ctx: AppContext, actor: Actor, draft: Pick<DraftsTable, 'group_id'>) {
  authorize(actor, 'group.chair', await chairedResource(ctx, draft.group_id));
}

/** A published draft is public; one in preparation is seen by its chairs and the secretariat only. */
export async function getDraftRow(ctx: AppContext, actor: Actor, id: string) {
  const row = await findDraftRow(ctx.db, id);
  if (!row) throw notFound('Draft');
  if (row.current_revision === 0 && !(await canManageDraft(ctx, actor, row))) throw notFound('Draft');
  return row;
}

export async function getDraft(ctx: AppContext, actor: Actor, id: string) {
  const row = await getDraftRow(ctx, actor, id);
  const [revisions, workingCopy, canManage] = await Promise.all([
    findPublishedRevisions(ctx.db, id),
    findRevisionRow(ctx.db, id, null),
    canManageDraft(ctx, actor, row),
  ]);
  return presentDraft(row, revisions, workingCopy !== undefined, canManage);
}

export async function findDrafts(
  ctx: AppContext,
  actor: Actor,
  processId: string,
  query: { groupId?: string; cursor?: string; limit?: number },
) {
  await getProcessRow(ctx, processId);
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor);
  // Drafts in preparation are listed for those who may manage them: the secretariat, or a group's chairs.
  const includePreparation = query.groupId
    ? can(actor, 'group.chair', await chairedResource(ctx, query.groupId))
    : can(actor, 'process.manage', { type: 'platform' });
  const rows = await findDraftRows(ctx.db, {
    processId,
    ...(query.groupId ? { groupId: query.groupId } : {}),
    includePreparation,
    ...(typeof after === 'string' ? { after } : {}),
    limit,
  });
  return toPage(rows, limit, (row) => row.id, presentDraftSummary);
}

function blocksFrom(input: {
  blocks?: BlockInput[] | undefined;
  markdown?: string | undefined;
}): BlockInput[] {
  const blocks = input.markdown !== undefined ? parseMarkdown(input.markdown) : (input.blocks ?? []);
  if (!blocks.some((block) => block.kind === 'paragraph')) {
    throw badRequest('no_paragraphs', 'A draft needs at least one paragraph.');
  }
  return blocks;
}

export async function createDraft(
  ctx: AppContext,
  actor: Actor,
  processId: string,
  input: Static<typeof CreateDraft>,
) {
  const process = await getProcessRow(ctx, processId);
  let groupId: string | null = null;
  if (input.groupId) {
    const group = await getGroupRow(ctx, input.groupId);
    if (group.process_id !== processId)
      throw badRequest('group_not_in_process', 'That group belongs to another process.');
    groupId = group.id;
  }
  await authorizeManage(ctx, actor, { group_id: groupId });
  const blocks = input.markdown !== undefined ? numberBlocks(assignKeys([], blocksFrom(input))) : [];
  const id = newId('dft');
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('drafts')
      .values({
        id,
        process_id: processId,
        group_id: groupId,
        title: input.title.trim(),
        summary: input.summary ?? '',
        current_revision: 0,
        created_by: actor.type === 'user' ? actor.userId : 'system',
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (blocks.length > 0) await writeWorkingCopy(trx, id, blocks);
    await recordAudit(trx, {
      actor,
      action: 'draft.created',
      subjectType: 'draft',
      subjectId: id,
      summary: `Draft "${input.title.trim()}" created in "${process.title}"`,
    });
  });
  return getDraft(ctx, actor, id);
}

export async function updateDraft(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Static<typeof UpdateDraft>,
) {
  const row = await getDraftRow(ctx, actor, id);
  await authorizeManage(ctx, actor, row);
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('drafts')
      .set({
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.summary !== undefined ? { summary: input.summary } : {}),
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'draft.updated',
      subjectType: 'draft',
      subjectId: id,
      summary: `Draft "${row.title}" updated: ${Object.keys(input).join(', ')}`,
    });
  });
  return getDraft(ctx, actor, id);
}

async function writeWorkingCopy(trx: Trx, draftId: string, blocks: readonly Block[]): Promise<void> {
  const now = nowIso();
  let revision = await trx
    .selectFrom('draft_revisions')
    .select('id')
    .where('draft_id', '=', draftId)
    .where('number', 'is', null)
    .executeTakeFirst();
  if (!revision) {
    revision = { id: newId('drv') };
    await trx
      .insertInto('draft_revisions')
      .values({
        id: revision.id,
        draft_id: draftId,
        number: null,
        note: '',
        published_at: null,
        published_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
  } else {
    await trx.updateTable('draft_revisions').set({ updated_at: now }).where('id', '=', revision.id).execute();
  }
  await replaceBlocks(trx, revision.id, blocks);
}

/** The content a new edit starts from: the working copy if there is one, else the latest revision. */
async function findBaseBlocks(ctx: AppContext | { db: Trx }, draft: DraftsTable): Promise<Block[]> {
  const working = await findRevisionRow(ctx.db, draft.id, null);
  if (working) return findBlocks(ctx.db, working.id);
  if (draft.current_revision === 0) return [];
  const latest = await findRevisionRow(ctx.db, draft.id, draft.current_revision);
  return latest ? findBlocks(ctx.db, latest.id) : [];
}

export async function getWorkingCopy(ctx: AppContext, actor: Actor, id: string) {
  const draft = await getDraftRow(ctx, actor, id);
  await authorizeManage(ctx, actor, draft);
  const blocks = await findBaseBlocks(ctx, draft);
  return presentRevisionView(draft.id, { number: null, note: '', published_at: null }, blocks, new Map(), []);
}

export async function saveWorkingCopy(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Static<typeof SaveWorkingCopy>,
) {
  const draft = await getDraftRow(ctx, actor, id);
  await authorizeManage(ctx, actor, draft);
  const incoming = blocksFrom(input);
  await inTransaction(ctx, async (trx) => {
    const known = await findDraftKeys(trx, id);
    const seen = new Set<string>();
    for (const block of incoming) {
      if (block.key === undefined) continue;
      if (!known.has(block.key))
        throw badRequest('unknown_block_key', `Block ${block.key} is not part of this draft.`);
      if (seen.has(block.key)) throw badRequest('duplicate_block_key', `Block ${block.key} appears twice.`);
      seen.add(block.key);
    }
    const base = await findBaseBlocks({ db: trx }, draft);
    await writeWorkingCopy(trx, id, numberBlocks(assignKeys(base, incoming)));
    await trx.updateTable('drafts').set({ updated_at: nowIso() }).where('id', '=', id).execute();
    await recordAudit(trx, {
      actor,
      action: 'draft.working_copy_saved',
      subjectType: 'draft',
      subjectId: id,
      summary: `Working copy of "${draft.title}" saved (${incoming.length} blocks${input.markdown !== undefined ? ', from Markdown' : ''})`,
    });
  });
  return getWorkingCopy(ctx, actor, id);
}

/** Publishes the working copy as the next numbered revision. */
export async function publishRevision(ctx: AppContext, actor: Actor, id: string, note: string) {
  const draft = await getDraftRow(ctx, actor, id);
  await authorizeManage(ctx, actor, draft);
  const now = nowIso();
  const number = await inTransaction(ctx, async (trx) => {
    // Claiming the draft row serialises concurrent publications of the same draft.
    const claimed = await trx
      .updateTable('drafts')
      .set((eb) => ({ current_revision: eb('current_revision', '+', 1), updated_at: now }))
      .where('id', '=', id)
      .returning('current_revision')
      .executeTakeFirstOrThrow();
    const working = await trx
      .selectFrom('draft_revisions')
      .select('id')
      .where('draft_id', '=', id)
      .where('number', 'is', null)
      .executeTakeFirst();
    if (!working) throw conflict('nothing_to_publish', 'Save a working copy before publishing a revision.');
    await trx
      .updateTable('draft_revisions')
      .set({
        number: claimed.current_revision,
        note: note.trim(),
        published_at: now,
        published_by: actor.type === 'user' ? actor.userId : null,
        updated_at: now,
      })
      .where('id', '=', working.id)
      .execute();
    const blocks = await findBlocks(trx, working.id);
    await indexDocument(trx, ctx.dialect, {
      source: 'drafts',
      sourceId: id,
      title: draft.title,
      body: [
        draft.summary,
        ...blocks.map((block) => (block.number ? `${block.number}. ${block.text}` : block.text)),
      ]
        .filter(Boolean)
        .join('\n'),
      language: null,
      url: `/participation/drafts/${id}`,
      visibility: 'public',
      publishedAt: now,
    });
    await recordEvent(trx, {
      kind: 'revision_published',
      processId: draft.process_id,
      groupId: draft.group_id,
      draftId: id,
      title: `Revision ${claimed.current_revision} of "${draft.title}"`,
      summary: note.trim(),
      url: `/participation/drafts/${id}?revision=${claimed.current_revision}`,
    });
    await recordAudit(trx, {
      actor,
      action: 'draft.revision_published',
      subjectType: 'draft',
      subjectId: id,
      summary: `Revision ${claimed.current_revision} of "${draft.title}" published: ${note.trim()}`,
    });
    return claimed.current_revision;
  });
  return getRevision(ctx, actor, id, number);
}

export async function getRevision(ctx: AppContext, actor: Actor, id: string, number: number) {
  const draft = await getDraftRow(ctx, actor, id);
  const revision = await findRevisionRow(ctx.db, id, number);
  if (!revision) throw notFound('Revision');
  const [blocks, counts] = await Promise.all([
    findBlocks(ctx.db, revision.id),
    countContributionsByBlock(ctx.db, draft.id),
  ]);
  const byKey = new Map<string | null, { comments: number; amendments: number }>();
  for (const row of counts) {
    const entry = byKey.get(row.block_key) ?? { comments: 0, amendments: 0 };
    if (row.kind === 'amendment') entry.amendments += Number(row.n);
    else entry.comments += Number(row.n);
    byKey.set(row.block_key, entry);
  }
  const present = new Set(blocks.map((block) => block.key));
  const orphanKeys = [...byKey.keys()].filter((key): key is string => key !== null && !present.has(key));
  const removed = orphanKeys.length > 0 ? await findLastPublishedBlocks(ctx.db, draft.id, orphanKeys) : [];
  return presentRevisionView(draft.id, revision, blocks, byKey, removed);
}

export async function diffRevisions(ctx: AppContext, actor: Actor, id: string, from: number, to: number) {
  await getDraftRow(ctx, actor, id);
  const [fromRow, toRow] = await Promise.all([
    findRevisionRow(ctx.db, id, from),
    findRevisionRow(ctx.db, id, to),
  ]);
  if (!fromRow || !toRow) throw notFound('Revision');
  const [fromBlocks, toBlocks] = await Promise.all([
    findBlocks(ctx.db, fromRow.id),
    findBlocks(ctx.db, toRow.id),
  ]);
  const entries = diffBlocks(fromBlocks, toBlocks);
  const summary = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  for (const entry of entries) summary[entry.change]++;
  return { draftId: id, from, to, summary, entries };
}

import type { DraftsTable } from '../participation.tables.ts';
import type { Block } from './document.ts';

export function presentDraftSummary(row: DraftsTable) {
  return {
    id: row.id,
    processId: row.process_id,
    groupId: row.group_id,
    title: row.title,
    summary: row.summary,
    currentRevision: row.current_revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function presentDraft(
  row: DraftsTable,
  revisions: { number: number | null; note: string; published_at: string | null }[],
  hasWorkingCopy: boolean,
  canManage: boolean,
) {
  return {
    ...presentDraftSummary(row),
    revisions: revisions.map((revision) => ({
      number: revision.number ?? 0,
      note: revision.note,
      publishedAt: revision.published_at ?? '',
    })),
    hasWorkingCopy: canManage && hasWorkingCopy,
    canManage,
  };
}

type Counts = Map<string | null, { comments: number; amendments: number }>;

export function presentRevisionView(
  draftId: string,
  revision: { number: number | null; note: string; published_at: string | null },
  blocks: readonly Block[],
  counts: Counts,
  removed: { block_key: string; number: number | null; text: string; revision: number | null }[],
) {
  // `removed` is newest revision first: the first row per key is the paragraph's last published text.
  const lastSeen = new Map<string, (typeof removed)[number]>();
  for (const row of removed) if (!lastSeen.has(row.block_key)) lastSeen.set(row.block_key, row);
  return {
    draftId,
    number: revision.number,
    note: revision.note,
    publishedAt: revision.published_at,
    blocks: blocks.map((block) => ({
      key: block.key,
      kind: block.kind,
      number: block.number,
      text: block.text,
      commentCount: counts.get(block.key)?.comments ?? 0,
      amendmentCount: counts.get(block.key)?.amendments ?? 0,
    })),
    removedParagraphs: [...lastSeen.values()].map((row) => ({
      key: row.block_key,
      lastRevision: row.revision ?? 0,
      lastNumber: row.number,
      text: row.text,
      commentCount: counts.get(row.block_key)?.comments ?? 0,
      amendmentCount: counts.get(row.block_key)?.amendments ?? 0,
    })),
    generalCommentCount: counts.get(null)?.comments ?? 0,
  };
}

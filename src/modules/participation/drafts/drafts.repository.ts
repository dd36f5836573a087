import type { Db } from '../../../core/db/database.ts';
import type { Trx } from '../../../core/db/transaction.ts';
import type { Block, BlockKind } from './document.ts';

export function findDraftRow(db: Db | Trx, id: string) {
  return db.selectFrom('drafts').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findDraftRows(
  db: Db,
  filters: {
    processId: string;
    groupId?: string;
    includePreparation: boolean;
    after?: string;
    limit: number;
  },
) {
  let query = db
    .selectFrom('drafts')
    .selectAll()
    .where('process_id', '=', filters.processId)
    .orderBy('id', 'desc')
    .limit(filters.limit + 1);
  if (filters.groupId) query = query.where('group_id', '=', filters.groupId);
  if (!filters.includePreparation) query = query.where('current_revision', '>', 0);
  if (filters.after) query = query.where('id', '<', filters.after);
  return query.execute();
}

export function findPublishedRevisions(db: Db | Trx, draftId: string) {
  return db
    .selectFrom('draft_revisions')
    .select(['id', 'number', 'note', 'published_at'])
    .where('draft_id', '=', draftId)
    .where('number', 'is not', null)
    .orderBy('number')
    .execute();
}

export function findRevisionRow(db: Db | Trx, draftId: string, number: number | null) {
  let query = db.selectFrom('draft_revisions').selectAll().where('draft_id', '=', draftId);
  query = number === null ? query.where('number', 'is', null) : query.where('number', '=', number);
  return query.executeTakeFirst();
}

export async function findBlocks(db: Db | Trx, revisionId: string): Promise<Block[]> {
  const rows = await db
    .selectFrom('draft_blocks')
    .select(['block_key', 'kind', 'number', 'text'])
    .where('revision_id', '=', revisionId)
    .orderBy('position')
    .execute();
  return rows.map((row) => ({
    key: row.block_key,
    kind: row.kind as BlockKind,
    number: row.number,
    text: row.text,
  }));
}

/** Replaces a revision's blocks, in chunks that stay under both engines' parameter limits. */
export async function replaceBlocks(trx: Trx, revisionId: string, blocks: readonly Block[]): Promise<void> {
  await trx.deleteFrom('draft_blocks').where('revision_id', '=', revisionId).execute();
  for (let start = 0; start < blocks.length; start += 500) {
    await trx
      .insertInto('draft_blocks')
      .values(
        blocks.slice(start, start + 500).map((block, offset) => ({
          revision_id: revisionId,
          position: start + offset,
          block_key: block.key,
          kind: block.kind,
          number: block.number,
          text: block.text,
        })),
      )
      .execute();
  }
}

/** Every key any revision of the draft has used: the only keys an editor may send back. */
export async function findDraftKeys(db: Db | Trx, draftId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('draft_blocks')
    .innerJoin('draft_revisions', 'draft_revisions.id', 'draft_blocks.revision_id')
    .select('draft_blocks.block_key')
    .distinct()
    .where('draft_revisions.draft_id', '=', draftId)
    .execute();
  return new Set(rows.map((row) => row.block_key));
}

/** Comment and amendment counts per paragraph key, over every consultation on the draft. */
export function countContributionsByBlock(db: Db, draftId: string) {
  return db
    .selectFrom('contributions')
    .select(['block_key', 'kind', (eb) => eb.fn.countAll<number>().as('n')])
    .where('draft_id', '=', draftId)
    .groupBy(['block_key', 'kind'])
    .execute();
}

/** The last published text of each given block, for paragraphs a later revision removed. */
export function findLastPublishedBlocks(db: Db, draftId: string, keys: readonly string[]) {
  return db
    .selectFrom('draft_blocks')
    .innerJoin('draft_revisions', 'draft_revisions.id', 'draft_blocks.revision_id')
    .select([
      'draft_blocks.block_key',
      'draft_blocks.number',
      'draft_blocks.text',
      'draft_revisions.number as revision',
    ])
    .where('draft_revisions.draft_id', '=', draftId)
    .where('draft_revisions.number', 'is not', null)
    .where('draft_blocks.block_key', 'in', [...keys])
    .orderBy('draft_revisions.number', 'desc')
    .execute();
}

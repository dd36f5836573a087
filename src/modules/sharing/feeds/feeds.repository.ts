import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../core/db/tables.ts';
import type { SharingFeedRunsTable, SharingFeedsTable } from '../sharing.tables.ts';

type Reader = Kysely<Database>;
export type FeedRow = Selectable<SharingFeedsTable>;
export type FeedRunRow = Selectable<SharingFeedRunsTable>;

export async function findFeedRow(db: Reader, id: string): Promise<FeedRow | undefined> {
  return db.selectFrom('sharing_feeds').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findFeedRowsOfOrg(db: Reader, orgId: string): Promise<FeedRow[]> {
  return db.selectFrom('sharing_feeds').selectAll().where('org_id', '=', orgId).orderBy('id').execute();
}

export async function insertFeed(db: Reader, row: FeedRow): Promise<void> {
  await db.insertInto('sharing_feeds').values(row).execute();
}

export async function updateFeed(db: Reader, id: string, patch: Partial<Omit<FeedRow, 'id'>>): Promise<void> {
  await db.updateTable('sharing_feeds').set(patch).where('id', '=', id).execute();
}

export async function deleteFeed(db: Reader, id: string): Promise<void> {
  await db.deleteFrom('sharing_feeds').where('id', '=', id).execute();
}

/** Enabled feeds whose time has come and that no process is polling. */
export async function findDueFeedIds(db: Reader, now: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('sharing_feeds')
    .select('id')
    .where('is_enabled', '=', 1)
    .where('next_run_at', '<=', now)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .orderBy('next_run_at')
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

/**
 * Takes the feed for one poll, unless another process holds it: a conditional update, so exactly one
 * claimant wins on either database.
 */
export async function claimFeed(db: Reader, id: string, now: string, leaseUntil: string): Promise<boolean> {
  const result = await db
    .updateTable('sharing_feeds')
    .set({ lease_until: leaseUntil })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertFeedRun(db: Reader, row: FeedRunRow): Promise<void> {
  await db.insertInto('sharing_feed_runs').values(row).execute();
}

export async function updateFeedRun(
  db: Reader,
  id: string,
  patch: Partial<Omit<FeedRunRow, 'id'>>,
): Promise<void> {
  await db.updateTable('sharing_feed_runs').set(patch).where('id', '=', id).execute();
}

export async function findFeedRunRow(db: Reader, id: string): Promise<FeedRunRow | undefined> {
  return db.selectFrom('sharing_feed_runs').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A feed's runs, newest first (run ids are time-sortable). */
export async function findFeedRunRows(
  db: Reader,
  feedId: string,
  options: { before?: string; limit: number },
): Promise<FeedRunRow[]> {
  let query = db.selectFrom('sharing_feed_runs').selectAll().where('feed_id', '=', feedId);
  if (options.before) query = query.where('id', '<', options.before);
  return query.orderBy('id', 'desc').limit(options.limit).execute();
}

/** The latest run of each feed. */
export async function findLastRunRows(
  db: Reader,
  feedIds: readonly string[],
): Promise<Map<string, FeedRunRow>> {
  const byFeed = new Map<string, FeedRunRow>();
  if (feedIds.length === 0) return byFeed;
  const rows = await db
    .selectFrom('sharing_feed_runs')
    .selectAll()
    .where('feed_id', 'in', feedIds)
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('sharing_feed_runs as r')
        .select((inner) => inner.fn.max('r.id').as('id'))
        .where('r.feed_id', 'in', feedIds)
        .groupBy('r.feed_id'),
    )
    .execute();
  for (const row of rows) byFeed.set(row.feed_id, row);
  return byFeed;
}

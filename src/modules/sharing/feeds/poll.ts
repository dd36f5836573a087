import { type Actor, can } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction } from '../../../core/db/transaction.ts';
import type { OrgKind, VerificationStatus } from '../../../core/orgs/kinds.ts';
import { collectionResource } from '../collections/collection-access.ts';
import { type CollectionRow, findCollectionRow } from '../collections/collections.repository.ts';
import { putObjects } from '../taxii/ingest.ts';
import { isTimestamp } from '../taxii/timestamps.ts';
import { decryptSecret } from './credentials.ts';
import {
  claimFeed,
  type FeedRow,
  type FeedRunRow,
  findDueFeedIds,
  findFeedRow,
  findFeedRunRow,
  insertFeedRun,
  updateFeed,
  updateFeedRun,
} from './feeds.repository.ts';
import { type FeedAuth, FeedError, getTaxii } from './taxii-client.ts';

/** Objects asked for per request, and requests per run; a longer backlog continues at the next tick. */
export const FEED_PAGE_LIMIT = 1000;
export const MAX_PAGES_PER_RUN = 50;
/** A run holds its feed this long at most; a process that died mid-run frees it when this passes. */
const LEASE_MS = 15 * 60_000;
const MINUTE_MS = 60_000;

export interface FeedOrg {
  id: string;
  kind: OrgKind;
  verification_status: VerificationStatus;
}

/**
 * The feed acts for its organization as an API token of that organization would: one membership, with the
 * organization's current verification. So the one policy decides whether its objects may enter the local
 * collection, now and at every run.
 */
export function feedActor(feedName: string, org: FeedOrg): Actor {
  return {
    type: 'user',
    userId: `feed:${org.id}`,
    email: '',
    displayName: feedName,
    isPlatformAdmin: false,
    hasMfa: false,
    memberships: [
      {
        orgId: org.id,
        role: 'member',
        orgKind: org.kind,
        isOrgVerified: org.verification_status === 'verified',
      },
    ],
    via: 'token',
  };
}

export function mayFeedWriteTo(feedName: string, org: FeedOrg, collection: CollectionRow): boolean {
  return (
    collection.retired_at === null &&
    can(feedActor(feedName, org), 'sharing.collection.write', collectionResource(collection))
  );
}

export async function findFeedOrg(ctx: AppContext, orgId: string): Promise<FeedOrg | undefined> {
  const row = await ctx.db
    .selectFrom('organizations')
    .select(['id', 'kind', 'verification_status'])
    .where('id', '=', orgId)
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        kind: row.kind as OrgKind,
        verification_status: row.verification_status as VerificationStatus,
      }
    : undefined;
}

function authOf(ctx: AppContext, feed: FeedRow): FeedAuth {
  if (feed.auth_type === 'none') return { type: 'none' };
  const secret = feed.auth_secret ? decryptSecret(ctx.signingKey, feed.id, feed.auth_secret) : null;
  if (secret === null) throw new FeedError('The stored credentials cannot be decrypted; set them again.');
  return feed.auth_type === 'basic'
    ? { type: 'basic', username: feed.auth_username ?? '', password: secret }
    : { type: 'bearer', token: secret };
}

export function objectsUrlOf(feed: Pick<FeedRow, 'api_root_url' | 'remote_collection_id'>): string {
  return `${feed.api_root_url}collections/${encodeURIComponent(feed.remote_collection_id)}/objects/`;
}

interface Tally {
  pages: number;
  received: number;
  added: number;
  rejected: number;
  addedAfterTo: string | null;
}

/** Polls page after page, committing each page with the feed's new position, so a failed run resumes where it stopped. */
async function pollPages(
  ctx: AppContext,
  feed: FeedRow,
  runId: string,
  tally: Tally,
): Promise<{ isBacklogLeft: boolean }> {
  const collection = await findCollectionRow(ctx.db, feed.local_collection_id);
  const org = await findFeedOrg(ctx, feed.org_id);
  if (!collection || !org || !mayFeedWriteTo(feed.name, org, collection)) {
    throw new FeedError('The organization may no longer add objects to the local collection.');
  }
  const auth = authOf(ctx, feed);
  const baseUrl = objectsUrlOf(feed);
  const actor: Actor = { type: 'system', label: `taxii-feed:${feed.id}` };
  let addedAfter = feed.added_after;
  let next: string | undefined;
  for (let page = 0; page < MAX_PAGES_PER_RUN; page++) {
    const query = new URLSearchParams({ limit: String(FEED_PAGE_LIMIT) });
    if (addedAfter) query.set('added_after', addedAfter);
    if (next) query.set('next', next);
    const answer = await getTaxii(`${baseUrl}?${query}`, {
      auth,
      allowPrivateNetworks: ctx.config.taxiiFeedsAllowPrivateNetworks,
    });
    const envelope = answer.body;
    if (typeof envelope !== 'object' || envelope === null || Array.isArray(envelope)) {
      throw new FeedError('The server’s answer is not a TAXII envelope.');
    }
    const {
      objects = [],
      more,
      next: nextToken,
    } = envelope as { objects?: unknown; more?: unknown; next?: unknown };
    if (!Array.isArray(objects)) throw new FeedError('The envelope’s objects are not a list.');
    const header = answer.headers['x-taxii-date-added-last'];
    const lastAdded = typeof header === 'string' && isTimestamp(header) ? header : null;

    tally.pages += 1;
    tally.received += objects.length;
    await inTransaction(ctx, async (trx) => {
      const result =
        objects.length > 0
          ? await putObjects(trx, collection.id, objects, { ownerOrgId: feed.org_id })
          : null;
      if (result) {
        tally.added += result.addedCount;
        tally.rejected += result.failures.length;
      }
      if (lastAdded) {
        tally.addedAfterTo = lastAdded;
        await updateFeed(trx, feed.id, { added_after: lastAdded });
      }
      await updateFeedRun(trx, runId, {
        pages: tally.pages,
        objects_received: tally.received,
        objects_added: tally.added,
        objects_rejected: tally.rejected,
        added_after_to: tally.addedAfterTo,
      });
      if (result) {
        await recordAudit(trx, {
          actor,
          orgId: feed.org_id,
          action: 'sharing.feed_polled',
          subjectType: 'sharing_collection',
          subjectId: collection.id,
          summary: `Feed "${feed.name}" added ${result.addedCount} of ${objects.length} STIX objects to collection "${collection.title}" (${result.failures.length} refused)`,
        });
      }
    });

    if (more !== true) return { isBacklogLeft: false };
    if (typeof nextToken === 'string' && nextToken !== '') {
      if (nextToken === next) throw new FeedError('The server gave the same next token twice.');
      next = nextToken;
    } else if (lastAdded && lastAdded !== addedAfter) {
      // Servers that page by time alone: ask again for what came after this page.
      next = undefined;
      addedAfter = lastAdded;
    } else {
      throw new FeedError(
        'The server says there is more but gives neither next nor X-TAXII-Date-Added-Last.',
      );
    }
  }
  return { isBacklogLeft: true };
}

/**
 * One run of a feed: claimed so no other process polls it at the same time, logged in sharing_feed_runs
 * whatever happens, then released with its next time set. `null` when another process holds the feed.
 */
export async function pollFeed(
  ctx: AppContext,
  feedId: string,
  trigger: 'schedule' | 'manual',
): Promise<FeedRunRow | null> {
  const startedAt = nowIso();
  const leaseUntil = new Date(Date.now() + LEASE_MS).toISOString();
  if (!(await claimFeed(ctx.db, feedId, startedAt, leaseUntil))) return null;
  const feed = await findFeedRow(ctx.db, feedId);
  if (!feed) return null;
  const runId = newId('frn');
  const tally: Tally = { pages: 0, received: 0, added: 0, rejected: 0, addedAfterTo: null };
  await insertFeedRun(ctx.db, {
    id: runId,
    feed_id: feed.id,
    trigger,
    started_at: startedAt,
    finished_at: null,
    pages: 0,
    objects_received: 0,
    objects_added: 0,
    objects_rejected: 0,
    added_after_from: feed.added_after,
    added_after_to: null,
    error: null,
  });
  let error: string | null = null;
  let isBacklogLeft = false;
  try {
    ({ isBacklogLeft } = await pollPages(ctx, feed, runId, tally));
  } catch (failure) {
    error =
      failure instanceof FeedError ? failure.message : 'The poll failed on our side; see the server log.';
    if (!(failure instanceof FeedError)) ctx.log.error({ err: failure, feedId }, 'TAXII feed poll failed');
  } finally {
    const finishedAt = nowIso();
    await updateFeedRun(ctx.db, runId, { finished_at: finishedAt, error });
    const nextRunAt = isBacklogLeft
      ? finishedAt
      : new Date(Date.now() + feed.interval_minutes * MINUTE_MS).toISOString();
    await updateFeed(ctx.db, feed.id, { lease_until: null, next_run_at: nextRunAt });
  }
  return (await findFeedRunRow(ctx.db, runId)) ?? null;
}

/** The scheduled job: polls every due feed, one after another. */
export async function pollDueFeeds(ctx: AppContext): Promise<number> {
  const ids = await findDueFeedIds(ctx.db, nowIso(), 20);
  let polled = 0;
  for (const id of ids) {
    if (await pollFeed(ctx, id, 'schedule')) polled += 1;
  }
  return polled;
}

import type { FeedRow, FeedRunRow } from './feeds.repository.ts';
import type { Feed, FeedRun } from './feeds.schemas.ts';

export function presentFeedRun(row: FeedRunRow): FeedRun {
  return {
    id: row.id,
    trigger: row.trigger === 'manual' ? 'manual' : 'schedule',
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    pages: row.pages,
    objectsReceived: row.objects_received,
    objectsAdded: row.objects_added,
    objectsRejected: row.objects_rejected,
    addedAfterFrom: row.added_after_from,
    addedAfterTo: row.added_after_to,
    error: row.error,
  };
}

/** A feed without its secret: only whether one is stored. */
export function presentFeed(row: FeedRow, lastRun: FeedRunRow | undefined): Feed {
  return {
    id: row.id,
    orgId: row.org_id,
    name: row.name,
    apiRootUrl: row.api_root_url,
    collectionId: row.remote_collection_id,
    localCollectionId: row.local_collection_id,
    auth: {
      type: row.auth_type === 'basic' ? 'basic' : row.auth_type === 'bearer' ? 'bearer' : 'none',
      username: row.auth_username,
      hasSecret: row.auth_secret !== null,
    },
    intervalMinutes: row.interval_minutes,
    isEnabled: row.is_enabled === 1,
    addedAfter: row.added_after,
    nextRunAt: row.next_run_at,
    lastRun: lastRun ? presentFeedRun(lastRun) : null,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

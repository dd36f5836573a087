import { type Actor, authorize, can, type OrganizationResource } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction } from '../../../core/db/transaction.ts';
import { assertSafeWebhookUrl, UnsafeUrlError } from '../../../core/delivery/network-guard.ts';
import { AppError, badRequest, conflict, notFound, unprocessable } from '../../../core/http/errors.ts';
import { decodeStringCursor, type Page, toPage } from '../../../core/http/pagination.ts';
import { findCollectionRow } from '../collections/collections.repository.ts';
import { encryptSecret } from './credentials.ts';
import { presentFeed, presentFeedRun } from './feeds.presenter.ts';
import {
  deleteFeed as deleteFeedRow,
  type FeedRow,
  findFeedRow,
  findFeedRowsOfOrg,
  findFeedRunRows,
  findLastRunRows,
  insertFeed,
  updateFeed as updateFeedRow,
} from './feeds.repository.ts';
import type { CreateFeed, Feed, FeedAuthInput, FeedRun, UpdateFeed } from './feeds.schemas.ts';
import { type FeedOrg, findFeedOrg, mayFeedWriteTo, pollFeed } from './poll.ts';

function organizationResource(org: FeedOrg): OrganizationResource {
  return { type: 'organization', id: org.id, verificationStatus: org.verification_status };
}

async function getManagedOrg(ctx: AppContext, actor: Actor, orgId: string): Promise<FeedOrg> {
  const org = await findFeedOrg(ctx, orgId);
  if (!org) throw notFound('Organization');
  authorize(actor, 'sharing.feed.manage', organizationResource(org));
  return org;
}

/** A feed of an organization the actor manages feeds for; anyone else is told it does not exist. */
async function getManagedFeed(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ feed: FeedRow; org: FeedOrg }> {
  const feed = await findFeedRow(ctx.db, id);
  const org = feed ? await findFeedOrg(ctx, feed.org_id) : undefined;
  if (!feed || !org || !can(actor, 'sharing.feed.manage', organizationResource(org))) throw notFound('Feed');
  return { feed, org };
}

/** The API root as stored: http(s), no credentials, query or fragment, ending in a slash. */
async function checkedApiRoot(ctx: AppContext, raw: string): Promise<string> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badRequest('invalid_url', 'The API root is not a valid URL.');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw badRequest('invalid_url', 'Use an http or https URL.');
  if (url.username || url.password) {
    throw badRequest('invalid_url', 'Put credentials in auth, not in the URL.');
  }
  if (url.search || url.hash) throw badRequest('invalid_url', 'The API root takes no query or fragment.');
  if (!url.pathname.endsWith('/')) url.pathname = `${url.pathname}/`;
  try {
    await assertSafeWebhookUrl(url.href, ctx.config.taxiiFeedsAllowPrivateNetworks);
  } catch (error) {
    throw unprocessable(
      'unsafe_url',
      error instanceof UnsafeUrlError ? error.message : 'The URL is not allowed.',
    );
  }
  return url.href;
}

async function assertWritableCollection(
  ctx: AppContext,
  feedName: string,
  org: FeedOrg,
  collectionId: string,
) {
  const collection = await findCollectionRow(ctx.db, collectionId);
  if (!collection || !mayFeedWriteTo(feedName, org, collection)) {
    throw unprocessable(
      'collection_not_writable',
      'The organization cannot add objects to that collection (it must own it or be one of its writers, and be verified).',
    );
  }
}

function credentials(instanceKey: Buffer, feedId: string, auth: FeedAuthInput) {
  if (auth.type === 'basic') {
    return {
      auth_type: 'basic',
      auth_username: auth.username,
      auth_secret: encryptSecret(instanceKey, feedId, auth.password),
    };
  }
  if (auth.type === 'bearer') {
    return {
      auth_type: 'bearer',
      auth_username: null,
      auth_secret: encryptSecret(instanceKey, feedId, auth.token),
    };
  }
  return { auth_type: 'none', auth_username: null, auth_secret: null };
}

async function presentOne(ctx: AppContext, feed: FeedRow): Promise<Feed> {
  return presentFeed(feed, (await findLastRunRows(ctx.db, [feed.id])).get(feed.id));
}

export async function findFeeds(ctx: AppContext, actor: Actor, orgId: string): Promise<{ items: Feed[] }> {
  await getManagedOrg(ctx, actor, orgId);
  const rows = await findFeedRowsOfOrg(ctx.db, orgId);
  const lastRuns = await findLastRunRows(
    ctx.db,
    rows.map((row) => row.id),
  );
  return { items: rows.map((row) => presentFeed(row, lastRuns.get(row.id))) };
}

export async function getFeed(ctx: AppContext, actor: Actor, id: string): Promise<Feed> {
  return presentOne(ctx, (await getManagedFeed(ctx, actor, id)).feed);
}

export async function createFeed(ctx: AppContext, actor: Actor, input: CreateFeed): Promise<Feed> {
  const org = await getManagedOrg(ctx, actor, input.orgId);
  const apiRootUrl = await checkedApiRoot(ctx, input.apiRootUrl);
  await assertWritableCollection(ctx, input.name, org, input.localCollectionId);
  const id = newId('fed');
  const now = nowIso();
  const row: FeedRow = {
    id,
    org_id: org.id,
    name: input.name.trim(),
    api_root_url: apiRootUrl,
    remote_collection_id: input.collectionId,
    ...credentials(ctx.signingKey, id, input.auth),
    local_collection_id: input.localCollectionId,
    interval_minutes: input.intervalMinutes ?? 60,
    is_enabled: input.isEnabled === false ? 0 : 1,
    added_after: null,
    next_run_at: now,
    lease_until: null,
    created_by: actor.type === 'user' ? actor.userId : null,
    created_at: now,
    updated_at: now,
  };
  await inTransaction(ctx, async (trx) => {
    await insertFeed(trx, row);
    await recordAudit(trx, {
      actor,
      orgId: org.id,
      action: 'sharing_feed.created',
      subjectType: 'sharing_feed',
      subjectId: id,
      summary: `Created TAXII feed "${row.name}" from ${apiRootUrl} (collection ${row.remote_collection_id})`,
    });
  });
  return presentOne(ctx, row);
}

export async function updateFeed(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateFeed,
): Promise<Feed> {
  const { feed, org } = await getManagedFeed(ctx, actor, id);
  const patch: Partial<FeedRow> = { updated_at: nowIso() };
  if (input.name !== undefined) patch.name = input.name.trim();
  if (input.apiRootUrl !== undefined) patch.api_root_url = await checkedApiRoot(ctx, input.apiRootUrl);
  if (input.collectionId !== undefined) patch.remote_collection_id = input.collectionId;
  if (input.localCollectionId !== undefined) {
    await assertWritableCollection(ctx, patch.name ?? feed.name, org, input.localCollectionId);
    patch.local_collection_id = input.localCollectionId;
  }
  // Stored credentials go only to the server they were given for: a new origin needs them given again.
  const isOtherOrigin =
    patch.api_root_url !== undefined &&
    new URL(patch.api_root_url).origin !== new URL(feed.api_root_url).origin;
  if (isOtherOrigin && input.auth === undefined && feed.auth_type !== 'none')
    throw new AppError(
      422,
      'credentials_required',
      'Give the credentials for the new server with its address.',
      {
        extra: { field: 'auth' },
      },
    );
  if (input.auth !== undefined) Object.assign(patch, credentials(ctx.signingKey, id, input.auth));
  if (input.intervalMinutes !== undefined) patch.interval_minutes = input.intervalMinutes;
  if (input.isEnabled !== undefined) patch.is_enabled = input.isEnabled ? 1 : 0;
  // Another source has other times: start again from its beginning.
  const isOtherSource =
    (patch.api_root_url !== undefined && patch.api_root_url !== feed.api_root_url) ||
    (patch.remote_collection_id !== undefined && patch.remote_collection_id !== feed.remote_collection_id);
  if (input.restart || isOtherSource) patch.added_after = null;
  await inTransaction(ctx, async (trx) => {
    await updateFeedRow(trx, id, patch);
    await recordAudit(trx, {
      actor,
      orgId: org.id,
      action: 'sharing_feed.updated',
      subjectType: 'sharing_feed',
      subjectId: id,
      summary: `Changed ${Object.keys(input).join(', ')} of TAXII feed "${patch.name ?? feed.name}"`,
    });
  });
  return getFeed(ctx, actor, id);
}

export async function deleteFeed(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const { feed, org } = await getManagedFeed(ctx, actor, id);
  await inTransaction(ctx, async (trx) => {
    await deleteFeedRow(trx, id);
    await recordAudit(trx, {
      actor,
      orgId: org.id,
      action: 'sharing_feed.deleted',
      subjectType: 'sharing_feed',
      subjectId: id,
      summary: `Deleted TAXII feed "${feed.name}" and its run log`,
    });
  });
}

/** Polls the feed now, in this request, and answers with the run. 409 `feed_running` while a run holds it. */
export async function runFeedNow(ctx: AppContext, actor: Actor, id: string): Promise<FeedRun> {
  await getManagedFeed(ctx, actor, id);
  const run = await pollFeed(ctx, id, 'manual');
  if (!run)
    throw conflict('feed_running', 'The feed is being polled right now; look at its runs in a moment.');
  return presentFeedRun(run);
}

export async function findFeedRuns(
  ctx: AppContext,
  actor: Actor,
  id: string,
  query: { cursor?: string; limit?: number },
): Promise<Page<FeedRun>> {
  await getManagedFeed(ctx, actor, id);
  const limit = query.limit ?? 50;
  const before = decodeStringCursor(query.cursor);
  const rows = await findFeedRunRows(ctx.db, id, { ...(before ? { before } : {}), limit: limit + 1 });
  return toPage(rows, limit, (row) => row.id, presentFeedRun);
}

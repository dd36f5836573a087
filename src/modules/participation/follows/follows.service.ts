import { Feed } from 'feed';
import { type Actor, isSignedIn } from '../../../core/access/index.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction } from '../../../core/db/transaction.ts';
import { enqueueEmail } from '../../../core/delivery/outbox.ts';
import { notFound, unauthenticated } from '../../../core/http/errors.ts';
import type { ParticipationEventsTable } from '../participation.tables.ts';
import type { SubjectType } from './follows.schemas.ts';

const COLUMN: Record<SubjectType, 'process_id' | 'group_id' | 'draft_id' | 'measure_id'> = {
  process: 'process_id',
  group: 'group_id',
  draft: 'draft_id',
  measure: 'measure_id',
};
const FEED_LENGTH = 50;
/** A follower hears at most once a day, in one digest of everything new. */
export const DIGEST_INTERVAL_MS = 24 * 3_600_000;

/** Titles of the given subjects of one type that exist and are public (a draft only once published). */
async function findSubjectTitles(ctx: AppContext, type: SubjectType, ids: readonly string[]) {
  const titles = new Map<string, string>();
  if (ids.length === 0) return titles;
  const list = [...ids];
  switch (type) {
    case 'process':
      for (const row of await ctx.db
        .selectFrom('processes')
        .select(['id', 'title'])
        .where('id', 'in', list)
        .execute())
        titles.set(row.id, row.title);
      break;
    case 'group':
      for (const row of await ctx.db
        .selectFrom('working_groups')
        .select(['id', 'name'])
        .where('id', 'in', list)
        .execute())
        titles.set(row.id, row.name);
      break;
    case 'draft':
      for (const row of await ctx.db
        .selectFrom('drafts')
        .select(['id', 'title'])
        .where('id', 'in', list)
        .where('current_revision', '>', 0)
        .execute())
        titles.set(row.id, row.title);
      break;
    case 'measure':
      for (const row of await ctx.db
        .selectFrom('measures')
        .select(['id', 'title'])
        .where('id', 'in', list)
        .execute()) {
        const texts = JSON.parse(row.title) as Record<string, string>;
        titles.set(row.id, texts.en ?? Object.values(texts)[0] ?? '');
      }
      break;
  }
  return titles;
}

async function getSubjectTitle(ctx: AppContext, type: SubjectType, id: string): Promise<string> {
  const title = (await findSubjectTitles(ctx, type, [id])).get(id);
  if (title === undefined) throw notFound('Subject');
  return title;
}

function feedPath(type: SubjectType, id: string) {
  return `/api/v1/participation/feeds/${type}/${id}.atom`;
}

function requireUser(actor: Actor) {
  if (!isSignedIn(actor)) throw unauthenticated();
  return actor;
}

export async function follow(ctx: AppContext, actor: Actor, type: SubjectType, id: string) {
  const user = requireUser(actor);
  const title = await getSubjectTitle(ctx, type, id);
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('follows')
      .values({ user_id: user.userId, subject_type: type, subject_id: id, created_at: now })
      .onConflict((oc) => oc.doNothing())
      .execute();
    // The first digest covers what happens from now on, not the subject's whole history.
    await trx
      .insertInto('follow_digests')
      .values({ user_id: user.userId, last_event_id: newId('pev'), sent_at: now })
      .onConflict((oc) => oc.doNothing())
      .execute();
  });
  return { subjectType: type, subjectId: id, title, feedUrl: feedPath(type, id), createdAt: now };
}

export async function unfollow(ctx: AppContext, actor: Actor, type: SubjectType, id: string) {
  const user = requireUser(actor);
  const removed = await ctx.db
    .deleteFrom('follows')
    .where('user_id', '=', user.userId)
    .where('subject_type', '=', type)
    .where('subject_id', '=', id)
    .executeTakeFirst();
  if (Number(removed.numDeletedRows) !== 1) throw notFound('Follow');
}

export async function findFollows(ctx: AppContext, actor: Actor) {
  const user = requireUser(actor);
  const rows = await ctx.db
    .selectFrom('follows')
    .selectAll()
    .where('user_id', '=', user.userId)
    .orderBy('created_at', 'desc')
    .execute();
  // One query per subject type, not one per follow.
  const titles = new Map<string, Map<string, string>>();
  for (const type of new Set(rows.map((row) => row.subject_type as SubjectType))) {
    const ids = rows.filter((row) => row.subject_type === type).map((row) => row.subject_id);
    titles.set(type, await findSubjectTitles(ctx, type, ids));
  }
  const items = rows.flatMap((row) => {
    const type = row.subject_type as SubjectType;
    const title = titles.get(type)?.get(row.subject_id);
    if (title === undefined) return [];
    return [
      {
        subjectType: type,
        subjectId: row.subject_id,
        title,
        feedUrl: feedPath(type, row.subject_id),
        createdAt: row.created_at,
      },
    ];
  });
  return { items };
}

/** The feed library marks titles and summaries as HTML: user text is escaped so readers show it as text. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The subject's latest changes as an Atom feed (RFC 4287). */
export async function getAtomFeed(ctx: AppContext, type: SubjectType, id: string): Promise<string> {
  const title = await getSubjectTitle(ctx, type, id);
  const events = await ctx.db
    .selectFrom('participation_events')
    .selectAll()
    .where(COLUMN[type], '=', id)
    .orderBy('id', 'desc')
    .limit(FEED_LENGTH)
    .execute();
  const base = ctx.config.publicUrl;
  const feed = new Feed({
    title: escapeHtml(`${title} — Common Ground`),
    id: `${base}${feedPath(type, id)}`,
    link: `${base}/participation`,
    updated: new Date(events[0]?.created_at ?? Date.now()),
    generator: 'Common Ground',
    copyright: 'Contributions belong to their authors.',
    feedLinks: { atom: `${base}${feedPath(type, id)}` },
  });
  for (const event of events) {
    feed.addItem({
      title: escapeHtml(event.title),
      id: `${base}/events/${event.id}`,
      link: `${base}${event.url}`,
      description: escapeHtml(event.summary),
      date: new Date(event.created_at),
    });
  }
  return feed.atom1();
}

function digestText(ctx: AppContext, events: ParticipationEventsTable[]): string {
  const lines = events.map(
    (event) => `- ${event.title}\n  ${event.summary}\n  ${ctx.config.publicUrl}${event.url}`,
  );
  return [
    `What changed in what you follow on Common Ground (${events.length} ${events.length === 1 ? 'change' : 'changes'}):`,
    '',
    ...lines,
    '',
    `Manage what you follow: ${ctx.config.publicUrl}/participation/following`,
  ].join('\n');
}

/**
 * Sends each follower one e-mail of what changed since their last digest, at most once per
 * interval. Safe to run from several processes: the digest row is claimed before sending.
 */
export async function sendDigests(ctx: AppContext, now = new Date()): Promise<number> {
  const due = await ctx.db
    .selectFrom('follow_digests')
    .innerJoin('users', 'users.id', 'follow_digests.user_id')
    .select([
      'follow_digests.user_id',
      'follow_digests.last_event_id',
      'follow_digests.sent_at',
      'users.email',
    ])
    .where('follow_digests.sent_at', '<=', new Date(now.getTime() - DIGEST_INTERVAL_MS).toISOString())
    .where('users.disabled_at', 'is', null)
    .limit(500)
    .execute();
  let sent = 0;
  for (const digest of due) {
    const follows = await ctx.db
      .selectFrom('follows')
      .selectAll()
      .where('user_id', '=', digest.user_id)
      .execute();
    if (follows.length === 0) continue;
    const events = await ctx.db
      .selectFrom('participation_events')
      .selectAll()
      .where('id', '>', digest.last_event_id)
      .where((eb) => eb.or(follows.map((f) => eb(COLUMN[f.subject_type as SubjectType], '=', f.subject_id))))
      .orderBy('id')
      .limit(200)
      .execute();
    await inTransaction(ctx, async (trx) => {
      const claimed = await trx
        .updateTable('follow_digests')
        .set({ sent_at: now.toISOString(), last_event_id: events.at(-1)?.id ?? digest.last_event_id })
        .where('user_id', '=', digest.user_id)
        .where('sent_at', '=', digest.sent_at)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1 || events.length === 0) return;
      await enqueueEmail(
        trx,
        {
          to: digest.email,
          subject: `Common Ground: ${events.length} changes in what you follow`,
          text: digestText(ctx, events),
        },
        { topic: 'participation.digest' },
      );
      sent++;
    });
  }
  return sent;
}

import type { Static } from 'typebox';
import { type Actor, authorize, can } from '../../../core/access/index.ts';
import { recordAudit } from '../../../core/audit/audit.ts';
import type { AppContext } from '../../../core/context.ts';
import { newId, nowIso } from '../../../core/db/ids.ts';
import { inTransaction } from '../../../core/db/transaction.ts';
import { badRequest, conflict, notFound } from '../../../core/http/errors.ts';
import { decodeCursor, toPage } from '../../../core/http/pagination.ts';
import { getOrganizationRow } from '../../../core/orgs/orgs.service.ts';
import { recordEvent } from '../follows/events.ts';
import { chairedResource, getGroupRow } from '../groups/groups.service.ts';
import type { MeetingsTable } from '../participation.tables.ts';
import { getProcessRow } from '../processes/processes.service.ts';
import { seatIn } from '../seats.ts';
import { meetingsCalendar } from './ical.ts';
import type { CreateMeeting, RequestToSpeak, UpdateMeeting } from './meetings.schemas.ts';

function presentSummary(row: MeetingsTable) {
  return {
    id: row.id,
    processId: row.process_id,
    groupId: row.group_id,
    title: row.title,
    description: row.description,
    location: row.location,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    isCancelled: row.cancelled_at !== null,
  };
}

function toUtc(instant: string): string {
  return new Date(instant).toISOString();
}

function checkTimes(startsAt: string, endsAt: string) {
  if (endsAt <= startsAt) throw badRequest('ends_before_starts', 'A meeting ends after it starts.');
}

async function getMeetingRow(ctx: AppContext, id: string) {
  const row = await ctx.db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Meeting');
  return row;
}

export async function getMeeting(ctx: AppContext, actor: Actor, id: string) {
  const row = await getMeetingRow(ctx, id);
  const items = await ctx.db
    .selectFrom('agenda_items')
    .selectAll()
    .where('meeting_id', '=', id)
    .orderBy('position')
    .execute();
  const itemIds = items.map((item) => item.id);
  const [speakers, statements, canManage] = await Promise.all([
    itemIds.length === 0
      ? []
      : ctx.db
          .selectFrom('speakers')
          .innerJoin('organizations', 'organizations.id', 'speakers.org_id')
          .selectAll('speakers')
          .select(['organizations.name', 'organizations.kind', 'organizations.country_code'])
          .where('speakers.agenda_item_id', 'in', itemIds)
          // States speak first, then stakeholders in their dedicated slots, each in order of request.
          .orderBy('speakers.slot', 'desc')
          .orderBy('speakers.id')
          .execute(),
    itemIds.length === 0
      ? []
      : ctx.db
          .selectFrom('statements')
          .innerJoin('organizations', 'organizations.id', 'statements.org_id')
          .select([
            'statements.id',
            'statements.title',
            'statements.language',
            'statements.format',
            'statements.agenda_item_id',
            'statements.org_id',
            'organizations.name',
            'organizations.kind',
            'organizations.country_code',
          ])
          .where('statements.agenda_item_id', 'in', itemIds)
          .where('statements.status', '=', 'published')
          .orderBy('statements.id')
          .execute(),
    chairedResource(ctx, row.group_id).then((resource) => can(actor, 'group.chair', resource)),
  ]);
  return {
    ...presentSummary(row),
    canManage,
    agenda: items.map((item) => ({
      id: item.id,
      position: item.position,
      title: item.title,
      stakeholderSlots: item.stakeholder_slots,
      speakers: speakers
        .filter((s) => s.agenda_item_id === item.id)
        .map((s) => ({
          id: s.id,
          organization: { id: s.org_id, name: s.name, kind: s.kind, countryCode: s.country_code },
          speakerName: s.speaker_name,
          slot: s.slot as 'state' | 'stakeholder',
          status: s.status as 'listed' | 'waitlisted',
          createdAt: s.created_at,
        })),
      statements: statements
        .filter((s) => s.agenda_item_id === item.id)
        .map((s) => ({
          id: s.id,
          title: s.title,
          language: s.language,
          format: s.format,
          organization: { id: s.org_id, name: s.name, kind: s.kind, countryCode: s.country_code },
        })),
    })),
  };
}

export async function findMeetings(
  ctx: AppContext,
  processId: string,
  query: { groupId?: string; when?: 'upcoming' | 'past'; cursor?: string; limit?: number },
) {
  await getProcessRow(ctx, processId);
  const limit = query.limit ?? 50;
  const after = decodeCursor(query.cursor);
  const now = nowIso();
  const isPast = query.when === 'past';
  let q = ctx.db
    .selectFrom('meetings')
    .selectAll()
    .where('process_id', '=', processId)
    .orderBy('starts_at', isPast ? 'desc' : 'asc')
    .orderBy('id')
    .limit(limit + 1);
  if (query.groupId) q = q.where('group_id', '=', query.groupId);
  if (query.when) q = q.where('ends_at', isPast ? '<=' : '>', now);
  if (typeof after === 'string') {
    const [startsAt, id] = JSON.parse(after) as [string, string];
    q = q.where((eb) =>
      eb.or([
        eb('starts_at', isPast ? '<' : '>', startsAt),
        eb.and([eb('starts_at', '=', startsAt), eb('id', '>', id)]),
      ]),
    );
  }
  const rows = await q.execute();
  return toPage(rows, limit, (row) => JSON.stringify([row.starts_at, row.id]), presentSummary);
}

async function authorizeOrganizer(ctx: AppContext, actor: Actor, groupId: string | null) {
  authorize(actor, 'group.chair', await chairedResource(ctx, groupId));
}

export async function createMeeting(
  ctx: AppContext,
  actor: Actor,
  processId: string,
  input: Static<typeof CreateMeeting>,
) {
  const process = await getProcessRow(ctx, processId);
  let groupId: string | null = null;
  if (input.groupId) {
    const group = await getGroupRow(ctx, input.groupId);
    if (group.process_id !== processId)
      throw badRequest('group_not_in_process', 'That group belongs to another process.');
    groupId = group.id;
  }
  // Group meetings are organized by the group's chairs; plenary sessions by the secretariat.
  await authorizeOrganizer(ctx, actor, groupId);
  const startsAt = toUtc(input.startsAt);
  const endsAt = toUtc(input.endsAt);
  checkTimes(startsAt, endsAt);
  const id = newId('mtg');
  const now = nowIso();
  await inTransaction(ctx, async (trx) => {
    await trx
      .insertInto('meetings')
      .values({
        id,
        process_id: processId,
        group_id: groupId,
        title: input.title.trim(),
        description: input.description?.trim() ?? '',
        location: input.location.trim(),
        starts_at: startsAt,
        ends_at: endsAt,
        cancelled_at: null,
        created_by: actor.type === 'user' ? actor.userId : 'system',
        created_at: now,
        updated_at: now,
      })
      .execute();
    await trx
      .insertInto('agenda_items')
      .values(
        input.agenda.map((item, index) => ({
          id: newId('agi'),
          meeting_id: id,
          position: index + 1,
          title: item.title.trim(),
          stakeholder_slots: item.stakeholderSlots,
        })),
      )
      .execute();
    await recordEvent(trx, {
      kind: 'meeting_scheduled',
      processId,
      groupId,
      title: `Meeting: ${input.title.trim()}`,
      summary: `${startsAt} to ${endsAt} (UTC), ${input.location.trim()}`,
      url: `/participation/meetings/${id}`,
    });
    await recordAudit(trx, {
      actor,
      action: 'meeting.scheduled',
      subjectType: 'meeting',
      subjectId: id,
      summary: `"${input.title.trim()}" scheduled in "${process.title}" for ${startsAt}`,
    });
  });
  return getMeeting(ctx, actor, id);
}

export async function updateMeeting(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: Static<typeof UpdateMeeting>,
) {
  const row = await getMeetingRow(ctx, id);
  await authorizeOrganizer(ctx, actor, row.group_id);
  const startsAt = input.startsAt ? toUtc(input.startsAt) : row.starts_at;
  const endsAt = input.endsAt ? toUtc(input.endsAt) : row.ends_at;
  checkTimes(startsAt, endsAt);
  await inTransaction(ctx, async (trx) => {
    await trx
      .updateTable('meetings')
      .set({
        ...(input.title !== undefined ? { title: input.title.trim() } : {}),
        ...(input.description !== undefined ? { description: input.description.trim() } : {}),
        ...(input.location !== undefined ? { location: input.location.trim() } : {}),
        ...(input.isCancelled !== undefined ? { cancelled_at: input.isCancelled ? nowIso() : null } : {}),
        starts_at: startsAt,
        ends_at: endsAt,
        updated_at: nowIso(),
      })
      .where('id', '=', id)
      .execute();
    await recordEvent(trx, {
      kind: input.isCancelled ? 'meeting_cancelled' : 'meeting_updated',
      processId: row.process_id,
      groupId: row.group_id,
      title: `${input.isCancelled ? 'Cancelled' : 'Changed'}: ${input.title?.trim() ?? row.title}`,
      summary: `${startsAt} to ${endsAt} (UTC)`,
      url: `/participation/meetings/${id}`,
    });
    await recordAudit(trx, {
      actor,
      action: input.isCancelled ? 'meeting.cancelled' : 'meeting.updated',
      subjectType: 'meeting',
      subjectId: id,
      summary: `"${row.title}" ${input.isCancelled ? 'cancelled' : `updated: ${Object.keys(input).join(', ')}`}`,
    });
  });
  return getMeeting(ctx, actor, id);
}

/** States go on the States' list; stakeholders fill the dedicated slots, then a waiting list. */
export async function requestToSpeak(
  ctx: AppContext,
  actor: Actor,
  agendaItemId: string,
  input: Static<typeof RequestToSpeak>,
) {
  const item = await ctx.db
    .selectFrom('agenda_items')
    .selectAll()
    .where('id', '=', agendaItemId)
    .executeTakeFirst();
  if (!item) throw notFound('Agenda item');
  const meeting = await getMeetingRow(ctx, item.meeting_id);
  const org = await getOrganizationRow(ctx, actor, input.organizationId);
  authorize(actor, 'participation.contribute', await seatIn(ctx, meeting.process_id, org.id));
  if (meeting.cancelled_at) throw conflict('meeting_cancelled', 'This meeting is cancelled.');
  if (meeting.ends_at <= nowIso()) throw conflict('meeting_over', 'This meeting is over.');
  const slot = org.kind === 'state' ? 'state' : 'stakeholder';
  await inTransaction(ctx, async (trx) => {
    const existing = await trx
      .selectFrom('speakers')
      .select('id')
      .where('agenda_item_id', '=', agendaItemId)
      .where('org_id', '=', org.id)
      .executeTakeFirst();
    if (existing) throw conflict('already_listed', 'The organization is already on this speakers’ list.');
    // Counted inside the transaction, after taking the item row, so two requests never share the last slot.
    await trx
      .updateTable('agenda_items')
      .set({ position: item.position })
      .where('id', '=', agendaItemId)
      .execute();
    const taken = await trx
      .selectFrom('speakers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agenda_item_id', '=', agendaItemId)
      .where('slot', '=', 'stakeholder')
      .where('status', '=', 'listed')
      .executeTakeFirstOrThrow();
    const status = slot === 'state' || Number(taken.n) < item.stakeholder_slots ? 'listed' : 'waitlisted';
    await trx
      .insertInto('speakers')
      .values({
        id: newId('spk'),
        agenda_item_id: agendaItemId,
        org_id: org.id,
        speaker_name: input.speakerName.trim(),
        slot,
        status,
        requested_by: actor.type === 'user' ? actor.userId : 'system',
        created_at: nowIso(),
      })
      .execute();
    await recordAudit(trx, {
      actor,
      orgId: org.id,
      action: 'meeting.speaker_requested',
      subjectType: 'meeting',
      subjectId: meeting.id,
      summary: `"${org.name}" asked to speak on "${item.title}" (${slot}, ${status})`,
    });
  });
  return getMeeting(ctx, actor, meeting.id);
}

/** The organization withdraws, or an organizer removes it; the first waitlisted stakeholder moves up. */
export async function removeSpeaker(ctx: AppContext, actor: Actor, speakerId: string) {
  const speaker = await ctx.db
    .selectFrom('speakers')
    .selectAll()
    .where('id', '=', speakerId)
    .executeTakeFirst();
  if (!speaker) throw notFound('Speaker');
  const item = (await ctx.db
    .selectFrom('agenda_items')
    .selectAll()
    .where('id', '=', speaker.agenda_item_id)
    .executeTakeFirst())!;
  const meeting = await getMeetingRow(ctx, item.meeting_id);
  // The organization's own people withdraw it; the meeting's organizers may remove anyone.
  const isOwn = can(actor, 'organization.act_for', {
    type: 'organization',
    id: speaker.org_id,
    verificationStatus: 'verified',
  });
  if (!isOwn) await authorizeOrganizer(ctx, actor, meeting.group_id);
  await inTransaction(ctx, async (trx) => {
    await trx.deleteFrom('speakers').where('id', '=', speakerId).execute();
    if (speaker.slot === 'stakeholder' && speaker.status === 'listed') {
      const next = await trx
        .selectFrom('speakers')
        .select('id')
        .where('agenda_item_id', '=', item.id)
        .where('status', '=', 'waitlisted')
        .orderBy('id')
        .executeTakeFirst();
      if (next)
        await trx.updateTable('speakers').set({ status: 'listed' }).where('id', '=', next.id).execute();
    }
    await recordAudit(trx, {
      actor,
      orgId: speaker.org_id,
      action: 'meeting.speaker_removed',
      subjectType: 'meeting',
      subjectId: meeting.id,
      summary: `${speaker.speaker_name} removed from the list on "${item.title}"`,
    });
  });
  return getMeeting(ctx, actor, meeting.id);
}

async function calendarFor(ctx: AppContext, name: string, filter: { processId?: string; groupId?: string }) {
  let q = ctx.db.selectFrom('meetings').selectAll().orderBy('starts_at');
  if (filter.processId) q = q.where('process_id', '=', filter.processId);
  if (filter.groupId) q = q.where('group_id', '=', filter.groupId);
  const meetings = await q.execute();
  const items =
    meetings.length === 0
      ? []
      : await ctx.db
          .selectFrom('agenda_items')
          .select(['meeting_id', 'title'])
          .where(
            'meeting_id',
            'in',
            meetings.map((m) => m.id),
          )
          .orderBy('position')
          .execute();
  return meetingsCalendar(
    name,
    meetings.map((m) => ({ ...m, agenda: items.filter((i) => i.meeting_id === m.id).map((i) => i.title) })),
    ctx.config.publicUrl,
  );
}

export async function processCalendar(ctx: AppContext, processId: string) {
  const process = await getProcessRow(ctx, processId);
  return calendarFor(ctx, process.title, { processId });
}

export async function groupCalendar(ctx: AppContext, groupId: string) {
  const group = await getGroupRow(ctx, groupId);
  return calendarFor(ctx, group.name, { groupId });
}

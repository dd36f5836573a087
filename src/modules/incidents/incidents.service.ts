import { type Actor, authorize, can, type IncidentResource, readScope } from '../../core/access/index.ts';
import { isTlpLabel } from '../../core/access/tlp.ts';
import { recordAudit } from '../../core/audit/audit.ts';
import type { AppContext } from '../../core/context.ts';
import type { Db } from '../../core/db/database.ts';
import { newId, nowIso } from '../../core/db/ids.ts';
import type { Trx } from '../../core/db/transaction.ts';
import { inTransaction } from '../../core/db/transaction.ts';
import { AppError, conflict, notFound, unprocessable } from '../../core/http/errors.ts';
import { decodeStringCursor, encodeCursor } from '../../core/http/pagination.ts';
import { findOrganizationRow } from '../../core/orgs/orgs.repository.ts';
import { isCountryCode } from '../../core/reference/countries.ts';
import { indexDocument, removeDocument, searchDocuments } from '../../core/search/index.ts';
import { toQueryTerms } from '../../core/search/text.ts';
import { isSubSectorOf } from './catalog.ts';
import { shareIncident } from './exchange/taxii-share.ts';
import {
  intensityInputOf,
  normalisedHarm,
  normalisedImpacts,
  presentIncident,
  presentIncidentSummary,
} from './incidents.presenter.ts';
import {
  type Facets,
  findAttributionRows,
  findCorrectionRows,
  findIncidentRow,
  findIncidentRows,
  findOwnIncidentIdsByText,
  type IncidentFilter,
  type IncidentRow,
  nextChangeSeq,
  writeIndexedDimensions,
} from './incidents.repository.ts';
import type { CreateIncident, IncidentOut, IncidentQuery, UpdateIncident } from './incidents.schemas.ts';
import type { IncidentsTable } from './incidents.tables.ts';
import { intensityOf } from './intensity.ts';
import { statsIndexFor } from './statistics/stats-index.ts';

export const SEARCH_SOURCE = 'incidents';
const NO_IMPACTS: IncidentOut['impacts'] = {
  availability: { affected: false, durationHours: null },
  confidentiality: { affected: false, recordsExposed: null },
  integrity: { affected: false },
  physical: { affected: false, description: null },
  economic: { affected: false, lossUsd: null },
};

export function incidentResource(
  row: Pick<
    IncidentRow,
    | 'org_id'
    | 'tlp'
    | 'visibility'
    | 'participant_org_ids'
    | 'participant_user_ids'
    | 'editorial_state'
    | 'submitted_by'
  >,
): IncidentResource {
  return {
    type: 'incident',
    editorialState: row.editorial_state as IncidentResource['editorialState'],
    record: {
      type: 'record',
      visibility: row.visibility as IncidentResource['record']['visibility'],
      tlp: isTlpLabel(row.tlp) ? row.tlp : 'TLP:RED',
      ownerOrgId: row.org_id,
      participantOrgIds: JSON.parse(row.participant_org_ids),
      participantUserIds: JSON.parse(row.participant_user_ids),
    },
    submittedByUserId: row.submitted_by,
  };
}

/** The incident if the actor may read it; an unreadable incident is a missing one (404). */
export async function getReadableIncident(ctx: AppContext, actor: Actor, id: string): Promise<IncidentRow> {
  const row = await findIncidentRow(ctx.db, id);
  if (!row || !can(actor, 'incident.read', incidentResource(row))) throw notFound('Incident');
  return row;
}

async function getEditableIncident(ctx: AppContext, actor: Actor, id: string): Promise<IncidentRow> {
  const row = await getReadableIncident(ctx, actor, id);
  authorize(actor, 'incident.edit', incidentResource(row));
  return row;
}

export async function presentFull(db: Db, actor: Actor, row: IncidentRow): Promise<IncidentOut> {
  const [attributions, corrections] = await Promise.all([
    findAttributionRows(db, [row.id]),
    findCorrectionRows(db, row.id),
  ]);
  const resource = incidentResource(row);
  return presentIncident(row, attributions, corrections, {
    canEdit: can(actor, 'incident.edit', resource) && row.editorial_state !== 'withdrawn',
    canReview: row.editorial_state === 'review' && can(actor, 'incident.review', resource),
  });
}

export async function getIncident(ctx: AppContext, actor: Actor, id: string): Promise<IncidentOut> {
  return presentFull(ctx.db, actor, await getReadableIncident(ctx, actor, id));
}

/** Ids matching a text query: published incidents through the search index, plus the reader's own records. */
async function findIdsByText(ctx: AppContext, actor: Actor, q: string): Promise<string[]> {
  const scope = readScope(actor);
  const ids = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < 10; page++) {
    const results = await searchDocuments(ctx.db, ctx.dialect, scope, {
      q,
      sources: [SEARCH_SOURCE],
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    for (const hit of results.items) ids.add(hit.sourceId);
    if (!results.nextCursor) break;
    cursor = results.nextCursor;
  }
  for (const id of await findOwnIncidentIdsByText(ctx.db, scope.orgIds, toQueryTerms(q))) ids.add(id);
  return [...ids];
}

const FACET_KEYS = ['types', 'countries', 'sectors', 'norms'] as const;

/**
 * Facet counts over the whole filtered list, from the statistics index: a scan of memory where SQL would group
 * every matching row (a million, on a large tracker) on each page view.
 */
async function listFacets(
  ctx: AppContext,
  filter: Omit<IncidentFilter, 'limit' | 'beforeSortKey' | 'editorialStates'>,
  states: string[],
): Promise<Facets> {
  const index = statsIndexFor(ctx.db);
  await index.refresh(ctx.db);
  const statistics = index.compute(filter.scope, {
    ...(filter.type ? { type: filter.type } : {}),
    ...(filter.country ? { country: filter.country } : {}),
    ...(filter.sector ? { sector: filter.sector } : {}),
    ...(filter.norm ? { norm: filter.norm } : {}),
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(filter.orgId ? { orgId: filter.orgId } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.ids ? { ids: filter.ids } : {}),
    states,
    interval: 'month',
    series: 'none',
  });
  return {
    types: statistics.byType,
    countries: statistics.byCountry,
    sectors: statistics.bySector,
    norms: statistics.byNorm,
  };
}

export async function listIncidents(ctx: AppContext, actor: Actor, query: IncidentQuery) {
  const limit = query.limit ?? 50;
  const scope = readScope(actor);
  const filter = {
    scope,
    ...(query.type ? { type: query.type } : {}),
    ...(query.country ? { country: query.country } : {}),
    ...(query.sector ? { sector: query.sector } : {}),
    ...(query.norm ? { norm: query.norm } : {}),
    ...(query.actor ? { actorId: query.actor } : {}),
    ...(query.orgId ? { orgId: query.orgId } : {}),
    ...(query.from ? { from: query.from } : {}),
    ...(query.to ? { to: query.to } : {}),
    ...(query.q?.trim() ? { ids: await findIdsByText(ctx, actor, query.q) } : {}),
  };
  // Withdrawn records stay readable at their address but leave the list unless asked for.
  const states = query.editorialState ? [query.editorialState] : ['published', 'review', 'draft'];
  const before = decodeStringCursor(query.cursor);
  const [rows, facets] = await Promise.all([
    findIncidentRows(ctx.db, {
      ...filter,
      editorialStates: states,
      ...(before ? { beforeSortKey: before } : {}),
      limit: limit + 1,
    }),
    listFacets(ctx, filter, states),
  ]);
  // The SQL filter and the policy say the same; should they ever differ, the policy wins. Paging follows the
  // rows examined, so a row the policy drops never ends the list early.
  const examined = rows.slice(0, limit);
  const last = examined[examined.length - 1];
  return {
    items: examined
      .filter((row) => can(actor, 'incident.read', incidentResource(row)))
      .map(presentIncidentSummary),
    nextCursor: rows.length > limit && last ? encodeCursor(last.sort_key) : null,
    facets,
  };
}

export type Fields = Omit<CreateIncident, 'orgId'>;

/** Checks what the schema cannot, before anything is written (422 with the field in `field`). */
export async function checkFields(
  ctx: AppContext,
  fields: Partial<Fields>,
  current?: IncidentRow,
): Promise<void> {
  const invalid = (field: string, message: string) =>
    new AppError(422, 'invalid_incident', message, { extra: { field } });
  for (const code of fields.countries ?? []) {
    if (!isCountryCode(code)) throw invalid('countries', `${code} is not an ISO 3166-1 country code.`);
  }
  for (const victim of fields.victims ?? []) {
    if (victim.country && !isCountryCode(victim.country))
      throw invalid('victims', `${victim.country} is not an ISO 3166-1 country code.`);
    if (!victim.isAnonymised && !victim.name?.trim())
      throw invalid('victims', 'Name the victim, or mark it anonymised.');
  }
  for (const target of fields.sectors ?? []) {
    if (target.subSector && !isSubSectorOf(target.sector, target.subSector))
      throw invalid('sectors', `${target.subSector} is not a sub-sector of ${target.sector}.`);
  }
  for (const response of fields.responses ?? []) {
    if (response.byCountry && !isCountryCode(response.byCountry))
      throw invalid('responses', `${response.byCountry} is not an ISO 3166-1 country code.`);
  }
  const norms = (fields.norms ?? []).map((norm) => norm.code);
  if (new Set(norms).size !== norms.length) throw invalid('norms', 'Each norm appears once.');
  const topics = (fields.lawQuestions ?? []).map((question) => question.topic);
  if (new Set(topics).size !== topics.length) throw invalid('lawQuestions', 'Each topic appears once.');
  const startedOn = fields.startedOn !== undefined ? fields.startedOn : (current?.started_on ?? null);
  const endedOn = fields.endedOn !== undefined ? fields.endedOn : (current?.ended_on ?? null);
  if (startedOn && endedOn && endedOn < startedOn)
    throw invalid('endedOn', 'The end comes before the start.');
  for (const orgId of fields.participantOrgIds ?? []) {
    if (!(await findOrganizationRow(ctx.db, orgId)))
      throw invalid('participantOrgIds', `No organization ${orgId}.`);
  }
  for (const userId of fields.participantUserIds ?? []) {
    const user = await ctx.db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!user) throw invalid('participantUserIds', `No user ${userId}.`);
  }
}

const sortKeyOf = (startedOn: string | null, id: string) => `${startedOn ?? '0000-00-00'}|${id}`;

/** The search index holds published incidents whose label lets their visibility alone decide (CLEAR, GREEN). */
async function syncSearch(ctx: AppContext, trx: Trx, row: IncidentsRowForSearch): Promise<void> {
  const isIndexed =
    row.editorial_state === 'published' && (row.tlp === 'TLP:CLEAR' || row.tlp === 'TLP:GREEN');
  if (!isIndexed) {
    await removeDocument(trx, ctx.dialect, SEARCH_SOURCE, row.id);
    return;
  }
  // TLP:GREEN reaches the community at most, whatever the record's visibility.
  const visibility =
    row.tlp === 'TLP:GREEN' && (row.visibility === 'public' || row.visibility === 'registered')
      ? 'community'
      : (row.visibility as 'public');
  await indexDocument(trx, ctx.dialect, {
    source: SEARCH_SOURCE,
    sourceId: row.id,
    title: row.title,
    body: row.description,
    url: `/incidents/${row.id}`,
    visibility,
    orgId: row.org_id,
    publishedAt: row.published_at ?? row.updated_at,
  });
}
type IncidentsRowForSearch = Pick<
  IncidentRow,
  | 'id'
  | 'org_id'
  | 'title'
  | 'description'
  | 'tlp'
  | 'visibility'
  | 'editorial_state'
  | 'published_at'
  | 'updated_at'
>;

function storedFields(fields: Partial<Fields>) {
  const columns: Record<string, string | number | null> = {};
  if (fields.title !== undefined) columns.title = fields.title.trim();
  if (fields.description !== undefined) columns.description = fields.description;
  if (fields.startedOn !== undefined) columns.started_on = fields.startedOn;
  if (fields.endedOn !== undefined) columns.ended_on = fields.endedOn;
  if (fields.status !== undefined) columns.status = fields.status;
  if (fields.types !== undefined) columns.types = JSON.stringify(fields.types);
  if (fields.countries !== undefined) columns.countries = JSON.stringify(fields.countries);
  if (fields.sectors !== undefined)
    columns.sectors = JSON.stringify(
      fields.sectors.map((t) => ({ sector: t.sector, subSector: t.subSector ?? null })),
    );
  if (fields.victims !== undefined)
    columns.victims = JSON.stringify(
      fields.victims.map((v) => ({
        // An anonymised victim keeps no name, whatever was sent.
        name: v.isAnonymised ? null : (v.name?.trim() ?? null),
        isAnonymised: v.isAnonymised,
        kind: v.kind,
        country: v.country ?? null,
        sector: v.sector ?? null,
      })),
    );
  if (fields.impacts !== undefined) columns.impacts = JSON.stringify(normalisedImpacts(fields.impacts));
  if (fields.harm !== undefined) columns.harm = JSON.stringify(normalisedHarm(fields.harm));
  if (fields.responses !== undefined) columns.responses = JSON.stringify(fields.responses);
  if (fields.norms !== undefined) columns.norms = JSON.stringify(fields.norms);
  if (fields.lawQuestions !== undefined)
    columns.law_questions = JSON.stringify(
      fields.lawQuestions.map((q) => ({ topic: q.topic, note: q.note ?? null })),
    );
  if (fields.sources !== undefined) columns.sources = JSON.stringify(fields.sources);
  if (fields.tlp !== undefined) columns.tlp = fields.tlp;
  if (fields.visibility !== undefined) columns.visibility = fields.visibility;
  if (fields.participantOrgIds !== undefined)
    columns.participant_org_ids = JSON.stringify(fields.participantOrgIds);
  if (fields.participantUserIds !== undefined)
    columns.participant_user_ids = JSON.stringify(fields.participantUserIds);
  return columns;
}

function intensityOfRow(row: Pick<IncidentRow, 'impacts' | 'harm'>): number {
  return intensityOf(intensityInputOf(JSON.parse(row.impacts), JSON.parse(row.harm))).score;
}

async function reindex(trx: Trx, row: IncidentRow): Promise<void> {
  await writeIndexedDimensions(trx, row.id, {
    types: JSON.parse(row.types),
    countries: JSON.parse(row.countries),
    sectors: JSON.parse(row.sectors).map((target: { sector: string }) => target.sector),
    norms: JSON.parse(row.norms).map((norm: { code: string }) => norm.code),
    participantOrgIds: JSON.parse(row.participant_org_ids),
    participantUserIds: JSON.parse(row.participant_user_ids),
  });
}

/** The organization an actor records for, once the policy allows it (404 unknown, 403 not allowed). */
export async function getRecordingOrganization(ctx: AppContext, actor: Actor, orgId: string) {
  const org = await findOrganizationRow(ctx.db, orgId);
  if (!org) throw notFound('Organization');
  authorize(actor, 'incident.record', {
    type: 'organization',
    id: org.id,
    verificationStatus: org.verification_status as 'verified',
  });
  return org;
}

/** Writes a new draft and its indexes in the caller's transaction; the fields must have passed checkFields. */
export async function insertDraft(
  trx: Trx,
  actor: Actor,
  org: { id: string; name: string },
  fields: Fields,
): Promise<IncidentRow> {
  const id = newId('inc');
  const now = nowIso();
  const defaults = {
    description: '',
    started_on: null,
    ended_on: null,
    status: 'unknown',
    countries: '[]',
    sectors: '[]',
    victims: '[]',
    impacts: JSON.stringify(NO_IMPACTS),
    harm: JSON.stringify(normalisedHarm({})),
    responses: '[]',
    norms: '[]',
    law_questions: '[]',
    sources: '[]',
    tlp: 'TLP:CLEAR',
    visibility: 'public',
    participant_org_ids: '[]',
    participant_user_ids: '[]',
  };
  const columns = { ...defaults, ...storedFields(fields) } as typeof defaults & {
    title: string;
    types: string;
  };
  const values = {
    id,
    org_id: org.id,
    ...columns,
    intensity: intensityOfRow(columns),
    editorial_state: 'draft',
    version: 1,
    submitted_by: null,
    submitted_at: null,
    published_at: null,
    first_attributed_on: null,
    actor_ids: '[]',
    created_by: actor.type === 'user' ? actor.userId : null,
    created_at: now,
    updated_at: now,
    change_seq: await nextChangeSeq(trx),
    sort_key: sortKeyOf(columns.started_on, id),
  };
  await trx.insertInto('incidents').values(values).execute();
  const created = { ...values, org_name: org.name };
  await reindex(trx, created);
  return created;
}

export async function createIncident(
  ctx: AppContext,
  actor: Actor,
  input: CreateIncident,
): Promise<IncidentOut> {
  const org = await getRecordingOrganization(ctx, actor, input.orgId);
  const { orgId: _orgId, ...fields } = input;
  await checkFields(ctx, fields);
  const row = await inTransaction(ctx, async (trx) => {
    const created = await insertDraft(trx, actor, org, fields);
    await recordAudit(trx, {
      actor,
      orgId: org.id,
      action: 'incident.created',
      subjectType: 'incident',
      subjectId: created.id,
      summary: `Incident recorded as a draft: ${created.title}`,
    });
    return created;
  });
  return presentFull(ctx.db, actor, row);
}

/**
 * Harm and impact figures are patched, not replaced: a figure left out keeps its stored value, and only an
 * explicit null makes it unknown again.
 */
function withStoredFigures(fields: Partial<Fields>, current: IncidentRow): Partial<Fields> {
  const merged = { ...fields };
  if (fields.harm) merged.harm = { ...JSON.parse(current.harm), ...fields.harm };
  if (fields.impacts) {
    const stored = JSON.parse(current.impacts) as Record<string, object>;
    const sent = fields.impacts as Record<string, object>;
    merged.impacts = Object.fromEntries(
      Object.keys(sent).map((category) => [category, { ...stored[category], ...sent[category] }]),
    ) as Fields['impacts'];
  }
  return merged;
}

/**
 * Writes the patch only if the record is still as it was read (same state, same change): two editors, or an
 * edit racing a withdrawal, cannot both win. The loser gets 409 and reads the record again.
 */
async function updateUnchanged(
  trx: Trx,
  current: IncidentRow,
  patch: Partial<IncidentsTable>,
): Promise<void> {
  const result = await trx
    .updateTable('incidents')
    .set(patch)
    .where('id', '=', current.id)
    .where('editorial_state', '=', current.editorial_state)
    .where('change_seq', '=', current.change_seq)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1)
    throw conflict('edit_conflict', 'The incident changed while you worked on it; reload it and try again.');
}

const API_FIELD_NAMES: Record<string, string> = {
  started_on: 'startedOn',
  ended_on: 'endedOn',
  law_questions: 'lawQuestions',
  participant_org_ids: 'participantOrgIds',
  participant_user_ids: 'participantUserIds',
};

export async function updateIncident(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: UpdateIncident,
): Promise<IncidentOut> {
  const current = await getEditableIncident(ctx, actor, id);
  if (current.editorial_state === 'withdrawn')
    throw conflict('incident_withdrawn', 'A withdrawn incident is kept as it was; record a new one instead.');
  const { correction, ...fields } = input;
  const isPublished = current.editorial_state === 'published';
  if (isPublished && !correction?.trim())
    throw unprocessable(
      'correction_required',
      'Say what you correct: the note goes to the public corrections log.',
      {
        field: 'correction',
      },
    );
  await checkFields(ctx, fields, current);
  const columns = storedFields(withStoredFigures(fields, current));
  const changed = Object.keys(columns).filter(
    (column) => columns[column] !== (current as unknown as Record<string, unknown>)[column],
  );
  // Narrowing the audience of a published record is fine; so is widening it, through the same corrections log.
  const next = { ...current, ...columns } as IncidentRow;
  const now = nowIso();
  const row = await inTransaction(ctx, async (trx) => {
    const changeSeq = await nextChangeSeq(trx);
    const patch = {
      ...columns,
      intensity: intensityOfRow(next),
      updated_at: now,
      change_seq: changeSeq,
      sort_key: sortKeyOf(next.started_on, id),
      version: isPublished && changed.length > 0 ? current.version + 1 : current.version,
    };
    await updateUnchanged(trx, current, patch);
    const updated = { ...next, ...patch };
    await reindex(trx, updated);
    if (isPublished && changed.length > 0) {
      await trx
        .insertInto('incident_corrections')
        .values({
          id: newId('icr'),
          incident_id: id,
          kind: 'correction',
          note: correction!.trim(),
          fields: JSON.stringify(changed.map((column) => API_FIELD_NAMES[column] ?? column)),
          made_by: actor.type === 'user' ? actor.userId : null,
          made_at: now,
        })
        .execute();
    }
    await syncSearch(ctx, trx, updated);
    if (isPublished) await shareIncident(ctx, trx, await presentFull(trx, actor, updated));
    await recordAudit(trx, {
      actor,
      orgId: current.org_id,
      action: isPublished ? 'incident.corrected' : 'incident.updated',
      subjectType: 'incident',
      subjectId: id,
      summary: `Incident ${isPublished ? 'corrected' : 'edited'}: ${changed.join(', ') || 'no change'}`,
    });
    return updated;
  });
  return presentFull(ctx.db, actor, row);
}

type EditorialAction = 'submit' | 'return' | 'publish' | 'withdraw';
const TRANSITIONS: Record<EditorialAction, { from: string; to: string }> = {
  submit: { from: 'draft', to: 'review' },
  return: { from: 'review', to: 'draft' },
  publish: { from: 'review', to: 'published' },
  withdraw: { from: 'published', to: 'withdrawn' },
};

export async function changeEditorialState(
  ctx: AppContext,
  actor: Actor,
  id: string,
  action: EditorialAction,
  note: string | undefined,
): Promise<IncidentOut> {
  const current = await getReadableIncident(ctx, actor, id);
  const resource = incidentResource(current);
  authorize(
    actor,
    action === 'publish' || action === 'return' ? 'incident.review' : 'incident.edit',
    resource,
  );
  const transition = TRANSITIONS[action];
  if (current.editorial_state !== transition.from)
    throw conflict(
      'invalid_transition',
      `A ${current.editorial_state} incident cannot be sent to ${transition.to} (${action} needs ${transition.from}).`,
    );
  if (action === 'withdraw' && !note?.trim())
    throw unprocessable('note_required', 'Say why the incident is withdrawn: the note is public.', {
      field: 'note',
    });
  const now = nowIso();
  const userId = actor.type === 'user' ? actor.userId : null;
  const row = await inTransaction(ctx, async (trx) => {
    const changeSeq = await nextChangeSeq(trx);
    const patch = {
      editorial_state: transition.to,
      updated_at: now,
      change_seq: changeSeq,
      ...(action === 'submit' ? { submitted_by: userId, submitted_at: now } : {}),
      ...(action === 'return' ? { submitted_by: null, submitted_at: null } : {}),
      ...(action === 'publish' && current.published_at === null ? { published_at: now } : {}),
    };
    await updateUnchanged(trx, current, patch);
    const updated = { ...current, ...patch };
    if (action === 'withdraw') {
      await trx
        .insertInto('incident_corrections')
        .values({
          id: newId('icr'),
          incident_id: id,
          kind: 'withdrawal',
          note: note!.trim(),
          fields: '[]',
          made_by: userId,
          made_at: now,
        })
        .execute();
    }
    await syncSearch(ctx, trx, updated);
    if (action === 'publish' || action === 'withdraw')
      await shareIncident(ctx, trx, await presentFull(trx, actor, updated));
    await recordAudit(trx, {
      actor,
      orgId: current.org_id,
      action: `incident.${transition.to === 'review' ? 'submitted' : transition.to === 'draft' ? 'returned' : transition.to}`,
      subjectType: 'incident',
      subjectId: id,
      summary: `Incident ${current.editorial_state} → ${transition.to}${note ? `: ${note.trim()}` : ''}`,
    });
    return updated;
  });
  return presentFull(ctx.db, actor, row);
}

export { getEditableIncident, nextChangeSeq };

import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { ReadScope } from '../../core/access/index.ts';
import type { Database } from '../../core/db/tables.ts';
import type { Trx } from '../../core/db/transaction.ts';
import { EDITORIAL_STATES } from './catalog.ts';
import type {
  IncidentActorsTable,
  IncidentAttributionsTable,
  IncidentCorrectionsTable,
  IncidentsTable,
} from './incidents.tables.ts';

type Reader = Kysely<Database>;

export type IncidentRow = IncidentsTable & { org_name: string };
export type AttributionRow = IncidentAttributionsTable & {
  actor_name: string;
  actor_kind: string;
};
export type CorrectionRow = IncidentCorrectionsTable;
export type ActorRow = IncidentActorsTable;

const NOTHING = sql<SqlBool>`1 = 0`;

/**
 * The incidents a reader may see, on `incidents AS i`: published (or withdrawn) ones within their audience,
 * and the reader's own organizations' drafts, by the rule of core/access (`incident.read`, which applies
 * isInRecordAudience), written as SQL so lists and counts filter in the database. Named people and
 * participant organizations come from `incident_participants`.
 */
export function readableCondition(scope: ReadScope): RawBuilder<SqlBool> {
  // `(column || '')` keeps SQLite from answering these ORs through the state and owner indexes (then sorting
  // every match, all of an organization's records for its own members) instead of walking the list order.
  const isOut = sql<SqlBool>`(i.editorial_state || '') IN ('published', 'withdrawn')`;
  if (scope.isSystem) return sql<SqlBool>`(${isOut} AND i.tlp <> 'TLP:RED')`;
  const ownerMember =
    scope.orgIds.length === 0 ? NOTHING : sql<SqlBool>`i.org_id IN (${sql.join(scope.orgIds)})`;
  const involvedOrg =
    scope.orgIds.length === 0
      ? NOTHING
      : sql<SqlBool>`(${ownerMember} OR EXISTS (SELECT 1 FROM incident_participants po WHERE po.incident_id = i.id AND po.kind = 'org' AND po.participant_id IN (${sql.join(scope.orgIds)})))`;
  const namedAnywhere =
    scope.userId === undefined
      ? NOTHING
      : sql<SqlBool>`EXISTS (SELECT 1 FROM incident_participants pu WHERE pu.incident_id = i.id AND pu.kind = 'user' AND pu.participant_id = ${scope.userId})`;
  const named = scope.orgScoped ? sql<SqlBool>`(${namedAnywhere} AND ${involvedOrg})` : namedAnywhere;
  const involved = sql<SqlBool>`(${named} OR ${involvedOrg})`;
  const visibilities = ['public'];
  if (scope.isSignedIn) visibilities.push('registered');
  if (scope.isCommunity) visibilities.push('community');
  const visible = sql<SqlBool>`(i.visibility IN (${sql.join(visibilities)}) OR ${involved})`;
  const greenReaders = scope.isCommunity ? sql<SqlBool>`1 = 1` : involved;
  const labelled = sql<SqlBool>`(i.tlp = 'TLP:CLEAR' OR (i.tlp = 'TLP:GREEN' AND ${greenReaders}) OR (i.tlp IN ('TLP:AMBER', 'TLP:AMBER+STRICT') AND ${involved}) OR (i.tlp = 'TLP:RED' AND ${named}))`;
  return sql<SqlBool>`((${isOut} OR ${ownerMember}) AND ${visible} AND ${labelled})`;
}

function incidentQuery(db: Reader) {
  return db
    .selectFrom('incidents as i')
    .innerJoin('organizations as o', 'o.id', 'i.org_id')
    .selectAll('i')
    .select('o.name as org_name');
}

export async function findIncidentRow(db: Reader, id: string): Promise<IncidentRow | undefined> {
  return incidentQuery(db).where('i.id', '=', id).executeTakeFirst();
}

export interface IncidentFilter {
  scope: ReadScope;
  type?: string;
  country?: string;
  sector?: string;
  norm?: string;
  actorId?: string;
  orgId?: string;
  editorialStates?: string[];
  from?: string;
  to?: string;
  /** Only these ids (a full-text match), when set. */
  ids?: string[];
  beforeSortKey?: string;
  limit: number;
}

type FilterOnly = Omit<IncidentFilter, 'limit' | 'beforeSortKey'>;

/** `incidents AS i` narrowed to what the filter selects and the reader may read. */
function filteredIncidents(db: Reader, filter: FilterOnly) {
  let query = db.selectFrom('incidents as i').where(readableCondition(filter.scope));
  if (filter.type)
    query = query.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM incident_types ft WHERE ft.incident_id = i.id AND ft.type = ${filter.type})`,
    );
  if (filter.country)
    query = query.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM incident_countries fc WHERE fc.incident_id = i.id AND fc.country = ${filter.country})`,
    );
  if (filter.sector)
    query = query.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM incident_sectors fs WHERE fs.incident_id = i.id AND fs.sector = ${filter.sector})`,
    );
  if (filter.norm)
    query = query.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM incident_norms fn WHERE fn.incident_id = i.id AND fn.code = ${filter.norm})`,
    );
  if (filter.actorId)
    query = query.where(
      sql<SqlBool>`EXISTS (SELECT 1 FROM incident_attributions fa WHERE fa.incident_id = i.id AND fa.actor_id = ${filter.actorId})`,
    );
  if (filter.orgId) query = query.where('i.org_id', '=', filter.orgId);
  if (filter.editorialStates) {
    // Name whichever side is shorter: a few states use the state index; "all but withdrawn" lets SQLite walk
    // the list's sort index instead of sorting every match.
    const states = filter.editorialStates;
    const others = EDITORIAL_STATES.filter((state) => !states.includes(state));
    if (others.length > 0)
      query =
        states.length <= others.length
          ? query.where('i.editorial_state', 'in', states)
          : query.where('i.editorial_state', 'not in', others);
  }
  if (filter.from) query = query.where('i.started_on', '>=', filter.from);
  if (filter.to) query = query.where('i.started_on', '<=', filter.to);
  if (filter.ids)
    query = filter.ids.length === 0 ? query.where(NOTHING) : query.where('i.id', 'in', filter.ids);
  return query;
}

/** One page of readable incidents, newest start date first. */
export async function findIncidentRows(db: Reader, filter: IncidentFilter): Promise<IncidentRow[]> {
  let query = filteredIncidents(db, filter)
    .innerJoin('organizations as o', 'o.id', 'i.org_id')
    .selectAll('i')
    .select('o.name as org_name');
  if (filter.beforeSortKey) query = query.where('i.sort_key', '<', filter.beforeSortKey);
  return query.orderBy('i.sort_key', 'desc').limit(filter.limit).execute();
}

export type Facets = Record<'types' | 'countries' | 'sectors' | 'norms', Record<string, number>>;

/** Ids of the reader's own organizations' incidents whose title or description contains every term. */
export async function findOwnIncidentIdsByText(
  db: Reader,
  orgIds: string[],
  terms: string[],
): Promise<string[]> {
  if (orgIds.length === 0 || terms.length === 0) return [];
  let query = db.selectFrom('incidents').select('id').where('org_id', 'in', orgIds);
  for (const term of terms) {
    const pattern = `%${term.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    query = query.where(
      sql<SqlBool>`(lower(title) LIKE ${pattern} ESCAPE '\\' OR lower(description) LIKE ${pattern} ESCAPE '\\')`,
    );
  }
  const rows = await query.limit(1000).execute();
  return rows.map((row) => row.id);
}

export async function findAttributionRows(db: Reader, incidentIds: string[]): Promise<AttributionRow[]> {
  if (incidentIds.length === 0) return [];
  return db
    .selectFrom('incident_attributions as a')
    .innerJoin('incident_actors as ac', 'ac.id', 'a.actor_id')
    .selectAll('a')
    .select(['ac.name as actor_name', 'ac.kind as actor_kind'])
    .where('a.incident_id', 'in', incidentIds)
    .orderBy('a.attributed_on')
    .orderBy('a.id')
    .execute();
}

export async function findCorrectionRows(db: Reader, incidentId: string): Promise<CorrectionRow[]> {
  return db
    .selectFrom('incident_corrections')
    .selectAll()
    .where('incident_id', '=', incidentId)
    .orderBy('made_at')
    .orderBy('id')
    .execute();
}

/** The corrections logs of several incidents at once, oldest first. */
export async function findCorrectionRowsOf(db: Reader, incidentIds: string[]): Promise<CorrectionRow[]> {
  if (incidentIds.length === 0) return [];
  return db
    .selectFrom('incident_corrections')
    .selectAll()
    .where('incident_id', 'in', incidentIds)
    .orderBy('made_at')
    .orderBy('id')
    .execute();
}

/** The next value of the shared change sequence; runs in the writing transaction, which it serialises. */
export async function nextChangeSeq(trx: Trx): Promise<number> {
  const row = await trx
    .updateTable('incident_sequence')
    .set({ last_seq: sql`last_seq + 1` })
    .where('id', '=', 1)
    .returning('last_seq')
    .executeTakeFirstOrThrow();
  return Number(row.last_seq);
}

export interface IndexedDimensions {
  types: string[];
  countries: string[];
  sectors: string[];
  norms: string[];
  participantOrgIds: string[];
  participantUserIds: string[];
}

/** Rewrites the side tables that index an incident's dimensions and participants. */
export async function writeIndexedDimensions(
  trx: Trx,
  incidentId: string,
  dims: IndexedDimensions,
): Promise<void> {
  await trx.deleteFrom('incident_types').where('incident_id', '=', incidentId).execute();
  await trx.deleteFrom('incident_countries').where('incident_id', '=', incidentId).execute();
  await trx.deleteFrom('incident_sectors').where('incident_id', '=', incidentId).execute();
  await trx.deleteFrom('incident_norms').where('incident_id', '=', incidentId).execute();
  await trx.deleteFrom('incident_participants').where('incident_id', '=', incidentId).execute();
  const unique = (values: string[]) => [...new Set(values)];
  const types = unique(dims.types).map((type) => ({ incident_id: incidentId, type }));
  const countries = unique(dims.countries).map((country) => ({ incident_id: incidentId, country }));
  const sectors = unique(dims.sectors).map((sector) => ({ incident_id: incidentId, sector }));
  const norms = unique(dims.norms).map((code) => ({ incident_id: incidentId, code }));
  const participants = [
    ...unique(dims.participantOrgIds).map((id) => ({
      incident_id: incidentId,
      kind: 'org',
      participant_id: id,
    })),
    ...unique(dims.participantUserIds).map((id) => ({
      incident_id: incidentId,
      kind: 'user',
      participant_id: id,
    })),
  ];
  if (types.length > 0) await trx.insertInto('incident_types').values(types).execute();
  if (countries.length > 0) await trx.insertInto('incident_countries').values(countries).execute();
  if (sectors.length > 0) await trx.insertInto('incident_sectors').values(sectors).execute();
  if (norms.length > 0) await trx.insertInto('incident_norms').values(norms).execute();
  if (participants.length > 0) await trx.insertInto('incident_participants').values(participants).execute();
}

/** "APT 28", "apt28" and "APT-28" are one actor. */
export function actorNameKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\-_.]+/g, '');
}

export async function findActorByKey(db: Reader, nameKey: string): Promise<ActorRow | undefined> {
  return db.selectFrom('incident_actors').selectAll().where('name_key', '=', nameKey).executeTakeFirst();
}

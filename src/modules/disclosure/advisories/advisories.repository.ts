import type { Kysely } from 'kysely';
import type { Database } from '../../../core/db/tables.ts';
import type { DisclosureAdvisoriesTable, DisclosureAdvisoryRevisionsTable } from '../disclosure.tables.ts';

type Reader = Kysely<Database>;

export type AdvisoryRow = DisclosureAdvisoriesTable & {
  coordinator_org_id: string;
  coordinator_name: string;
  coordinator_kind: string;
  case_title: string;
};
export type RevisionRow = DisclosureAdvisoryRevisionsTable & {
  author_name: string;
  reviewer_name: string | null;
};

function selectAdvisories(db: Reader) {
  return db
    .selectFrom('disclosure_advisories as a')
    .innerJoin('disclosure_cases as c', 'c.id', 'a.case_id')
    .innerJoin('organizations as o', 'o.id', 'c.coordinator_org_id')
    .selectAll('a')
    .select([
      'c.coordinator_org_id',
      'o.name as coordinator_name',
      'o.kind as coordinator_kind',
      'c.title as case_title',
    ]);
}

export function findAdvisoryRow(db: Reader, id: string): Promise<AdvisoryRow | undefined> {
  return selectAdvisories(db).where('a.id', '=', id).executeTakeFirst();
}

export function findAdvisoryOfCase(db: Reader, caseId: string): Promise<AdvisoryRow | undefined> {
  return selectAdvisories(db).where('a.case_id', '=', caseId).executeTakeFirst();
}

export function findRevisionRows(db: Reader, advisoryId: string): Promise<RevisionRow[]> {
  return db
    .selectFrom('disclosure_advisory_revisions as r')
    .innerJoin('users as u', 'u.id', 'r.author_user_id')
    .leftJoin('users as v', 'v.id', 'r.reviewed_by')
    .selectAll('r')
    .select(['u.display_name as author_name', 'v.display_name as reviewer_name'])
    .where('r.advisory_id', '=', advisoryId)
    .orderBy('r.number')
    .execute();
}

/** The revisions of several advisories at once (for lists), without their texts beyond the title. */
export function findRevisionTitles(db: Reader, advisoryIds: readonly string[]) {
  if (advisoryIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('disclosure_advisory_revisions')
    .select(['advisory_id', 'number', 'title', 'review_status'])
    .where('advisory_id', 'in', advisoryIds)
    .orderBy('advisory_id')
    .orderBy('number')
    .execute();
}

/** Advisories published at least once, newest first: the public list, the feed and the CSAF directory. */
export function findPublishedAdvisoryRows(
  db: Reader,
  options: { tlp?: string; beforePublishedAt?: string; limit: number },
) {
  let query = selectAdvisories(db).where('a.published_at', 'is not', null);
  if (options.tlp) query = query.where('a.tlp', '=', options.tlp);
  if (options.beforePublishedAt) query = query.where('a.published_at', '<', options.beforePublishedAt);
  return query.orderBy('a.published_at', 'desc').limit(options.limit).execute();
}

/** The advisories of cases the reader coordinates with work awaiting publication (a first version or an update). */
export function findUnpublishedAdvisoryRows(db: Reader, coordinatorOrgIds: readonly string[]) {
  if (coordinatorOrgIds.length === 0) return Promise.resolve([]);
  return selectAdvisories(db)
    .where('a.status', '<>', 'published')
    .where('c.coordinator_org_id', 'in', coordinatorOrgIds)
    .orderBy('a.id', 'desc')
    .limit(200)
    .execute();
}

/** The CSAF directory's entries: every published CLEAR advisory's tracking id and release dates. */
export function findDirectoryRows(db: Reader) {
  return db
    .selectFrom('disclosure_advisories')
    .select(['tracking_id', 'initial_release_date', 'current_release_date', 'published_at', 'tlp'])
    .where('published_at', 'is not', null)
    .where('tlp', '=', 'CLEAR')
    .orderBy('current_release_date', 'desc')
    .execute();
}

/** One published CLEAR advisory's served files, by tracking id. */
export function findPublishedDocument(db: Reader, trackingId: string) {
  return db
    .selectFrom('disclosure_advisories')
    .select([
      'tracking_id',
      'initial_release_date',
      'csaf_json',
      'csaf_sha256',
      'csaf_signature',
      'published_at',
      'tlp',
    ])
    .where('tracking_id', '=', trackingId)
    .where('published_at', 'is not', null)
    .where('tlp', '=', 'CLEAR')
    .executeTakeFirst();
}

/** The highest tracking number used in a year, to number the next advisory. */
export async function findLastTrackingNumber(db: Reader, prefix: string): Promise<number> {
  const rows = await db
    .selectFrom('disclosure_advisories')
    .select('tracking_id')
    .where('tracking_id', 'like', `${prefix}%`)
    .execute();
  return rows.reduce((max, row) => Math.max(max, Number(row.tracking_id.slice(prefix.length)) || 0), 0);
}

import { type Kysely, sql } from 'kysely';
import type { Database } from '../../../core/db/tables.ts';
import type {
  DisclosureCaseMessagesTable,
  DisclosureCaseParticipantsTable,
  DisclosureCaseProductsTable,
  DisclosureCaseStatementsTable,
  DisclosureCasesTable,
  DisclosureEmbargoEventsTable,
  DisclosureEmbargoesTable,
} from '../disclosure.tables.ts';

type Reader = Kysely<Database>;

export type CaseRow = DisclosureCasesTable & {
  coordinator_name: string;
  reporter_user_id: string | null;
  cvss_v3_vector: string | null;
  cvss_v3_score: number | null;
  cvss_v4_vector: string | null;
  cvss_v4_score: number | null;
  cwe_ids: string;
};
export type ParticipantRow = DisclosureCaseParticipantsTable;
export type ProductRow = DisclosureCaseProductsTable;
export type StatementRow = DisclosureCaseStatementsTable;
export type CaseMessageRow = DisclosureCaseMessagesTable;
export type EmbargoRow = DisclosureEmbargoesTable;
export type EmbargoEventRow = DisclosureEmbargoEventsTable;

export function findCaseRow(db: Reader, id: string): Promise<CaseRow | undefined> {
  return db
    .selectFrom('disclosure_cases as c')
    .innerJoin('organizations as o', 'o.id', 'c.coordinator_org_id')
    .innerJoin('vulnerability_reports as r', 'r.id', 'c.report_id')
    .selectAll('c')
    .select([
      'o.name as coordinator_name',
      'r.reporter_user_id',
      'r.cvss_v3_vector',
      'r.cvss_v3_score',
      'r.cvss_v4_vector',
      'r.cvss_v4_score',
      'r.cwe_ids',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}

export function findCaseIdOfReport(db: Reader, reportId: string) {
  return db.selectFrom('disclosure_cases').select('id').where('report_id', '=', reportId).executeTakeFirst();
}

export function findParticipantRows(db: Reader, caseId: string): Promise<ParticipantRow[]> {
  return db
    .selectFrom('disclosure_case_participants')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
}

export function findProductRows(db: Reader, caseId: string): Promise<ProductRow[]> {
  return db
    .selectFrom('disclosure_case_products')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('participant_id')
    .orderBy('id')
    .execute();
}

export function findStatementRows(db: Reader, caseId: string): Promise<StatementRow[]> {
  return db
    .selectFrom('disclosure_case_statements')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
}

/** The newest messages of the given channels (null: the all-participants thread), oldest first. */
export async function findCaseMessageRows(
  db: Reader,
  caseId: string,
  channels: { all: boolean; participantIds: readonly string[] | 'every' },
  limit: number,
): Promise<CaseMessageRow[]> {
  let query = db.selectFrom('disclosure_case_messages').selectAll().where('case_id', '=', caseId);
  if (channels.participantIds !== 'every') {
    const ids = channels.participantIds;
    query = query.where((eb) => {
      const ors = [];
      if (channels.all) ors.push(eb('channel_participant_id', 'is', null));
      if (ids.length > 0) ors.push(eb('channel_participant_id', 'in', ids));
      return ors.length > 0 ? eb.or(ors) : sql<boolean>`1 = 0`;
    });
  }
  const rows = await query.orderBy('id', 'desc').limit(limit).execute();
  return rows.reverse();
}

/** The case's embargo that has not exited, else its latest one. */
export function findCurrentEmbargoRow(db: Reader, caseId: string): Promise<EmbargoRow | undefined> {
  return db
    .selectFrom('disclosure_embargoes')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy(sql`case when state = 'exited' then 1 else 0 end`)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findEmbargoEventRows(db: Reader, embargoId: string): Promise<EmbargoEventRow[]> {
  return db
    .selectFrom('disclosure_embargo_events')
    .selectAll()
    .where('embargo_id', '=', embargoId)
    .orderBy('id')
    .execute();
}

export interface CaseListFilters {
  coordinatorOrgIds: readonly string[];
  memberOrgIds: readonly string[];
  userId: string;
  status?: string;
  beforeId?: string;
  limit: number;
}

/** Cases the reader coordinates or takes part in (through an organization or in person), newest first. */
export function findCaseRows(db: Reader, filters: CaseListFilters) {
  let query = db
    .selectFrom('disclosure_cases as c')
    .innerJoin('organizations as o', 'o.id', 'c.coordinator_org_id')
    .select([
      'c.id',
      'c.title',
      'c.status',
      'c.target_date',
      'c.created_at',
      'c.coordinator_org_id',
      'o.name as coordinator_name',
    ])
    .select((eb) => [
      eb
        .selectFrom('disclosure_case_participants as v')
        .select((inner) => inner.fn.countAll<number>().as('n'))
        .whereRef('v.case_id', '=', 'c.id')
        .where('v.role', '=', 'vendor')
        .where('v.removed_at', 'is', null)
        .as('vendor_count'),
      eb
        .selectFrom('disclosure_embargoes as e')
        .select('e.state')
        .whereRef('e.case_id', '=', 'c.id')
        .where('e.state', '<>', 'exited')
        .limit(1)
        .as('embargo_state'),
      eb
        .selectFrom('disclosure_embargoes as e')
        .select('e.ends_at')
        .whereRef('e.case_id', '=', 'c.id')
        .where('e.state', '<>', 'exited')
        .limit(1)
        .as('embargo_ends_at'),
    ])
    .where((eb) => {
      const ors = [
        eb.exists(
          eb
            .selectFrom('disclosure_case_participants as p')
            .select('p.id')
            .whereRef('p.case_id', '=', 'c.id')
            .where('p.removed_at', 'is', null)
            .where((inner) =>
              filters.memberOrgIds.length > 0
                ? inner.or([
                    inner('p.user_id', '=', filters.userId),
                    inner('p.org_id', 'in', filters.memberOrgIds),
                  ])
                : inner('p.user_id', '=', filters.userId),
            ),
        ),
      ];
      if (filters.coordinatorOrgIds.length > 0)
        ors.push(eb('c.coordinator_org_id', 'in', filters.coordinatorOrgIds));
      return eb.or(ors);
    });
  if (filters.status) query = query.where('c.status', '=', filters.status);
  if (filters.beforeId) query = query.where('c.id', '<', filters.beforeId);
  return query
    .orderBy('c.id', 'desc')
    .limit(filters.limit + 1)
    .execute();
}

/** An organization's name, for a participant invited as an organization. */
export function findOrganizationName(db: Reader, orgId: string) {
  return db.selectFrom('organizations').select(['id', 'name']).where('id', '=', orgId).executeTakeFirst();
}

import type { Kysely } from 'kysely';
import type { Database } from '../../../core/db/tables.ts';
import type { DisclosureProgramsTable } from '../disclosure.tables.ts';

type Reader = Kysely<Database>;

export type ProgramRow = DisclosureProgramsTable & {
  org_name: string;
  org_kind: string;
  org_verification_status: string;
};

function selectPrograms(db: Reader) {
  return db
    .selectFrom('disclosure_programs as p')
    .innerJoin('organizations as o', 'o.id', 'p.org_id')
    .selectAll('p')
    .select(['o.name as org_name', 'o.kind as org_kind', 'o.verification_status as org_verification_status']);
}

export function findProgramRow(db: Reader, id: string): Promise<ProgramRow | undefined> {
  return selectPrograms(db).where('p.id', '=', id).executeTakeFirst();
}

export interface ProgramFilters {
  orgId?: string;
  status?: string;
  /** Besides published programs, the drafts and retired programs of these organizations. */
  memberOrgIds: readonly string[];
  afterId?: string;
  limit: number;
}

/** Published programs, and every program of the reader's own organizations. */
export function findProgramRows(db: Reader, filters: ProgramFilters): Promise<ProgramRow[]> {
  let query = selectPrograms(db);
  query = query.where((eb) =>
    filters.memberOrgIds.length > 0
      ? eb.or([eb('p.status', '=', 'published'), eb('p.org_id', 'in', filters.memberOrgIds)])
      : eb('p.status', '=', 'published'),
  );
  if (filters.orgId) query = query.where('p.org_id', '=', filters.orgId);
  if (filters.status) query = query.where('p.status', '=', filters.status);
  if (filters.afterId) query = query.where('p.id', '>', filters.afterId);
  return query
    .orderBy('p.id')
    .limit(filters.limit + 1)
    .execute();
}

/** Every published program, for security.txt. */
export function findPublishedProgramRows(db: Reader, limit: number): Promise<ProgramRow[]> {
  return selectPrograms(db).where('p.status', '=', 'published').orderBy('p.id').limit(limit).execute();
}

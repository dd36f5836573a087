import type { Db } from '../../../core/db/database.ts';
import type { Trx } from '../../../core/db/transaction.ts';
import type { ApplicationStatus } from './accreditation.schemas.ts';

function selectApplications(db: Db | Trx) {
  return db
    .selectFrom('accreditation_applications')
    .innerJoin('organizations', 'organizations.id', 'accreditation_applications.org_id')
    .selectAll('accreditation_applications')
    .select([
      'organizations.name as org_name',
      'organizations.kind as org_kind',
      'organizations.country_code as org_country_code',
    ]);
}

export function findApplicationRow(db: Db | Trx, id: string) {
  return selectApplications(db).where('accreditation_applications.id', '=', id).executeTakeFirst();
}

export interface ApplicationFilters {
  processId: string;
  status?: ApplicationStatus;
  orgId?: string;
  /** Statuses anyone may see; `null` when the reader may see every status. */
  visibleStatuses: readonly ApplicationStatus[] | null;
  /** The reader's own organizations, whose applications it sees whatever their status. */
  ownOrgIds: readonly string[];
  after?: string;
  limit: number;
}

export function findApplicationRows(db: Db, filters: ApplicationFilters) {
  let query = selectApplications(db)
    .where('accreditation_applications.process_id', '=', filters.processId)
    .orderBy('accreditation_applications.id')
    .limit(filters.limit + 1);
  if (filters.status) query = query.where('accreditation_applications.status', '=', filters.status);
  if (filters.orgId) query = query.where('accreditation_applications.org_id', '=', filters.orgId);
  if (filters.after) query = query.where('accreditation_applications.id', '>', filters.after);
  const visible = filters.visibleStatuses;
  if (visible) {
    query = query.where((eb) =>
      eb.or([
        eb('accreditation_applications.status', 'in', [...visible]),
        ...(filters.ownOrgIds.length > 0
          ? [eb('accreditation_applications.org_id', 'in', [...filters.ownOrgIds])]
          : []),
      ]),
    );
  }
  return query.execute();
}

/** An application of the organization to the process that is still alive (pending or accredited). */
export function findLiveApplication(db: Db | Trx, processId: string, orgId: string) {
  return db
    .selectFrom('accreditation_applications')
    .select(['id', 'status'])
    .where('process_id', '=', processId)
    .where('org_id', '=', orgId)
    .where('status', 'in', ['pending_confirmation', 'circulating', 'accredited'])
    .executeTakeFirst();
}

export function findObjectionRows(db: Db | Trx, applicationId: string) {
  return db
    .selectFrom('accreditation_objections')
    .innerJoin('organizations', 'organizations.id', 'accreditation_objections.state_org_id')
    .selectAll('accreditation_objections')
    .select([
      'organizations.name as org_name',
      'organizations.kind as org_kind',
      'organizations.country_code as org_country_code',
    ])
    .where('application_id', '=', applicationId)
    .orderBy('accreditation_objections.created_at')
    .execute();
}

export async function countObjections(db: Db | Trx, applicationId: string): Promise<number> {
  const row = await db
    .selectFrom('accreditation_objections')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('application_id', '=', applicationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Active admins of verified State organizations: the people an application circulates to. */
export function findStateAdmins(db: Db | Trx): Promise<{ user_id: string; email: string; org_id: string }[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.user_id', 'users.email', 'memberships.org_id'])
    .where('organizations.kind', '=', 'state')
    .where('organizations.verification_status', '=', 'verified')
    .where('memberships.role', '=', 'org_admin')
    .where('users.disabled_at', 'is', null)
    .execute();
}

export function findDueApplicationIds(db: Db, now: string, limit: number) {
  return db
    .selectFrom('accreditation_applications')
    .select('id')
    .where('status', '=', 'circulating')
    .where('circulation_ends_at', '<=', now)
    .orderBy('circulation_ends_at')
    .limit(limit)
    .execute();
}

import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { Database } from '../db/tables.ts';

type Reader = Kysely<Database>;

export interface OrganizationFilters {
  q?: string;
  kind?: string;
  countryCode?: string;
  verificationStatus?: string;
  /** When set, only verified organizations and these ones are listed. */
  restrictToVerifiedOr?: string[];
  after?: { name: string; id: string };
  limit: number;
}

type OrganizationsBuilder = ExpressionBuilder<Database, 'organizations'>;

const memberCount = (eb: OrganizationsBuilder) =>
  eb
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .whereRef('memberships.org_id', '=', 'organizations.id');

export function findOrganizationRows(db: Reader, filters: OrganizationFilters) {
  let query = db
    .selectFrom('organizations')
    .selectAll('organizations')
    .select((eb) => memberCount(eb).as('member_count'));
  if (filters.kind) query = query.where('kind', '=', filters.kind);
  if (filters.countryCode) query = query.where('country_code', '=', filters.countryCode);
  if (filters.verificationStatus) query = query.where('verification_status', '=', filters.verificationStatus);
  if (filters.q) {
    const pattern = `%${filters.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where(sql<boolean>`lower(name) like ${pattern} escape '\\'`);
  }
  if (filters.restrictToVerifiedOr) {
    const own = filters.restrictToVerifiedOr;
    query = query.where((eb) =>
      own.length > 0
        ? eb.or([eb('verification_status', '=', 'verified'), eb('id', 'in', own)])
        : eb('verification_status', '=', 'verified'),
    );
  }
  if (filters.after) {
    const { name, id } = filters.after;
    query = query.where((eb) =>
      eb.or([eb('name', '>', name), eb.and([eb('name', '=', name), eb('id', '>', id)])]),
    );
  }
  return query
    .orderBy('name')
    .orderBy('id')
    .limit(filters.limit + 1)
    .execute();
}

export function findOrganizationRow(db: Reader, id: string) {
  return db
    .selectFrom('organizations')
    .selectAll('organizations')
    .select((eb) => memberCount(eb).as('member_count'))
    .where('id', '=', id)
    .executeTakeFirst();
}

export function findMemberRows(db: Reader, orgId: string, afterUserId: string | undefined, limit: number) {
  let query = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'memberships.user_id',
      'users.email',
      'users.display_name',
      'memberships.role',
      'memberships.created_at',
    ])
    .where('memberships.org_id', '=', orgId);
  if (afterUserId) query = query.where('memberships.user_id', '>', afterUserId);
  return query
    .orderBy('memberships.user_id')
    .limit(limit + 1)
    .execute();
}

/** The org admins whose accounts are not disabled: who is told about the organization's affairs. */
export function findActiveAdmins(db: Reader, orgId: string): Promise<{ user_id: string; email: string }[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.user_id', 'users.email'])
    .where('memberships.org_id', '=', orgId)
    .where('memberships.role', '=', 'org_admin')
    .where('users.disabled_at', 'is', null)
    .execute();
}

export function countAdmins(db: Reader, orgId: string): Promise<number> {
  return db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'org_admin')
    .executeTakeFirstOrThrow()
    .then((row) => Number(row.n));
}

export function findInvitationRows(db: Reader, orgId: string, afterId: string | undefined, limit: number) {
  let query = db
    .selectFrom('invitations')
    .leftJoin('users', 'users.id', 'invitations.invited_by')
    .selectAll('invitations')
    .select('users.email as invited_by_email')
    .where('invitations.org_id', '=', orgId);
  if (afterId) query = query.where('invitations.id', '<', afterId);
  return query
    .orderBy('invitations.id', 'desc')
    .limit(limit + 1)
    .execute();
}

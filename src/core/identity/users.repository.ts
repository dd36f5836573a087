import type { Kysely } from 'kysely';
import type { ActorMembership } from '../access/actor.ts';
import type { Database, UsersTable } from '../db/tables.ts';
import type { OrgKind, OrgRole } from '../orgs/kinds.ts';

type Reader = Kysely<Database>;

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findUserByEmail(db: Reader, email: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', normalizeEmail(email)).executeTakeFirst();
}

export function findUserById(db: Reader, id: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findMemberships(db: Reader, userId: string): Promise<ActorMembership[]> {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
    .select([
      'memberships.org_id',
      'memberships.role',
      'organizations.kind',
      'organizations.verification_status',
    ])
    .where('memberships.user_id', '=', userId)
    .execute();
  return rows.map((row) => ({
    orgId: row.org_id,
    role: row.role as OrgRole,
    orgKind: row.kind as OrgKind,
    isOrgVerified: row.verification_status === 'verified',
  }));
}

export async function findMembershipsWithNames(db: Reader, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
    .select([
      'memberships.org_id',
      'memberships.role',
      'organizations.name',
      'organizations.kind',
      'organizations.verification_status',
    ])
    .where('memberships.user_id', '=', userId)
    .orderBy('organizations.name')
    .execute();
}

export async function hasPlatformAdmin(db: Reader): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('is_platform_admin', '=', 1)
    .where('disabled_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

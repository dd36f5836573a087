import type { Db } from '../../../core/db/database.ts';

/** Verified States with the M49 region of their country. */
export function findVerifiedStates(db: Db) {
  return db
    .selectFrom('organizations as o')
    .leftJoin('countries as c', 'c.code', 'o.country_code')
    .select(['o.id', 'o.name', 'o.country_code', 'c.region_code'])
    .where('o.kind', '=', 'state')
    .where('o.verification_status', '=', 'verified')
    .orderBy('o.name')
    .orderBy('o.id')
    .execute();
}

/** The roles each verified State holds an entry for (stale ones included: the State did nominate). */
export function findStateRoles(db: Db) {
  return db
    .selectFrom('poc_entries as p')
    .innerJoin('organizations as o', 'o.id', 'p.org_id')
    .select(['p.org_id', 'p.role'])
    .distinct()
    .where('p.removed_at', 'is', null)
    .where('o.kind', '=', 'state')
    .where('o.verification_status', '=', 'verified')
    .execute();
}

/** Every current entry of a verified organization: its validity, confirmation and region. */
export function findEntryAges(db: Db) {
  return db
    .selectFrom('poc_entries as p')
    .innerJoin('organizations as o', 'o.id', 'p.org_id')
    .leftJoin('countries as c', 'c.code', 'o.country_code')
    .select(['p.confirmed_at', 'p.valid_until', 'c.region_code'])
    .where('p.removed_at', 'is', null)
    .where('o.verification_status', '=', 'verified')
    .execute();
}

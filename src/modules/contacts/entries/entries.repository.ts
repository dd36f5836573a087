import { sql } from 'kysely';
import type { Db } from '../../../core/db/database.ts';
import type { Trx } from '../../../core/db/transaction.ts';
import type { Freshness } from '../freshness/validity.ts';
import { validUntilRange } from '../freshness/validity.ts';

type Reader = Db | Trx;

/** An entry with what its presentation needs: organization, region, holder and nominator names. */
export function selectEntries(db: Reader) {
  return db
    .selectFrom('poc_entries as p')
    .innerJoin('organizations as o', 'o.id', 'p.org_id')
    .leftJoin('countries as c', 'c.code', 'o.country_code')
    .innerJoin('users as h', 'h.id', 'p.user_id')
    .innerJoin('users as n', 'n.id', 'p.nominated_by')
    .selectAll('p')
    .select([
      'o.name as org_name',
      'o.kind as org_kind',
      'o.country_code as org_country_code',
      'o.verification_status as org_verification_status',
      'c.region_code as org_region_code',
      'h.display_name as holder_name',
      'n.display_name as nominator_name',
      // Requests and checks reach a holder only while they are an active member of the organization.
      sql<number>`case when h.disabled_at is null and exists (select 1 from memberships m where m.org_id = p.org_id and m.user_id = p.user_id) then 1 else 0 end`.as(
        'holder_is_current',
      ),
    ]);
}

export type EntryRow = NonNullable<Awaited<ReturnType<ReturnType<typeof selectEntries>['executeTakeFirst']>>>;

/** A current entry (not removed), or undefined. */
export function findEntryRow(db: Reader, id: string): Promise<EntryRow | undefined> {
  return selectEntries(db).where('p.id', '=', id).where('p.removed_at', 'is', null).executeTakeFirst();
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface EntryFilters {
  /** Who may be listed: every organization (`all`), or verified ones plus the reader's own. */
  scope:
    | { kind: 'all' }
    | { kind: 'verified_or_own'; ownOrgIds: readonly string[] }
    | { kind: 'own'; orgIds: readonly string[] };
  countryCodes?: readonly string[];
  regionCodes?: readonly string[];
  roles?: readonly string[];
  /** Primary language subtags, lower case. */
  languages?: readonly string[];
  services?: readonly string[];
  orgId?: string;
  freshness?: Freshness;
  q?: string;
  now: Date;
  after?: string;
  limit: number;
}

export function findEntryRows(db: Reader, filters: EntryFilters): Promise<EntryRow[]> {
  let query = selectEntries(db).where('p.removed_at', 'is', null);
  const scope = filters.scope;
  if (scope.kind === 'own') {
    query =
      scope.orgIds.length > 0
        ? query.where('p.org_id', 'in', [...scope.orgIds])
        : query.where(sql<boolean>`1 = 0`);
  } else if (scope.kind === 'verified_or_own') {
    const own = scope.ownOrgIds;
    // The community sees entries whose holder still answers for the organization; the organization's own
    // members also see those whose holder left, flagged, so its admins can hand them over.
    const isCurrent = sql<boolean>`h.disabled_at is null and exists (select 1 from memberships m where m.org_id = p.org_id and m.user_id = p.user_id)`;
    query = query.where((eb) =>
      own.length > 0
        ? eb.or([
            eb.and([eb('o.verification_status', '=', 'verified'), isCurrent]),
            eb('p.org_id', 'in', [...own]),
          ])
        : eb.and([eb('o.verification_status', '=', 'verified'), isCurrent]),
    );
  }
  if (filters.orgId) query = query.where('p.org_id', '=', filters.orgId);
  if (filters.countryCodes?.length) query = query.where('o.country_code', 'in', [...filters.countryCodes]);
  const regions = filters.regionCodes;
  if (regions?.length) {
    query = query.where((eb) =>
      eb.or([
        eb('c.region_code', 'in', [...regions]),
        eb('c.subregion_code', 'in', [...regions]),
        eb('c.intermediate_region_code', 'in', [...regions]),
      ]),
    );
  }
  if (filters.roles?.length) query = query.where('p.role', 'in', [...filters.roles]);
  // Languages and services are JSON arrays of plain strings; matching the quoted element with LIKE is
  // portable and exact: `"fr"` or `"fr-…"` for a language, `"forensics"` for a service.
  const languages = filters.languages;
  if (languages?.length) {
    query = query.where((eb) =>
      eb.or(
        languages.flatMap((language) => {
          const code = escapeLike(language.toLowerCase());
          return [
            eb('p.languages', 'like', sql<string>`${`%"${code}"%`} escape '\\'`),
            eb('p.languages', 'like', sql<string>`${`%"${code}-%`} escape '\\'`),
          ];
        }),
      ),
    );
  }
  const services = filters.services;
  if (services?.length) {
    query = query.where((eb) =>
      eb.or(
        services.map((service) =>
          eb('p.services', 'like', sql<string>`${`%"${escapeLike(service)}"%`} escape '\\'`),
        ),
      ),
    );
  }
  if (filters.freshness) {
    const range = validUntilRange(filters.freshness, filters.now);
    if (range.after) query = query.where('p.valid_until', '>', range.after);
    if (range.atOrBefore) query = query.where('p.valid_until', '<=', range.atOrBefore);
  }
  if (filters.q) {
    const pattern = `%${escapeLike(filters.q.toLowerCase())}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql<string>`lower(p.name)`, 'like', sql<string>`${pattern} escape '\\'`),
        eb(sql<string>`lower(o.name)`, 'like', sql<string>`${pattern} escape '\\'`),
      ]),
    );
  }
  if (filters.after) query = query.where('p.id', '>', filters.after);
  return query
    .orderBy('p.id')
    .limit(filters.limit + 1)
    .execute();
}

/** The member, if the user is an active (not disabled) member of the organization. */
export function findActiveMember(db: Reader, orgId: string, userId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email', 'users.display_name', 'users.locale'])
    .where('memberships.org_id', '=', orgId)
    .where('memberships.user_id', '=', userId)
    .where('users.disabled_at', 'is', null)
    .executeTakeFirst();
}

export const RECONFIRM_PURPOSE = 'poc_reconfirm';

/** The payload a reconfirm link carries; written and compared as this exact text. */
export const reconfirmPayload = (pocId: string) => JSON.stringify({ pocId });

/** Ends the entry's outstanding reconfirm links: after any confirmation or removal they have done their work. */
export async function retireReconfirmLinks(trx: Trx, pocId: string, now: string): Promise<void> {
  await trx
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('purpose', '=', RECONFIRM_PURPOSE)
    .where('payload', '=', reconfirmPayload(pocId))
    .where('used_at', 'is', null)
    .execute();
}

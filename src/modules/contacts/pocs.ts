import type { Kysely } from 'kysely';
import type { Database } from '../../core/db/tables.ts';
import { isUnLanguageCode, type UnLanguageCode } from '../../core/reference/languages.ts';
import type { PocRole, PocService } from './codes.ts';

/**
 * What other modules read of the directory (through index.ts): an organization's current POCs, for
 * addressing requests and checks, and who may act for an organization as its POC.
 */

export interface CurrentPoc {
  id: string;
  orgId: string;
  userId: string;
  role: PocRole;
  name: string;
  email: string;
  /** BCP 47 tags, in the POC's order of preference. */
  languages: string[];
  openpgpKey: string | null;
  openpgpFingerprint: string | null;
  openpgpExpiresAt: string | null;
  validUntil: string;
}

type Reader = Kysely<Database>;

/**
 * Entries not removed whose holder still belongs to the entry's organization, with an account not
 * disabled. Removing a member or disabling an account leaves the entry in place (an admin replaces or
 * removes it), but someone who left must stop receiving and acting on the organization's requests at once.
 */
function heldEntries(db: Reader) {
  return db
    .selectFrom('poc_entries as p')
    .innerJoin('memberships as hm', (join) =>
      join.onRef('hm.org_id', '=', 'p.org_id').onRef('hm.user_id', '=', 'p.user_id'),
    )
    .innerJoin('users as hu', 'hu.id', 'p.user_id')
    .where('p.removed_at', 'is', null)
    .where('hu.disabled_at', 'is', null);
}

/**
 * The current entries (see heldEntries), stale ones included: a stale contact is still the best one
 * known, and the directory shows it as stale. Ordered by organization, then role, then id.
 */
export async function findCurrentPocs(
  db: Reader,
  orgIds: readonly string[],
  roles?: readonly PocRole[],
): Promise<CurrentPoc[]> {
  if (orgIds.length === 0) return [];
  let query = heldEntries(db)
    .select([
      'p.id',
      'p.org_id',
      'p.user_id',
      'p.role',
      'p.name',
      'p.email',
      'p.languages',
      'p.openpgp_key',
      'p.openpgp_fingerprint',
      'p.openpgp_expires_at',
      'p.valid_until',
    ])
    .where('p.org_id', 'in', orgIds);
  if (roles && roles.length > 0) query = query.where('p.role', 'in', roles);
  const rows = await query.orderBy('p.org_id').orderBy('p.role').orderBy('p.id').execute();
  return rows.map((row) => ({
    id: row.id,
    orgId: row.org_id,
    userId: row.user_id,
    role: row.role as PocRole,
    name: row.name,
    email: row.email,
    languages: JSON.parse(row.languages) as string[],
    openpgpKey: row.openpgp_key,
    openpgpFingerprint: row.openpgp_fingerprint,
    openpgpExpiresAt: row.openpgp_expires_at,
    validUntil: row.valid_until,
  }));
}

/** The members who hold a current POC entry of the organization (see heldEntries): who may act for it on requests. */
export async function findPocHolderUserIds(db: Reader, orgId: string): Promise<string[]> {
  const rows = await heldEntries(db).select('p.user_id').distinct().where('p.org_id', '=', orgId).execute();
  return rows.map((row) => row.user_id);
}

/** The user's current POC entries, across organizations. */
export async function findPocsHeldBy(db: Reader, userId: string): Promise<CurrentPoc[]> {
  const orgs = await heldEntries(db).select('p.org_id').distinct().where('p.user_id', '=', userId).execute();
  const pocs = await findCurrentPocs(
    db,
    orgs.map((row) => row.org_id),
  );
  return pocs.filter((poc) => poc.userId === userId);
}

/**
 * The language a POC's mail goes out in: the first of its languages that is a UN language, matched on
 * the primary subtag (`fr-CA` reads French), else English.
 */
export function mailLanguageOf(languages: readonly string[]): UnLanguageCode {
  for (const tag of languages) {
    const primary = tag.split('-')[0]?.toLowerCase();
    if (isUnLanguageCode(primary)) return primary;
  }
  return 'en';
}

/** Whether the POC's key can be used for mail sent now. */
export function hasUsableKey(
  poc: Pick<CurrentPoc, 'openpgpKey' | 'openpgpExpiresAt'>,
  now = new Date(),
): boolean {
  return (
    poc.openpgpKey !== null && (poc.openpgpExpiresAt === null || poc.openpgpExpiresAt > now.toISOString())
  );
}

/** Which POCs a directory search or a communication check covers; every given list narrows it. */
export interface PocFilter {
  /** ISO 3166-1 alpha-2 codes of the organizations' countries. */
  countryCodes?: readonly string[];
  /** UN M49 region, sub-region or intermediate region codes. */
  regionCodes?: readonly string[];
  roles?: readonly PocRole[];
  /** Primary language subtags (`fr` matches `fr-CA`). */
  languages?: readonly string[];
  services?: readonly PocService[];
  orgIds?: readonly string[];
}

export interface MatchedPoc extends CurrentPoc {
  orgName: string;
  countryCode: string | null;
  regionCode: string | null;
  subregionCode: string | null;
}

/** Current entries (see heldEntries) of verified organizations that match the filter, ordered by organization, role and id. */
export async function findPocsMatching(db: Reader, filter: PocFilter): Promise<MatchedPoc[]> {
  let query = heldEntries(db)
    .innerJoin('organizations as o', 'o.id', 'p.org_id')
    .leftJoin('countries as c', 'c.code', 'o.country_code')
    .select([
      'p.id',
      'p.org_id',
      'p.user_id',
      'p.role',
      'p.name',
      'p.email',
      'p.languages',
      'p.services',
      'p.openpgp_key',
      'p.openpgp_fingerprint',
      'p.openpgp_expires_at',
      'p.valid_until',
      'o.name as org_name',
      'o.country_code',
      'c.region_code',
      'c.subregion_code',
      'c.intermediate_region_code',
    ])
    .where('o.verification_status', '=', 'verified');
  if (filter.orgIds?.length) query = query.where('p.org_id', 'in', filter.orgIds);
  if (filter.roles?.length) query = query.where('p.role', 'in', filter.roles);
  if (filter.countryCodes?.length) query = query.where('o.country_code', 'in', filter.countryCodes);
  const regionCodes = filter.regionCodes;
  if (regionCodes?.length) {
    query = query.where((eb) =>
      eb.or([
        eb('c.region_code', 'in', regionCodes),
        eb('c.subregion_code', 'in', regionCodes),
        eb('c.intermediate_region_code', 'in', regionCodes),
      ]),
    );
  }
  const rows = await query.orderBy('p.org_id').orderBy('p.role').orderBy('p.id').execute();
  // Languages and services are JSON arrays: filtered here rather than with dialect-specific JSON SQL.
  const languages = filter.languages?.map((tag) => tag.toLowerCase());
  const services = filter.services;
  return rows
    .map((row) => ({
      row,
      languages: JSON.parse(row.languages) as string[],
      services: JSON.parse(row.services) as string[],
    }))
    .filter(
      (entry) =>
        (!languages?.length ||
          entry.languages.some((tag) => languages.includes(tag.split('-')[0]?.toLowerCase() ?? ''))) &&
        (!services?.length || entry.services.some((service) => services.includes(service as PocService))),
    )
    .map(({ row, languages: tags }) => ({
      id: row.id,
      orgId: row.org_id,
      userId: row.user_id,
      role: row.role as PocRole,
      name: row.name,
      email: row.email,
      languages: tags,
      openpgpKey: row.openpgp_key,
      openpgpFingerprint: row.openpgp_fingerprint,
      openpgpExpiresAt: row.openpgp_expires_at,
      validUntil: row.valid_until,
      orgName: row.org_name,
      countryCode: row.country_code,
      regionCode: row.region_code,
      subregionCode: row.subregion_code,
    }));
}

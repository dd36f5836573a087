import { createHash } from 'node:crypto';
import type { Db } from '../db/database.ts';
import { COUNTRIES, REGIONS } from './countries.ts';

/** The instance_settings key holding the hash of the reference data last written. */
export const REFERENCE_VERSION_KEY = 'reference_version';

// Well under SQLite's and PostgreSQL's limits on bound parameters per statement.
const ROWS_PER_INSERT = 100;

export interface ReferenceSeedResult {
  /** Rows written; 0 when the database already held this version of the data. */
  countries: number;
  regions: number;
  skipped: boolean;
}

let cachedVersion: string | undefined;

/** A hash of the data itself, so a release that changes it reseeds and one that does not costs one query. */
export function getReferenceVersion(): string {
  cachedVersion ??= createHash('sha256')
    .update(JSON.stringify({ regions: REGIONS, countries: COUNTRIES }))
    .digest('base64url');
  return cachedVersion;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Upserts the M49 regions and ISO 3166-1 countries, in one transaction. Rows are never deleted,
 * because organizations may still point at a code that a later release withdraws.
 */
export async function seedReference(db: Db): Promise<ReferenceSeedResult> {
  const version = getReferenceVersion();
  const stored = await db
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', REFERENCE_VERSION_KEY)
    .executeTakeFirst();
  if (stored?.value === version) return { countries: 0, regions: 0, skipped: true };

  await db.transaction().execute(async (trx) => {
    for (const regions of chunk(REGIONS, ROWS_PER_INSERT)) {
      await trx
        .insertInto('regions')
        .values(
          regions.map((region) => ({
            code: region.code,
            level: region.level,
            parent_code: region.parentCode,
            names: JSON.stringify(region.names),
          })),
        )
        .onConflict((conflict) =>
          conflict.column('code').doUpdateSet((eb) => ({
            level: eb.ref('excluded.level'),
            parent_code: eb.ref('excluded.parent_code'),
            names: eb.ref('excluded.names'),
          })),
        )
        .execute();
    }
    for (const countries of chunk(COUNTRIES, ROWS_PER_INSERT)) {
      await trx
        .insertInto('countries')
        .values(
          countries.map((country) => ({
            code: country.code,
            alpha3: country.alpha3,
            numeric_code: country.numericCode,
            region_code: country.regionCode,
            subregion_code: country.subregionCode,
            intermediate_region_code: country.intermediateRegionCode,
            names: JSON.stringify(country.names),
          })),
        )
        .onConflict((conflict) =>
          conflict.column('code').doUpdateSet((eb) => ({
            alpha3: eb.ref('excluded.alpha3'),
            numeric_code: eb.ref('excluded.numeric_code'),
            region_code: eb.ref('excluded.region_code'),
            subregion_code: eb.ref('excluded.subregion_code'),
            intermediate_region_code: eb.ref('excluded.intermediate_region_code'),
            names: eb.ref('excluded.names'),
          })),
        )
        .execute();
    }
    await trx
      .insertInto('instance_settings')
      .values({ key: REFERENCE_VERSION_KEY, value: version })
      .onConflict((conflict) => conflict.column('key').doUpdateSet({ value: version }))
      .execute();
  });
  return { countries: COUNTRIES.length, regions: REGIONS.length, skipped: false };
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DatabaseHandle, migrateToLatest, openDatabase } from '../db/database.ts';
import { COUNTRIES, REGIONS } from './countries.ts';
import { getReferenceVersion, REFERENCE_VERSION_KEY, seedReference } from './seed.ts';

let handle: DatabaseHandle;

beforeEach(async () => {
  handle = openDatabase(':memory:');
  await migrateToLatest(handle);
});

afterEach(async () => {
  await handle.close();
});

async function countRows(table: 'countries' | 'regions'): Promise<number> {
  const { count } = await handle.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirstOrThrow();
  return Number(count);
}

describe('seedReference', () => {
  it('writes every region and country into a fresh database', async () => {
    const result = await seedReference(handle.db);
    expect(result).toEqual({ countries: COUNTRIES.length, regions: REGIONS.length, skipped: false });
    expect(await countRows('countries')).toBe(COUNTRIES.length);
    expect(await countRows('regions')).toBe(REGIONS.length);
    expect(COUNTRIES.length).toBeGreaterThanOrEqual(245);
    expect(REGIONS.length).toBe(29);
  });

  it('stores the M49 classification and the names as JSON', async () => {
    await seedReference(handle.db);
    const kenya = await handle.db
      .selectFrom('countries')
      .selectAll()
      .where('code', '=', 'KE')
      .executeTakeFirstOrThrow();
    expect(kenya).toMatchObject({
      alpha3: 'KEN',
      numeric_code: '404',
      region_code: '002',
      subregion_code: '202',
      intermediate_region_code: '014',
    });
    expect(JSON.parse(kenya.names)).toMatchObject({ en: 'Kenya', zh: '肯尼亚', ar: 'كينيا' });
    const easternAfrica = await handle.db
      .selectFrom('regions')
      .selectAll()
      .where('code', '=', '014')
      .executeTakeFirstOrThrow();
    expect(easternAfrica).toMatchObject({ level: 'intermediate', parent_code: '202' });
  });

  it('records the data version and skips a second run', async () => {
    await seedReference(handle.db);
    const setting = await handle.db
      .selectFrom('instance_settings')
      .select('value')
      .where('key', '=', REFERENCE_VERSION_KEY)
      .executeTakeFirstOrThrow();
    expect(setting.value).toBe(getReferenceVersion());

    const second = await seedReference(handle.db);
    expect(second).toEqual({ countries: 0, regions: 0, skipped: true });
    expect(await countRows('countries')).toBe(COUNTRIES.length);
    expect(await countRows('regions')).toBe(REGIONS.length);
  });

  it('repairs changed rows without duplicating them when the stored version differs', async () => {
    await seedReference(handle.db);
    await handle.db
      .updateTable('countries')
      .set({ names: '{}', region_code: null })
      .where('code', '=', 'KE')
      .execute();
    await handle.db
      .updateTable('instance_settings')
      .set({ value: 'an older release' })
      .where('key', '=', REFERENCE_VERSION_KEY)
      .execute();

    const result = await seedReference(handle.db);
    expect(result.skipped).toBe(false);
    expect(await countRows('countries')).toBe(COUNTRIES.length);
    const kenya = await handle.db
      .selectFrom('countries')
      .select(['names', 'region_code'])
      .where('code', '=', 'KE')
      .executeTakeFirstOrThrow();
    expect(kenya.region_code).toBe('002');
    expect(JSON.parse(kenya.names).en).toBe('Kenya');
  });

  it('keeps a row the data no longer has, since organizations may refer to it', async () => {
    await handle.db
      .insertInto('countries')
      .values({
        code: 'YU',
        alpha3: 'YUG',
        numeric_code: '891',
        region_code: null,
        subregion_code: null,
        intermediate_region_code: null,
        names: '{}',
      })
      .execute();
    await seedReference(handle.db);
    expect(await countRows('countries')).toBe(COUNTRIES.length + 1);
  });
});

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrganization } from '../../../../test/factories.ts';
import {
  describeEachDialect,
  openTestDatabase,
  type TestDatabase,
} from '../../../../test/harness/databases.ts';
import { loadConfig } from '../../../config.ts';
import type { AppContext } from '../../../core/context.ts';
import { inTransaction } from '../../../core/db/transaction.ts';
import { deleteObjects, ensureInstanceCollection, putObjects } from '../index.ts';
import { indicator } from '../test-support.ts';

/** What other modules call: putObjects, deleteObjects and ensureInstanceCollection, in their own transactions. */
describeEachDialect('sharing: putting objects from other modules', (dialect) => {
  let database: TestDatabase;
  let ctx: AppContext;
  let orgId: string;
  let collectionId: string;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    ctx = {
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      db: database.db,
      dialect: database.dialect,
      signingKey: Buffer.alloc(32),
      log: undefined as never,
      delivery: { wake() {} },
    };
    orgId = (await createOrganization(database.db)).id;
    collectionId = await ensureInstanceCollection(database.db, {
      key: 'incidents',
      title: 'Published incidents',
      description: 'Incidents as STIX 2.1',
      visibility: 'community',
      defaultTlp: 'TLP:GREEN',
    });
  });
  afterAll(() => database.destroy());

  const rowsOf = (stixId: string) =>
    database.db
      .selectFrom('sharing_objects')
      .select(['version', 'is_latest', 'is_first', 'tlp', 'visibility', 'owner_org_id', 'date_added'])
      .where('collection_id', '=', collectionId)
      .where('stix_id', '=', stixId)
      .orderBy('version')
      .execute();

  it('creates the instance collection once, however often and concurrently it is asked for', async () => {
    const spec = {
      key: 'incidents',
      title: 'Other title',
      description: '',
      visibility: 'public' as const,
      defaultTlp: 'TLP:CLEAR' as const,
    };
    const ids = await Promise.all([1, 2, 3].map(() => ensureInstanceCollection(database.db, spec)));
    expect(new Set([...ids, collectionId]).size).toBe(1);
    const fresh = await Promise.all(
      [1, 2, 3].map(() => ensureInstanceCollection(database.db, { ...spec, key: 'advisories' })),
    );
    expect(new Set(fresh).size).toBe(1);
    const row = await database.db
      .selectFrom('sharing_collections')
      .selectAll()
      .where('id', '=', collectionId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      owner_org_id: null,
      title: 'Published incidents',
      visibility: 'community',
      default_tlp: 'TLP:GREEN',
    });
  });

  it('labels objects at least as the caller says, keeps stricter markings, and refuses RED', async () => {
    const clear = indicator({ tlp: 'TLP:CLEAR' });
    const strict = indicator({ tlp: 'TLP:AMBER+STRICT' });
    const unmarked = indicator();
    const red = indicator({ tlp: 'TLP:RED' });
    const result = await inTransaction(ctx, (trx) =>
      putObjects(trx, collectionId, [clear, strict, unmarked, red], {
        ownerOrgId: orgId,
        visibility: 'public',
        tlp: 'TLP:AMBER',
      }),
    );
    expect(result.addedCount).toBe(3);
    expect(result.failures).toEqual([
      { id: red.id, version: red.modified, message: expect.stringContaining('TLP:RED') },
    ]);
    expect((await rowsOf(clear.id as string))[0]).toMatchObject({
      tlp: 'TLP:AMBER',
      visibility: 'public',
      owner_org_id: orgId,
    });
    expect((await rowsOf(strict.id as string))[0]).toMatchObject({ tlp: 'TLP:AMBER+STRICT' });
    expect((await rowsOf(unmarked.id as string))[0]).toMatchObject({ tlp: 'TLP:AMBER' });
    expect(await rowsOf(red.id as string)).toEqual([]);
    // Without a label from the caller, unmarked objects take the collection's default.
    const plain = indicator();
    await inTransaction(ctx, (trx) => putObjects(trx, collectionId, [plain], { ownerOrgId: null }));
    expect((await rowsOf(plain.id as string))[0]).toMatchObject({
      tlp: 'TLP:GREEN',
      visibility: 'community',
      owner_org_id: null,
    });
  });

  it('writes nothing when the caller’s transaction rolls back', async () => {
    const object = indicator();
    const before = await database.db
      .selectFrom('sharing_collections')
      .select('last_date_added')
      .where('id', '=', collectionId)
      .executeTakeFirstOrThrow();
    await expect(
      inTransaction(ctx, async (trx) => {
        await putObjects(trx, collectionId, [object], { ownerOrgId: orgId });
        throw new Error('the incident failed to publish');
      }),
    ).rejects.toThrow('the incident failed to publish');
    expect(await rowsOf(object.id as string)).toEqual([]);
    const after = await database.db
      .selectFrom('sharing_collections')
      .select('last_date_added')
      .where('id', '=', collectionId)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('keeps first and latest right when versions arrive out of order, and deletes every version', async () => {
    const id = `indicator--${randomUUID()}`;
    const put = (modified: string) =>
      inTransaction(ctx, (trx) =>
        putObjects(trx, collectionId, [indicator({ id, modified })], { ownerOrgId: orgId }),
      );
    await put('2026-05-01T00:00:00.000Z');
    await put('2026-03-01T00:00:00.000Z');
    await put('2026-04-01T00:00:00.5001Z');
    const flags = (await rowsOf(id)).map((row) => [row.version, row.is_first, row.is_latest]);
    expect(flags).toEqual([
      ['2026-03-01T00:00:00.000000000Z', 1, 0],
      ['2026-04-01T00:00:00.500100000Z', 0, 0],
      ['2026-05-01T00:00:00.000000000Z', 0, 1],
    ]);
    expect(await inTransaction(ctx, (trx) => deleteObjects(trx, collectionId, [id]))).toBe(3);
    expect(await rowsOf(id)).toEqual([]);
  });

  it('stores objects without created or modified once, whatever the number of times they come', async () => {
    const address = {
      type: 'ipv4-addr',
      spec_version: '2.1',
      id: `ipv4-addr--${randomUUID()}`,
      value: '198.51.100.3',
    };
    const first = await inTransaction(ctx, (trx) =>
      putObjects(trx, collectionId, [address, address], { ownerOrgId: orgId }),
    );
    expect(first.addedCount).toBe(1);
    expect(first.successes[1]).toMatchObject({ message: 'already in the collection' });
    const again = await inTransaction(ctx, (trx) =>
      putObjects(trx, collectionId, [address], { ownerOrgId: orgId }),
    );
    expect(again.addedCount).toBe(0);
    expect(await rowsOf(address.id)).toEqual([
      expect.objectContaining({ version: '', is_first: 1, is_latest: 1 }),
    ]);
  });

  it('hands out strictly increasing date_added in commit order, even to concurrent writers', async () => {
    const batches = await Promise.all(
      Array.from({ length: 5 }, () => {
        const objects = Array.from({ length: 40 }, () => indicator());
        return inTransaction(ctx, async (trx) => {
          await putObjects(trx, collectionId, objects, { ownerOrgId: orgId });
          return objects.map((object) => object.id as string);
        });
      }),
    );
    const rows = await database.db
      .selectFrom('sharing_objects')
      .select(['stix_id', 'date_added'])
      .where('collection_id', '=', collectionId)
      .where('stix_id', 'in', batches.flat())
      .orderBy('date_added')
      .execute();
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((row) => row.date_added)).size).toBe(200);
    // Each writer's rows form one unbroken run: no writer's rows fall between another's.
    const batchOf = new Map(batches.flatMap((ids, index) => ids.map((id) => [id, index] as const)));
    const runs = rows
      .map((row) => batchOf.get(row.stix_id))
      .filter((batch, i, all) => i === 0 || batch !== all[i - 1]);
    expect(runs).toHaveLength(5);
    const last = await database.db
      .selectFrom('sharing_collections')
      .select('last_date_added')
      .where('id', '=', collectionId)
      .executeTakeFirstOrThrow();
    const newest = await database.db
      .selectFrom('sharing_objects')
      .select('date_added')
      .where('collection_id', '=', collectionId)
      .orderBy('date_added', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last.last_date_added).toBe(newest.date_added);
  });

  it('refuses to put objects into a collection that is not there or retired', async () => {
    await expect(
      inTransaction(ctx, (trx) => putObjects(trx, randomUUID(), [indicator()], { ownerOrgId: orgId })),
    ).rejects.toMatchObject({ status: 404 });
  });
});

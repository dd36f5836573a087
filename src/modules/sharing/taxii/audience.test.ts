import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  describeEachDialect,
  openTestDatabase,
  type TestDatabase,
} from '../../../../test/harness/databases.ts';
import { A, ACTORS, B, U } from '../../../core/access/fixtures.ts';
import { can, readScope } from '../../../core/access/index.ts';
import { TLP_LABELS_ORDERED } from '../../../core/access/tlp.ts';
import { VISIBILITIES } from '../../../core/access/visibility.ts';
import { nowIso } from '../../../core/db/ids.ts';
import { createCollection } from '../test-support.ts';
import { objectRecord, readableObjectsCondition } from './audience.ts';

/**
 * The SQL filter of TAXII reads and the access policy must agree on every object: each actor of the
 * access fixtures, every visibility, label and owner, and several collection memberships.
 */
describeEachDialect('sharing: the objects filter agrees with the access policy', (dialect) => {
  let database: TestDatabase;
  let collectionId: string;

  beforeAll(async () => {
    database = await openTestDatabase(dialect);
    const now = nowIso();
    for (const [id, verified] of [
      [A, true],
      [B, true],
      [U, false],
    ] as const) {
      await database.db
        .insertInto('organizations')
        .values({
          id,
          name: id,
          kind: 'cert',
          country_code: null,
          website: null,
          description: null,
          verification_status: verified ? 'verified' : 'unverified',
          verification_note: null,
          verified_at: verified ? now : null,
          verified_by: null,
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    collectionId = await createCollection(database.db);
    let micros = 0;
    const rows = [];
    for (const visibility of VISIBILITIES) {
      for (const tlp of TLP_LABELS_ORDERED) {
        for (const owner of [A, B, U, null]) {
          micros += 1;
          rows.push({
            collection_id: collectionId,
            date_added: `2026-01-01T00:00:00.${String(micros).padStart(6, '0')}Z`,
            stix_id: `indicator--${randomUUID()}`,
            type: 'indicator',
            spec_version: '2.1',
            version: '',
            is_latest: 1,
            is_first: 1,
            tlp,
            visibility,
            owner_org_id: owner,
            raw: '{}',
          });
        }
      }
    }
    await database.db.insertInto('sharing_objects').values(rows).execute();
  });
  afterAll(() => database.destroy());

  it('selects exactly the objects the policy lets each actor read', async () => {
    const all = await database.db
      .selectFrom('sharing_objects as o')
      .select(['o.stix_id', 'o.tlp', 'o.visibility', 'o.owner_org_id'])
      .where('o.collection_id', '=', collectionId)
      .execute();
    expect(all).toHaveLength(80);
    const disagreements: string[] = [];
    let granted = 0;
    for (const participants of [[], [B], [U], [A, B]]) {
      for (const [name, actor] of Object.entries(ACTORS)) {
        const selected = await database.db
          .selectFrom('sharing_objects as o')
          .select('o.stix_id')
          .where('o.collection_id', '=', collectionId)
          .where(readableObjectsCondition(readScope(actor), participants))
          .execute();
        const bySql = new Set(selected.map((row) => row.stix_id));
        for (const row of all) {
          const byPolicy = can(actor, 'record.read', objectRecord(row, participants));
          if (byPolicy) granted += 1;
          if (byPolicy !== bySql.has(row.stix_id)) {
            disagreements.push(
              `${name} [${participants}] ${row.visibility} ${row.tlp} owner ${row.owner_org_id}: policy ${byPolicy}`,
            );
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
    // The comparison means something only if both grants and denials occur.
    expect(granted).toBeGreaterThan(100);
    expect(granted).toBeLessThan(4 * Object.keys(ACTORS).length * 80);
  });

  it('never selects TLP:RED, whoever asks', async () => {
    for (const actor of Object.values(ACTORS)) {
      const red = await database.db
        .selectFrom('sharing_objects as o')
        .select('o.stix_id')
        .where('o.collection_id', '=', collectionId)
        .where('o.tlp', '=', 'TLP:RED')
        .where(readableObjectsCondition(readScope(actor), [A, B, U]))
        .execute();
      expect(red).toEqual([]);
    }
  });
});

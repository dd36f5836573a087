import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, createOrganization, createUser } from '../../../test/factories.ts';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../../../test/harness/databases.ts';
import { newId, nowIso } from '../../core/db/ids.ts';
import { findCurrentPocs, findPocHolderUserIds, findPocsHeldBy, findPocsMatching } from './pocs.ts';

/** The directory's reads for other modules count an entry only while its holder belongs to the organization. */
describeEachDialect('contacts: current POCs are held by current members', (dialect) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase(dialect);
  });
  afterAll(() => database.destroy());

  async function entry(orgId: string, userId: string, role: 'technical' | 'diplomatic' | 'policy') {
    const id = newId('poc');
    const now = nowIso();
    await database.db
      .insertInto('poc_entries')
      .values({
        id,
        org_id: orgId,
        user_id: userId,
        role,
        name: `${role} desk`,
        email: `${id}@poc.example.test`,
        phone: null,
        hotline: null,
        messenger: null,
        languages: JSON.stringify(['en']),
        time_zone: 'UTC',
        working_hours: null,
        openpgp_key: null,
        openpgp_fingerprint: null,
        openpgp_expires_at: null,
        services: JSON.stringify(['incident_coordination']),
        nominated_by: userId,
        confirmed_at: now,
        valid_until: new Date(Date.now() + 90 * 86_400_000).toISOString(),
        reminder_sent_at: null,
        expiry_escalated_at: null,
        created_at: now,
        updated_at: now,
        removed_at: null,
      })
      .execute();
    return id;
  }

  it('drops entries whose holder left the organization or was disabled', async () => {
    const db = database.db;
    const org = (await createOrganization(db, { name: 'CERT Uruguay', kind: 'cert', countryCode: 'UY' })).id;
    const other = (await createOrganization(db, { name: 'CERT Peru', kind: 'cert', countryCode: 'PE' })).id;
    const [stays, leaves, disabled] = [await createUser(db), await createUser(db), await createUser(db)];
    for (const user of [stays, leaves, disabled]) await addMember(db, org, user.id);
    // The one who leaves still belongs to another organization, with an entry there.
    await addMember(db, other, leaves.id);
    const staysEntry = await entry(org, stays.id, 'technical');
    const leavesEntry = await entry(org, leaves.id, 'diplomatic');
    const disabledEntry = await entry(org, disabled.id, 'policy');
    const otherEntry = await entry(other, leaves.id, 'technical');

    const ids = async () => ({
      current: (await findCurrentPocs(db, [org, other])).map((poc) => poc.id).sort(),
      holders: (await findPocHolderUserIds(db, org)).sort(),
      heldByLeaver: (await findPocsHeldBy(db, leaves.id)).map((poc) => poc.id).sort(),
      matching: (await findPocsMatching(db, { orgIds: [org, other] })).map((poc) => poc.id).sort(),
    });
    const everyone = [staysEntry, leavesEntry, disabledEntry, otherEntry].sort();
    expect(await ids()).toEqual({
      current: everyone,
      holders: [stays.id, leaves.id, disabled.id].sort(),
      heldByLeaver: [leavesEntry, otherEntry].sort(),
      matching: everyone,
    });

    await db.deleteFrom('memberships').where('org_id', '=', org).where('user_id', '=', leaves.id).execute();
    await db.updateTable('users').set({ disabled_at: nowIso() }).where('id', '=', disabled.id).execute();
    expect(await ids()).toEqual({
      current: [staysEntry, otherEntry].sort(),
      holders: [stays.id],
      heldByLeaver: [otherEntry],
      matching: [staysEntry, otherEntry].sort(),
    });
  });
});

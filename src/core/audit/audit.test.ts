import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../../../test/harness/databases.ts';
import { recordAudit, verifyAuditChain } from './audit.ts';

describeEachDialect('audit chain', (dialect) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await openTestDatabase(dialect, { seedReference: false });
    for (let i = 1; i <= 5; i++) {
      await database.db.transaction().execute((trx) =>
        recordAudit(trx, {
          actor: { type: 'system', label: 'test' },
          action: 'test.event',
          subjectType: 'test',
          subjectId: `s${i}`,
          summary: `event ${i}`,
        }),
      );
    }
  });
  afterEach(() => database.destroy());

  it('verifies an untouched chain', async () => {
    expect(await verifyAuditChain(database.db)).toEqual({ isIntact: true, eventCount: 5 });
  });

  it('names the first edited event', async () => {
    await database.db
      .updateTable('audit_events')
      .set({ summary: 'rewritten history' })
      .where('seq', '=', 3)
      .execute();
    const result = await verifyAuditChain(database.db);
    expect(result.isIntact).toBe(false);
    expect(result.firstBroken).toMatchObject({ seq: 3, reason: 'its content does not match its hash' });
  });

  it('notices a deleted event in the middle and at the end', async () => {
    await database.db.deleteFrom('audit_events').where('seq', '=', 2).execute();
    expect((await verifyAuditChain(database.db)).firstBroken).toMatchObject({
      seq: 2,
      reason: 'event 2 is missing',
    });
    await database.db.deleteFrom('audit_events').where('seq', '>=', 1).execute();
    expect((await verifyAuditChain(database.db)).isIntact).toBe(false);
  });

  it('notices an event re-hashed by someone who edits but cannot re-chain the rest', async () => {
    const { computeAuditHash } = await import('./audit.ts');
    const row = await database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '=', 2)
      .executeTakeFirstOrThrow();
    const forged = { ...row, summary: 'forged' };
    await database.db
      .updateTable('audit_events')
      .set({ summary: 'forged', hash: computeAuditHash(forged) })
      .where('seq', '=', 2)
      .execute();
    const result = await verifyAuditChain(database.db);
    expect(result.firstBroken).toMatchObject({
      seq: 3,
      reason: 'its previous hash does not match the event before it',
    });
  });

  it('keeps one unbroken chain under concurrent writers', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        database.db.transaction().execute((trx) =>
          recordAudit(trx, {
            actor: { type: 'system', label: 'test' },
            action: 'test.concurrent',
            subjectType: 'test',
            summary: `c${i}`,
          }),
        ),
      ),
    );
    expect(await verifyAuditChain(database.db)).toEqual({ isIntact: true, eventCount: 25 });
  });
});

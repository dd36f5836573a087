import type { Insertable } from 'kysely';
import type { Db } from '../../../core/db/database.ts';
import type { Trx } from '../../../core/db/transaction.ts';
import type { CommunicationChecksTable, CommunicationCheckTargetsTable } from '../exercises.tables.ts';

// Nine columns a target: 500 rows stay far below SQLite's limit of 32,766 bound variables and
// PostgreSQL's 65,535, while 1,000 targets still take only two statements.
const TARGETS_PER_INSERT = 500;

export async function insertCheck(trx: Trx, row: Insertable<CommunicationChecksTable>): Promise<void> {
  await trx.insertInto('communication_checks').values(row).execute();
}

export async function insertTargets(
  trx: Trx,
  rows: readonly Insertable<CommunicationCheckTargetsTable>[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += TARGETS_PER_INSERT) {
    await trx
      .insertInto('communication_check_targets')
      .values(rows.slice(start, start + TARGETS_PER_INSERT))
      .execute();
  }
}

export function findCheckRow(db: Db, id: string) {
  return db.selectFrom('communication_checks').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Newest first: ids sort by creation time. */
export function findCheckRows(db: Db, page: { before?: string; limit: number }) {
  let query = db
    .selectFrom('communication_checks')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(page.limit + 1);
  if (page.before) query = query.where('id', '<', page.before);
  return query.execute();
}

/** The answered targets of the given checks, with only what the statistics need. */
export function findAcknowledgementTimes(db: Db, checkIds: readonly string[]) {
  if (checkIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('communication_check_targets')
    .select(['check_id', 'region_code', 'role', 'sent_at', 'acknowledged_at'])
    .where('check_id', 'in', checkIds)
    .where('acknowledged_at', 'is not', null)
    .execute();
}

/** Every target of a check with the POC's and organization's current names, in no order (the presenter sorts). */
export function findTargetRows(db: Db, checkId: string) {
  return db
    .selectFrom('communication_check_targets as t')
    .innerJoin('poc_entries as p', 'p.id', 't.poc_id')
    .innerJoin('organizations as o', 'o.id', 't.org_id')
    .select([
      't.poc_id',
      't.org_id',
      't.country_code',
      't.region_code',
      't.role',
      't.sent_at',
      't.acknowledged_at',
      'p.name as poc_name',
      'o.name as org_name',
    ])
    .where('t.check_id', '=', checkId)
    .execute();
}

export function findTargetByTokenHash(db: Db | Trx, tokenHash: string) {
  return db
    .selectFrom('communication_check_targets as t')
    .innerJoin('communication_checks as c', 'c.id', 't.check_id')
    .innerJoin('poc_entries as p', 'p.id', 't.poc_id')
    .innerJoin('organizations as o', 'o.id', 't.org_id')
    .select([
      't.check_id',
      't.poc_id',
      't.org_id',
      't.acknowledged_at',
      'c.closes_at',
      'p.name as poc_name',
      'o.name as org_name',
    ])
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Records the first click only; answers whether this call was it. */
export async function markAcknowledged(trx: Trx, tokenHash: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('communication_check_targets')
    .set({ acknowledged_at: at })
    .where('token_hash', '=', tokenHash)
    .where('acknowledged_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

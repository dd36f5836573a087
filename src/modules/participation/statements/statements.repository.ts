import type { Db } from '../../../core/db/database.ts';
import type { Trx } from '../../../core/db/transaction.ts';

function selectStatements(db: Db | Trx) {
  return db
    .selectFrom('statements')
    .innerJoin('organizations', 'organizations.id', 'statements.org_id')
    .selectAll('statements')
    .select([
      'organizations.name as org_name',
      'organizations.kind as org_kind',
      'organizations.country_code as org_country_code',
    ]);
}

export function findStatementRow(db: Db | Trx, id: string) {
  return selectStatements(db).where('statements.id', '=', id).executeTakeFirst();
}

export function findStatementRows(
  db: Db,
  filters: {
    processId?: string;
    orgId?: string;
    status?: string;
    /** null: every status (moderators); otherwise published ones plus these organizations' own. */
    ownOrgIds: readonly string[] | null;
    before?: string;
    limit: number;
  },
) {
  let query = selectStatements(db)
    .orderBy('statements.id', 'desc')
    .limit(filters.limit + 1);
  if (filters.processId) query = query.where('statements.process_id', '=', filters.processId);
  if (filters.orgId) query = query.where('statements.org_id', '=', filters.orgId);
  if (filters.status) query = query.where('statements.status', '=', filters.status);
  if (filters.before) query = query.where('statements.id', '<', filters.before);
  const own = filters.ownOrgIds;
  if (own !== null) {
    query = query.where((eb) =>
      eb.or([
        eb('statements.status', '=', 'published'),
        ...(own.length > 0 ? [eb('statements.org_id', 'in', [...own])] : []),
      ]),
    );
  }
  return query.execute();
}

export function findStatementFile(db: Db, id: string) {
  return db.selectFrom('statement_files').selectAll().where('statement_id', '=', id).executeTakeFirst();
}

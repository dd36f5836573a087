import type { Db } from '../../../core/db/database.ts';
import type { Trx } from '../../../core/db/transaction.ts';

export function findMeasureRows(db: Db, filters: { source?: string; norm?: string }) {
  let query = db.selectFrom('measures').selectAll().orderBy('source').orderBy('number').orderBy('key');
  if (filters.source) query = query.where('source', '=', filters.source);
  if (filters.norm) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('measure_norms')
          .select('measure_norms.measure_id')
          .whereRef('measure_norms.measure_id', '=', 'measures.id')
          .where('measure_norms.norm_code', '=', filters.norm!),
      ),
    );
  }
  return query.execute();
}

export function findMeasureRow(db: Db | Trx, id: string) {
  return db.selectFrom('measures').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Norm codes per measure. */
export async function findNormsByMeasure(db: Db, measureIds?: readonly string[]) {
  let query = db.selectFrom('measure_norms').selectAll().orderBy('norm_code');
  if (measureIds) {
    if (measureIds.length === 0) return new Map<string, string[]>();
    query = query.where('measure_id', 'in', [...measureIds]);
  }
  const byMeasure = new Map<string, string[]>();
  for (const row of await query.execute()) {
    byMeasure.set(row.measure_id, [...(byMeasure.get(row.measure_id) ?? []), row.norm_code]);
  }
  return byMeasure;
}

export async function countImplementations(db: Db) {
  const rows = await db
    .selectFrom('measure_implementations')
    .select(['measure_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['measure_id', 'status'])
    .execute();
  const counts = new Map<string, { planned: number; in_progress: number; implemented: number }>();
  for (const row of rows) {
    const entry = counts.get(row.measure_id) ?? { planned: 0, in_progress: 0, implemented: 0 };
    entry[row.status as keyof typeof entry] = Number(row.n);
    counts.set(row.measure_id, entry);
  }
  return counts;
}

export function findImplementationRows(db: Db, measureId: string) {
  return db
    .selectFrom('measure_implementations')
    .innerJoin('organizations', 'organizations.id', 'measure_implementations.org_id')
    .selectAll('measure_implementations')
    .select([
      'organizations.name as org_name',
      'organizations.kind as org_kind',
      'organizations.country_code as org_country_code',
    ])
    .where('measure_implementations.measure_id', '=', measureId)
    .orderBy('organizations.name')
    .execute();
}

export function selectProposals(db: Db | Trx) {
  return db
    .selectFrom('measure_proposals')
    .innerJoin('organizations', 'organizations.id', 'measure_proposals.org_id')
    .selectAll('measure_proposals')
    .select([
      'organizations.name as org_name',
      'organizations.kind as org_kind',
      'organizations.country_code as org_country_code',
    ]);
}

import type { Db } from '../../../core/db/database.ts';
import type { Trx } from '../../../core/db/transaction.ts';

function selectProcesses(db: Db | Trx) {
  return db
    .selectFrom('processes')
    .selectAll('processes')
    .select((eb) => [
      eb
        .selectFrom('accreditation_applications')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .whereRef('accreditation_applications.process_id', '=', 'processes.id')
        .where('accreditation_applications.status', '=', 'accredited')
        .as('accredited_count'),
      eb
        .selectFrom('working_groups')
        .select((sub) => sub.fn.countAll<number>().as('n'))
        .whereRef('working_groups.process_id', '=', 'processes.id')
        .as('group_count'),
    ]);
}

export function findProcessRow(db: Db | Trx, id: string) {
  return selectProcesses(db).where('processes.id', '=', id).executeTakeFirst();
}

/** Newest first: ids are time-sortable, so they page as well as sort. */
export function findProcessRows(db: Db, options: { before?: string; limit: number }) {
  let query = selectProcesses(db)
    .orderBy('processes.id', 'desc')
    .limit(options.limit + 1);
  if (options.before) query = query.where('processes.id', '<', options.before);
  return query.execute();
}

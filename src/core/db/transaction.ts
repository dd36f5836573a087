import type { Transaction } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Database } from './tables.ts';

export type Trx = Transaction<Database>;

/**
 * Runs one write: the change, its audit events and its outbox messages commit together or not at all.
 * After the commit the delivery worker is woken, so messages leave at once instead of at the next poll.
 */
export async function inTransaction<T>(ctx: AppContext, work: (trx: Trx) => Promise<T>): Promise<T> {
  const result = await ctx.db.transaction().execute(work);
  ctx.delivery.wake();
  return result;
}

import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../../core/db/tables.ts';
import type { Trx } from '../../../core/db/transaction.ts';
import type { SharingStatusesTable } from '../sharing.tables.ts';
import type { StatusDetail } from './ingest.ts';

type Reader = Kysely<Database>;
export type StatusRow = Selectable<SharingStatusesTable>;

/** How long status resources stay readable after the request they describe. */
export const STATUS_RETENTION_DAYS = 7;

export async function insertStatus(trx: Trx, row: StatusRow): Promise<void> {
  await trx.insertInto('sharing_statuses').values(row).execute();
}

export async function findStatusRow(db: Reader, id: string): Promise<StatusRow | undefined> {
  return db.selectFrom('sharing_statuses').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function deleteStatusesBefore(db: Reader, before: string): Promise<number> {
  const result = await db.deleteFrom('sharing_statuses').where('created_at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

function details(json: string): StatusDetail[] {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? (value as StatusDetail[]) : [];
}

/** The TAXII 2.1 status resource. Every detail is listed, so the counts and lists always agree. */
export function presentStatus(row: StatusRow): Record<string, unknown> {
  const successes = details(row.successes);
  const failures = details(row.failures);
  return {
    id: row.id,
    status: row.status,
    request_timestamp: row.request_timestamp,
    total_count: row.total_count,
    success_count: row.success_count,
    ...(successes.length > 0 ? { successes } : {}),
    failure_count: row.failure_count,
    ...(failures.length > 0 ? { failures } : {}),
    pending_count: row.pending_count,
  };
}

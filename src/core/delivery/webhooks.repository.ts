import type { Kysely } from 'kysely';
import type { Database } from '../db/tables.ts';

type Reader = Kysely<Database>;

export function findWebhookRows(db: Reader, orgId: string) {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The endpoint, only if it belongs to the organization: ids from another organization are not found. */
export function findWebhookRow(db: Reader, orgId: string, webhookId: string) {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', webhookId)
    .executeTakeFirst();
}

/** Newest first; `limit + 1` rows so the caller knows whether a next page exists. */
export function findDeliveryRows(
  db: Reader,
  endpointId: string,
  beforeId: string | undefined,
  limit: number,
) {
  let query = db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('endpoint_id', '=', endpointId)
    .orderBy('id', 'desc')
    .limit(limit + 1);
  if (beforeId !== undefined) query = query.where('id', '<', beforeId);
  return query.execute();
}

import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { TlpLabel } from '../../../core/access/tlp.ts';
import type { Visibility } from '../../../core/access/visibility.ts';
import { nowIso } from '../../../core/db/ids.ts';
import type { Database } from '../../../core/db/tables.ts';
import type { SharingCollectionsTable } from '../sharing.tables.ts';

type Reader = Kysely<Database>;
export type CollectionRow = Selectable<SharingCollectionsTable>;

export async function findCollectionRow(db: Reader, id: string): Promise<CollectionRow | undefined> {
  return db.selectFrom('sharing_collections').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Every collection still in service, by title: an instance has a handful, so callers filter in memory. */
export async function findActiveCollectionRows(db: Reader): Promise<CollectionRow[]> {
  return db
    .selectFrom('sharing_collections')
    .selectAll()
    .where('retired_at', 'is', null)
    .orderBy('title')
    .orderBy('id')
    .execute();
}

export async function isAliasTaken(db: Reader, alias: string, exceptId?: string): Promise<boolean> {
  let query = db.selectFrom('sharing_collections').select('id').where('alias', '=', alias);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return (await query.executeTakeFirst()) !== undefined;
}

export async function insertCollection(db: Reader, row: CollectionRow): Promise<void> {
  await db.insertInto('sharing_collections').values(row).execute();
}

export async function updateCollection(
  db: Reader,
  id: string,
  patch: Partial<Omit<CollectionRow, 'id' | 'created_at' | 'created_by'>>,
): Promise<void> {
  await db
    .updateTable('sharing_collections')
    .set({ ...patch, updated_at: nowIso() })
    .where('id', '=', id)
    .execute();
}

/** The organizations among `ids` that exist, with their names. */
export async function findOrganizationNames(
  db: Reader,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organizations').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export interface InstanceCollectionSpec {
  /** A stable name, e.g. `incidents`. */
  key: string;
  title: string;
  description: string;
  visibility: Visibility;
  /** For objects without a TLP marking of their own; never TLP:RED. */
  defaultTlp: Exclude<TlpLabel, 'TLP:RED'>;
}

/**
 * The id of the instance's own collection named `key`, created on first use (owned by no organization,
 * so platform admins manage it and only the platform writes to it). Safe to call from several processes
 * at once, and inside the caller's transaction.
 */
export async function ensureInstanceCollection(db: Reader, spec: InstanceCollectionSpec): Promise<string> {
  const existing = await db
    .selectFrom('sharing_collections')
    .select('id')
    .where('instance_key', '=', spec.key)
    .executeTakeFirst();
  if (existing) return existing.id;
  const now = nowIso();
  await db
    .insertInto('sharing_collections')
    .values({
      id: randomUUID(),
      instance_key: spec.key,
      alias: null,
      title: spec.title,
      description: spec.description,
      owner_org_id: null,
      visibility: spec.visibility,
      member_org_ids: '[]',
      writer_org_ids: '[]',
      default_tlp: spec.defaultTlp,
      last_date_added: null,
      created_by: null,
      created_at: now,
      updated_at: now,
      retired_at: null,
    })
    .onConflict((conflict) => conflict.column('instance_key').doNothing())
    .execute();
  const created = await db
    .selectFrom('sharing_collections')
    .select('id')
    .where('instance_key', '=', spec.key)
    .executeTakeFirstOrThrow();
  return created.id;
}

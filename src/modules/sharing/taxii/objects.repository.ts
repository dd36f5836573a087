import { type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../../../core/db/tables.ts';
import type { TaxiiFilter } from './filters.ts';

type Reader = Kysely<Database>;

export interface ObjectRow {
  date_added: string;
  stix_id: string;
  version: string;
  spec_version: string;
  tlp: string;
  visibility: string;
  owner_org_id: string | null;
  /** Only when asked for (objects, not manifests or versions). */
  raw?: string;
}

/**
 * One page of a collection's object versions in `date_added` order, filtered by the reader's audience
 * and TAXII's filters. Fetches `limit + 1` rows so the caller can tell whether more remain.
 */
export async function findObjectPage(
  db: Reader,
  collectionId: string,
  readable: RawBuilder<SqlBool>,
  filter: TaxiiFilter,
  options: { withRaw: boolean },
): Promise<ObjectRow[]> {
  let query = db
    .selectFrom('sharing_objects as o')
    .select([
      'o.date_added',
      'o.stix_id',
      'o.version',
      'o.spec_version',
      'o.tlp',
      'o.visibility',
      'o.owner_org_id',
    ])
    .where('o.collection_id', '=', collectionId)
    .where(readable);
  if (options.withRaw) query = query.select('o.raw');
  if (filter.after !== undefined) query = query.where('o.date_added', '>', filter.after);
  if (filter.ids) query = query.where('o.stix_id', 'in', filter.ids);
  if (filter.types) query = query.where('o.type', 'in', filter.types);
  if (filter.specVersions) query = query.where('o.spec_version', 'in', filter.specVersions);
  const { versions } = filter;
  if (!versions.all) {
    const alternatives: RawBuilder<SqlBool>[] = [];
    if (versions.last) alternatives.push(sql<SqlBool>`o.is_latest = 1`);
    if (versions.first) alternatives.push(sql<SqlBool>`o.is_first = 1`);
    if (versions.keys.length > 0) alternatives.push(sql<SqlBool>`o.version IN (${sql.join(versions.keys)})`);
    query = query.where(sql<SqlBool>`(${sql.join(alternatives, sql` OR `)})`);
  }
  return (await query
    .orderBy('o.date_added')
    .limit(filter.limit + 1)
    .execute()) as ObjectRow[];
}

/** Whether the reader may see any version of the object in the collection (else it is "not found"). */
export async function hasReadableObject(
  db: Reader,
  collectionId: string,
  stixId: string,
  readable: RawBuilder<SqlBool>,
): Promise<boolean> {
  const row = await db
    .selectFrom('sharing_objects as o')
    .select('o.date_added')
    .where('o.collection_id', '=', collectionId)
    .where('o.stix_id', '=', stixId)
    .where(readable)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

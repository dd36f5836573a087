import { type Actor, can } from '../../../core/access/index.ts';
import { API_ROOT_PATH } from '../taxii/taxii.service.ts';
import { collectionResource, collectionVisibility, idList } from './collection-access.ts';
import type { CollectionRow } from './collections.repository.ts';
import type { Collection } from './collections.schemas.ts';

function orgRefs(ids: readonly string[], names: ReadonlyMap<string, string>) {
  return ids.map((id) => ({ id, name: names.get(id) ?? id }));
}

/** A collection as the API shows it; member and writer lists only to those who manage it. */
export function presentCollection(
  actor: Actor,
  row: CollectionRow,
  orgNames: ReadonlyMap<string, string>,
  publicUrl: string,
): Collection {
  const resource = collectionResource(row);
  const canManage = can(actor, 'sharing.collection.manage', resource);
  return {
    id: row.id,
    alias: row.alias,
    title: row.title,
    description: row.description,
    instanceKey: row.instance_key,
    ownerOrg: row.owner_org_id
      ? { id: row.owner_org_id, name: orgNames.get(row.owner_org_id) ?? row.owner_org_id }
      : null,
    visibility: collectionVisibility(row),
    defaultTlp: row.default_tlp,
    memberOrgs: canManage ? orgRefs(idList(row.member_org_ids), orgNames) : null,
    writerOrgs: canManage ? orgRefs(idList(row.writer_org_ids), orgNames) : null,
    taxiiUrl: `${publicUrl}${API_ROOT_PATH}collections/${row.id}/`,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    retiredAt: row.retired_at,
    viewer: {
      canRead: can(actor, 'sharing.collection.read', resource),
      canWrite: can(actor, 'sharing.collection.write', resource),
      canManage,
    },
  };
}

/** Every organization a set of collections names, for one name lookup. */
export function orgIdsOf(rows: readonly CollectionRow[]): string[] {
  const ids = new Set<string>();
  for (const row of rows) {
    if (row.owner_org_id) ids.add(row.owner_org_id);
    for (const id of idList(row.member_org_ids)) ids.add(id);
    for (const id of idList(row.writer_org_ids)) ids.add(id);
  }
  return [...ids];
}

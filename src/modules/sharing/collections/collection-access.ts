import type { Actor, SharingCollectionResource } from '../../../core/access/index.ts';
import { isVisibility, type Visibility } from '../../../core/access/visibility.ts';
import type { CollectionRow } from './collections.repository.ts';

/** A JSON array of ids from a column; anything else is no ids (the column is ours, so this is defensive). */
export function idList(json: string): string[] {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
  } catch {
    return [];
  }
}

export function collectionVisibility(row: Pick<CollectionRow, 'visibility'>): Visibility {
  // An unknown value would be a bug; the narrowest audience is the safe reading of it.
  return isVisibility(row.visibility) ? row.visibility : 'participants';
}

/** The collection as the access policy sees it. */
export function collectionResource(row: CollectionRow): SharingCollectionResource {
  return {
    type: 'sharing_collection',
    ownerOrgId: row.owner_org_id,
    visibility: collectionVisibility(row),
    memberOrgIds: idList(row.member_org_ids),
    writerOrgIds: idList(row.writer_org_ids),
  };
}

/**
 * The organizations an object in this collection names besides the one that shared it: the owner and the
 * members. TLP:AMBER objects reach them and the sharing organization, nobody else.
 */
export function collectionParticipantOrgIds(row: CollectionRow): string[] {
  const members = idList(row.member_org_ids);
  return row.owner_org_id === null ? members : [row.owner_org_id, ...members];
}

/**
 * The organization a user adds objects for: the collection's owner when the user belongs to it, else the
 * first writer organization (in the collection's order) the user belongs to. An API token belongs to one
 * organization, so for tokens there is no choice to make. Only verified organizations write.
 */
export function writingOrgIdOf(actor: Actor, row: CollectionRow): string | null {
  if (actor.type !== 'user') return null;
  const verified = new Set(actor.memberships.filter((m) => m.isOrgVerified).map((m) => m.orgId));
  if (row.owner_org_id !== null && verified.has(row.owner_org_id)) return row.owner_org_id;
  return idList(row.writer_org_ids).find((orgId) => verified.has(orgId)) ?? null;
}

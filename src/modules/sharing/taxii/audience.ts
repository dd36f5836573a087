import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { ReadScope, RecordResource } from '../../../core/access/index.ts';
import { isTlpLabel } from '../../../core/access/tlp.ts';
import { isVisibility } from '../../../core/access/visibility.ts';

/**
 * Who reads an object in a collection. Each object is a labelled record:
 * - its visibility is the collection's (as it was when the object was added);
 * - its TLP label is its own marking, else the collection's default;
 * - it is owned by the organization that shared it;
 * - it names the collection's owner and member organizations, so TLP:AMBER reaches the sharing
 *   organization and them; TLP:GREEN and CLEAR follow visibility and the verified community;
 * - it names no person, so TLP:RED reaches nobody (and is refused on the way in).
 * `core/access` decides for one object; `readableObjectsCondition` is the same rule as SQL over the
 * `o` alias of sharing_objects, for one collection at a time.
 */

export interface StoredAudience {
  tlp: string;
  visibility: string;
  owner_org_id: string | null;
}

export function objectRecord(
  row: StoredAudience,
  collectionParticipantOrgIds: readonly string[],
): RecordResource {
  return {
    type: 'record',
    // Unknown values would be a bug; the narrowest reading keeps such a row from leaking.
    visibility: isVisibility(row.visibility) ? row.visibility : 'participants',
    tlp: isTlpLabel(row.tlp) ? row.tlp : 'TLP:RED',
    ownerOrgId: row.owner_org_id,
    participantOrgIds: collectionParticipantOrgIds,
    participantUserIds: [],
  };
}

const NOTHING = sql<SqlBool>`1 = 0`;

export function readableObjectsCondition(
  scope: ReadScope,
  collectionParticipantOrgIds: readonly string[],
): RawBuilder<SqlBool> {
  // The platform's own processes read everything but RED, on which nobody is named here anyway.
  if (scope.isSystem) return sql<SqlBool>`o.tlp <> 'TLP:RED'`;
  // A member of the collection is involved in every object in it.
  if (scope.orgIds.some((orgId) => collectionParticipantOrgIds.includes(orgId))) {
    return sql<SqlBool>`o.tlp <> 'TLP:RED'`;
  }
  const owned =
    scope.orgIds.length === 0 ? NOTHING : sql<SqlBool>`o.owner_org_id IN (${sql.join(scope.orgIds)})`;
  const registered = scope.isSignedIn
    ? sql<SqlBool>`o.visibility = 'registered'`
    : sql<SqlBool>`(o.visibility = 'registered' AND ${owned})`;
  const community = scope.isCommunity
    ? sql<SqlBool>`o.visibility = 'community'`
    : sql<SqlBool>`(o.visibility = 'community' AND ${owned})`;
  const visible = sql<SqlBool>`(o.visibility = 'public' OR ${registered} OR ${community} OR (o.visibility = 'participants' AND ${owned}))`;
  const green = scope.isCommunity
    ? sql<SqlBool>`o.tlp = 'TLP:GREEN'`
    : sql<SqlBool>`(o.tlp = 'TLP:GREEN' AND ${owned})`;
  const labelled = sql<SqlBool>`(o.tlp = 'TLP:CLEAR' OR ${green} OR (o.tlp IN ('TLP:AMBER', 'TLP:AMBER+STRICT') AND ${owned}))`;
  return sql<SqlBool>`(${visible} AND ${labelled})`;
}

import type { TlpLabel } from './tlp.ts';
import type { Visibility } from './visibility.ts';

/** A record that carries a visibility and, when sensitive, a TLP label. */
export interface RecordResource {
  type: 'record';
  visibility: Visibility;
  /** `null`: the record carries no TLP label, so its visibility alone decides. */
  tlp: TlpLabel | null;
  /**
   * The organization that owns the record. `null` when a person owns it (an independent
   * researcher, say), who must then be named in `participantUserIds` to keep access.
   */
  ownerOrgId: string | null;
  participantOrgIds: readonly string[];
  /** The named individuals: the only audience of TLP:RED. */
  participantUserIds: readonly string[];
}

/**
 * What a reader may see of labelled records, as plain data. `can` decides from it, and
 * repositories turn the same fields into SQL filters, so both follow one rule.
 */
export interface ReadScope {
  isSignedIn: boolean;
  /** In the verified community (or an effective platform admin, who counts as community). */
  isCommunity: boolean;
  /** A trusted platform process: reads everything except TLP:RED, on which it is never named. */
  isSystem: boolean;
  userId?: string;
  orgIds: string[];
  /**
   * The reader acts through a credential bound to the organizations in `orgIds` (an API token): being
   * named on a record then counts only when one of those organizations is involved in the record, so a
   * token scoped to one organization never reaches what its owner was named on for another.
   */
  orgScoped?: boolean;
}

/*
 * Audiences are nested, from the widest to the narrowest:
 *   everyone ⊇ signed in ⊇ community ⊇ involved (owner org, participant orgs, named people) ⊇ named people.
 * Each wider audience keeps everyone in the narrower ones: TLP 2.0 orders its labels, so whoever may
 * receive TLP:RED may receive TLP:AMBER, and an organization always reads the records it owns or takes
 * part in, verified or not. Visibility and TLP each pick an audience and a reader must be in both.
 */

function isOrgInvolved(scope: ReadScope, record: RecordResource): boolean {
  return scope.orgIds.some(
    (orgId) => orgId === record.ownerOrgId || record.participantOrgIds.includes(orgId),
  );
}

function isNamed(scope: ReadScope, record: RecordResource): boolean {
  return (
    scope.userId !== undefined &&
    record.participantUserIds.includes(scope.userId) &&
    (scope.orgScoped !== true || isOrgInvolved(scope, record))
  );
}

function isInvolved(scope: ReadScope, record: RecordResource): boolean {
  return isNamed(scope, record) || isOrgInvolved(scope, record);
}

function isInVisibilityAudience(scope: ReadScope, record: RecordResource): boolean {
  switch (record.visibility) {
    case 'public':
      return true;
    case 'registered':
      return scope.isSignedIn || isInvolved(scope, record);
    case 'community':
      return scope.isCommunity || isInvolved(scope, record);
    case 'participants':
      return isInvolved(scope, record);
  }
}

function isInTlpAudience(scope: ReadScope, record: RecordResource): boolean {
  switch (record.tlp) {
    case null:
    case 'TLP:CLEAR':
      return true;
    case 'TLP:GREEN':
      // Community only: never anonymous, never a merely registered user of an unverified organization.
      return scope.isCommunity || isInvolved(scope, record);
    case 'TLP:AMBER':
    case 'TLP:AMBER+STRICT':
      // On the platform both reach the same people; they differ in onward sharing (see mayShareOnward).
      return isInvolved(scope, record);
    case 'TLP:RED':
      // Named individuals only: not their whole organization, not platform admins, not the system.
      return isNamed(scope, record);
  }
}

export function isInRecordAudience(scope: ReadScope, record: RecordResource): boolean {
  if (scope.isSystem) return record.tlp !== 'TLP:RED';
  return isInVisibilityAudience(scope, record) && isInTlpAudience(scope, record);
}

/**
 * Whether a recipient organization may pass material on: within itself when `toClients` is false,
 * to its clients when true. TLP:AMBER+STRICT stays inside the organization; TLP:RED goes no further
 * than the named individuals.
 */
export function mayShareOnward(label: TlpLabel, toClients: boolean): boolean {
  switch (label) {
    case 'TLP:CLEAR':
    case 'TLP:GREEN':
    case 'TLP:AMBER':
      return true;
    case 'TLP:AMBER+STRICT':
      return !toClients;
    case 'TLP:RED':
      return false;
  }
}

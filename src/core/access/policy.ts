import { forbidden, unauthenticated } from '../http/errors.ts';
import type { OrgRole, VerificationStatus } from '../orgs/kinds.ts';
import type { Actor, UserActor } from './actor.ts';
import { isInRecordAudience, type ReadScope, type RecordResource } from './audience.ts';

/** The platform as a whole: actions that belong to no single organization. */
export interface PlatformResource {
  type: 'platform';
}

export interface OrganizationResource {
  type: 'organization';
  id: string;
  verificationStatus: VerificationStatus;
}

/** Each action and the only kind of resource it applies to. */
interface ResourceByAction {
  'organization.create': PlatformResource;
  'organization.read': OrganizationResource;
  'organization.update': OrganizationResource;
  'organization.verify': OrganizationResource;
  'organization.members.read': OrganizationResource;
  'organization.members.manage': OrganizationResource;
  'organization.invitations.manage': OrganizationResource;
  'organization.webhooks.manage': OrganizationResource;
  'organization.audit.read': OrganizationResource;
  /** Create an API token scoped to that organization. */
  'organization.tokens.create': OrganizationResource;
  'audit.read_all': PlatformResource;
  'users.manage': PlatformResource;
  'record.read': RecordResource;
}

export type Action = keyof ResourceByAction;
export type ResourceFor<A extends Action> = ResourceByAction[A];
export type Resource = ResourceFor<Action>;

/** An action with its resource. A wrong pairing (`'record.read'` on an organization) does not compile. */
export type AccessRequest = { [A in Action]: [action: A, resource: ResourceByAction[A]] }[Action];

export function isSignedIn(actor: Actor): actor is UserActor {
  return actor.type === 'user';
}

/**
 * A platform admin whose powers apply right now: the sign-in passed TOTP and came through a
 * session. Platform-admin powers never flow through API tokens.
 */
export function isEffectivePlatformAdmin(actor: Actor): boolean {
  return actor.type === 'user' && actor.isPlatformAdmin && actor.hasMfa && actor.via === 'session';
}

/**
 * In the verified community: a member of a verified organization, or an effective platform admin.
 * The system counts as community too, being a trusted platform process.
 */
export function isCommunityMember(actor: Actor): boolean {
  switch (actor.type) {
    case 'anonymous':
      return false;
    case 'system':
      return true;
    case 'user':
      return isEffectivePlatformAdmin(actor) || actor.memberships.some((m) => m.isOrgVerified);
  }
}

/** The actor's role in the organization, or `null` when the actor is not a member of it. */
export function roleIn(actor: Actor, orgId: string): OrgRole | null {
  if (actor.type !== 'user') return null;
  return actor.memberships.find((m) => m.orgId === orgId)?.role ?? null;
}

/** The actor's reach over labelled records, for repositories to turn into SQL filters. */
export function readScope(actor: Actor): ReadScope {
  switch (actor.type) {
    case 'anonymous':
      return { isSignedIn: false, isCommunity: false, isSystem: false, orgIds: [] };
    case 'system':
      return { isSignedIn: true, isCommunity: true, isSystem: true, orgIds: [] };
    case 'user':
      return {
        isSignedIn: true,
        isCommunity: isCommunityMember(actor),
        isSystem: false,
        userId: actor.userId,
        orgIds: actor.memberships.map((m) => m.orgId),
      };
  }
}

/** The system acts as a trusted platform process on organizations and the platform. */
function hasPlatformPowers(actor: Actor): boolean {
  return actor.type === 'system' || isEffectivePlatformAdmin(actor);
}

function isViaSession(actor: Actor): boolean {
  return actor.type === 'user' && actor.via === 'session';
}

export function can(actor: Actor, ...[action, resource]: AccessRequest): boolean {
  switch (action) {
    case 'record.read':
      // No platform-admin bypass here: the secretariat does not read others' AMBER or RED material.
      return isInRecordAudience(readScope(actor), resource);
    case 'organization.create':
      return actor.type === 'system' || isViaSession(actor);
    case 'organization.read':
      return (
        resource.verificationStatus === 'verified' ||
        hasPlatformPowers(actor) ||
        roleIn(actor, resource.id) !== null
      );
    case 'organization.members.read':
      return hasPlatformPowers(actor) || roleIn(actor, resource.id) !== null;
    case 'organization.update':
    case 'organization.members.manage':
    case 'organization.invitations.manage':
    case 'organization.webhooks.manage':
    case 'organization.audit.read':
      return hasPlatformPowers(actor) || roleIn(actor, resource.id) === 'org_admin';
    case 'organization.tokens.create':
      // A token must not mint further tokens; platform admins hold no tokens for orgs they are not in.
      return actor.type === 'system' || (isViaSession(actor) && roleIn(actor, resource.id) !== null);
    case 'organization.verify':
    case 'audit.read_all':
    case 'users.manage':
      return hasPlatformPowers(actor);
  }
}

/**
 * Throws unless `can` allows: 401 `authentication_required` for an anonymous actor (signing in
 * might help), 403 `forbidden` for everyone else.
 */
export function authorize(actor: Actor, ...request: AccessRequest): void {
  if (can(actor, ...request)) return;
  throw actor.type === 'anonymous' ? unauthenticated() : forbidden();
}

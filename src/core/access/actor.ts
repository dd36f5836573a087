import type { OrgKind, OrgRole } from '../orgs/kinds.ts';

export interface ActorMembership {
  orgId: string;
  role: OrgRole;
  orgKind: OrgKind;
  /** Verified by the platform admins: this is what admits a member to the verified community. */
  isOrgVerified: boolean;
}

export interface AnonymousActor {
  type: 'anonymous';
}

export interface UserActor {
  type: 'user';
  userId: string;
  email: string;
  displayName: string;
  /** The account is a platform admin (the secretariat). Powers apply only with `hasMfa`. */
  isPlatformAdmin: boolean;
  /** TOTP is enabled on the account, so this sign-in passed a second factor. */
  hasMfa: boolean;
  /** With an API token, only the token's organization is listed here. */
  memberships: ActorMembership[];
  via: 'session' | 'token';
  sessionId?: string;
  tokenId?: string;
}

/** The platform itself: the delivery worker, scheduled jobs and the CLI. */
export interface SystemActor {
  type: 'system';
  label: string;
}

/**
 * Someone holding a secret link instead of an account: a researcher's link to their own report, or an invited
 * vendor's link to its place in a case. The link opens exactly the one thing named here, and nothing else.
 */
export interface LinkHolderActor {
  type: 'link_holder';
  grant: LinkGrant;
}

export interface LinkGrant {
  kind: 'vulnerability_report' | 'case_participant';
  id: string;
}

export type Actor = AnonymousActor | UserActor | SystemActor | LinkHolderActor;

export const ANONYMOUS: AnonymousActor = { type: 'anonymous' };

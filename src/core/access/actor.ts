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

export type Actor = AnonymousActor | UserActor | SystemActor;

export const ANONYMOUS: AnonymousActor = { type: 'anonymous' };

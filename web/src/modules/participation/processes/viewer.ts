import type { Me, Membership } from '../../../api/types.ts';

/**
 * What the signed-in person may be offered on the participation pages. The API decides; these only
 * keep buttons away from people who would be refused.
 */
export const isSecretariat = (user: Me | null): boolean => user?.isPlatformAdmin === true;

/** Admins of verified organizations that are not States apply for accreditation. */
export const canApplyFor = (membership: Membership): boolean =>
  membership.role === 'org_admin' && membership.isOrgVerified && membership.organizationKind !== 'state';

/** Admins of verified States object to applications. */
export const canObjectFor = (membership: Membership): boolean =>
  membership.role === 'org_admin' && membership.isOrgVerified && membership.organizationKind === 'state';

/** States and the secretariat see every pending application, not only their own organization's. */
export const seesAllPending = (user: Me | null): boolean =>
  isSecretariat(user) ||
  (user?.memberships.some(
    (membership) => membership.isOrgVerified && membership.organizationKind === 'state',
  ) ??
    false);

import type { Me, Membership } from '../../../api/types.ts';

/**
 * What the signed-in person may be offered in the CBM repository. The API decides; these only keep
 * buttons away from people who would be refused.
 */

/** Any member of a verified organization may propose a measure, an example or a forum. */
export const canProposeFor = (membership: Membership): boolean => membership.isOrgVerified;

/** Members of verified States report where their State stands with a measure. */
export const canReportFor = (membership: Membership): boolean =>
  membership.isOrgVerified && membership.organizationKind === 'state';

export const proposingMemberships = (user: Me | null): Membership[] =>
  (user?.memberships ?? []).filter(canProposeFor);

export const reportingMemberships = (user: Me | null): Membership[] =>
  (user?.memberships ?? []).filter(canReportFor);

/** The secretariat moderates proposals. */
export const isModerator = (user: Me | null): boolean => user?.isPlatformAdmin === true;

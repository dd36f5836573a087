import type { Me } from '../../api/types.ts';

/**
 * What the pages offer. The API decides every request; these only hide what would be refused, along the
 * same lines as the policy (contact.search, contact.manage, contact.confirm in src/core/access/policy.ts).
 */
const hasPlatformPowers = (user: Me) => user.isPlatformAdmin && user.hasTotp;

/** Members of a verified organization and the secretariat read the directory. */
export function isCommunityMember(user: Me | null): boolean {
  if (!user) return false;
  return hasPlatformPowers(user) || user.memberships.some((membership) => membership.isOrgVerified);
}

/** Admins of a verified organization nominate, edit and remove its points of contact; so does the secretariat. */
export function canManageContactsOf(user: Me | null, orgId: string): boolean {
  if (!user) return false;
  if (hasPlatformPowers(user)) return true;
  const membership = user.memberships.find((entry) => entry.organizationId === orgId);
  return membership?.role === 'org_admin' && membership.isOrgVerified;
}

/** The holder of an entry, in a verified organization, may confirm it and edit its channels. */
export function isHolderOf(user: Me | null, entry: { org: { id: string }; holder: { id: string } }): boolean {
  if (!user || user.id !== entry.holder.id) return false;
  return user.memberships.some(
    (membership) => membership.organizationId === entry.org.id && membership.isOrgVerified,
  );
}

/** The organizations whose points of contact the user may manage (platform admins reach any through its page). */
export function manageableOrganizations(user: Me | null) {
  return (user?.memberships ?? []).filter(
    (membership) => membership.role === 'org_admin' && membership.isOrgVerified,
  );
}

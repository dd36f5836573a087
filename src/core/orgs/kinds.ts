/** The kinds of organization that take part, as the OEWG modalities distinguish stakeholders. */
export const ORG_KINDS = [
  'state',
  'intergovernmental',
  'cert',
  'private_sector',
  'civil_society',
  'academia',
  'technical_community',
] as const;
export type OrgKind = (typeof ORG_KINDS)[number];

export const ORG_ROLES = ['org_admin', 'member'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const VERIFICATION_STATUSES = ['unverified', 'verified', 'rejected'] as const;
export type VerificationStatus = (typeof VERIFICATION_STATUSES)[number];

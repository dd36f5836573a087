import type { InvitationsTable, OrganizationsTable } from '../db/tables.ts';
import type { OrgKind, OrgRole, VerificationStatus } from './kinds.ts';

export function presentOrganization(row: OrganizationsTable & { member_count: number | string | null }) {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as OrgKind,
    countryCode: row.country_code,
    website: row.website,
    description: row.description,
    verificationStatus: row.verification_status as VerificationStatus,
    verifiedAt: row.verified_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    memberCount: Number(row.member_count ?? 0),
  };
}

export function presentMember(row: {
  user_id: string;
  email: string;
  display_name: string;
  role: string;
  created_at: string;
}) {
  return {
    userId: row.user_id,
    email: row.email,
    displayName: row.display_name,
    role: row.role as OrgRole,
    joinedAt: row.created_at,
  };
}

export function invitationStatus(row: InvitationsTable, now = Date.now()) {
  if (row.accepted_at) return 'accepted' as const;
  if (row.revoked_at) return 'revoked' as const;
  if (Date.parse(row.expires_at) <= now) return 'expired' as const;
  return 'pending' as const;
}

export function presentInvitation(row: InvitationsTable & { invited_by_email: string | null }) {
  return {
    id: row.id,
    email: row.email,
    role: row.role as OrgRole,
    status: invitationStatus(row),
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    invitedBy: row.invited_by_email ?? row.invited_by,
  };
}

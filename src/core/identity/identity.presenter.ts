import type { SessionsTable, UsersTable } from '../db/tables.ts';
import type { OrgKind } from '../orgs/kinds.ts';

export interface MembershipRow {
  org_id: string;
  role: string;
  name: string;
  kind: string;
  verification_status: string;
}

export function presentMe(user: UsersTable, memberships: MembershipRow[]) {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    locale: user.locale,
    isPlatformAdmin: user.is_platform_admin === 1,
    hasTotp: user.totp_enabled_at !== null,
    memberships: memberships.map((m) => ({
      organizationId: m.org_id,
      organizationName: m.name,
      organizationKind: m.kind as OrgKind,
      role: m.role as 'org_admin' | 'member',
      isOrgVerified: m.verification_status === 'verified',
    })),
  };
}

export function presentSession(session: SessionsTable, currentSessionId: string | undefined) {
  return {
    id: session.id,
    createdAt: session.created_at,
    lastSeenAt: session.last_seen_at,
    expiresAt: session.expires_at,
    ip: session.ip,
    userAgent: session.user_agent,
    isCurrent: session.id === currentSessionId,
  };
}

export function presentApiToken(row: {
  id: string;
  name: string;
  org_id: string;
  org_name: string;
  token_prefix: string;
  created_at: string;
  expires_at: string;
  last_used_at: string | null;
}) {
  return {
    id: row.id,
    name: row.name,
    organizationId: row.org_id,
    organizationName: row.org_name,
    tokenPrefix: row.token_prefix,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
  };
}

export function presentAdminUser(user: UsersTable) {
  return {
    id: user.id,
    email: user.email,
    displayName: user.display_name,
    isPlatformAdmin: user.is_platform_admin === 1,
    hasTotp: user.totp_enabled_at !== null,
    createdAt: user.created_at,
    disabledAt: user.disabled_at,
  };
}

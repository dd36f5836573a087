import { useTranslation } from 'react-i18next';
import type { Invitation, OrgRole, VerificationStatus, Webhook } from '../../api/types.ts';
import { Badge } from '../../ui/index.ts';

const verificationTone = { verified: 'success', unverified: 'warning', rejected: 'danger' } as const;

export function VerificationBadge({ status }: { status: VerificationStatus }) {
  const { t } = useTranslation();
  return <Badge tone={verificationTone[status]}>{t(`verification.${status}`)}</Badge>;
}

const isOrgRole = (role: string): role is OrgRole => role === 'org_admin' || role === 'member';

/** Takes any string: some answers type the role loosely; an unknown role shows as written. */
export function OrgRoleBadge({ role }: { role: string }) {
  const { t } = useTranslation();
  return (
    <Badge tone={role === 'org_admin' ? 'info' : 'neutral'}>
      {isOrgRole(role) ? t(`roles.${role}`) : role}
    </Badge>
  );
}

const invitationTone = {
  pending: 'info',
  accepted: 'success',
  expired: 'neutral',
  revoked: 'neutral',
} as const;

export function InvitationStatusBadge({ status }: { status: Invitation['status'] }) {
  const { t } = useTranslation();
  return <Badge tone={invitationTone[status]}>{t(`invitations.status.${status}`)}</Badge>;
}

export function WebhookStatusBadge({ status }: { status: Webhook['status'] }) {
  const { t } = useTranslation();
  return <Badge tone={status === 'active' ? 'success' : 'danger'}>{t(`webhooks.status.${status}`)}</Badge>;
}

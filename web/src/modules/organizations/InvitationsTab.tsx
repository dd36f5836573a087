import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { Invitation } from '../../api/types.ts';
import { useToast } from '../../app/toasts.tsx';
import { ConfirmActionDialog } from '../../lib/ConfirmActionDialog.tsx';
import { DateTime } from '../../lib/dates.tsx';
import { PagedListView } from '../../lib/PagedListView.tsx';
import { useConfirmedAction } from '../../lib/useConfirmedAction.ts';
import { usePagedList } from '../../lib/usePagedList.ts';
import { Button, Table } from '../../ui/index.ts';
import { InvitationStatusBadge, OrgRoleBadge } from './badges.tsx';
import { InviteForm } from './InviteForm.tsx';

export function InvitationsTab({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const invitations = usePagedList(`invitations:${organizationId}`, (cursor) =>
    call(
      api.GET('/api/v1/organizations/{id}/invitations', {
        params: { path: { id: organizationId }, query: { cursor } },
      }),
    ),
  );
  const revoking = useConfirmedAction(async (invitation: Invitation) => {
    await call(
      api.DELETE('/api/v1/organizations/{id}/invitations/{invitationId}', {
        params: { path: { id: organizationId, invitationId: invitation.id } },
      }),
    );
    return true;
  });

  const onRevoke = async () => {
    const done = await revoking.confirm();
    if (!done) return;
    const revoked = done.target;
    invitations.updateItems((items) =>
      items.map((item) => (item.id === revoked.id ? { ...item, status: 'revoked' as const } : item)),
    );
    toast(t('invitations.revoked', { email: revoked.email }));
  };

  return (
    <div className="cg-stack">
      <InviteForm organizationId={organizationId} onInvited={invitations.reload} />
      <h2>{t('invitations.listTitle')}</h2>
      <PagedListView list={invitations} emptyTitle={t('invitations.empty')} loadingStyle="inline">
        <Table
          caption={t('invitations.listTitle')}
          isCaptionHidden
          columns={[
            t('fields.email'),
            t('fields.role'),
            t('fields.status'),
            t('invitations.invitedBy'),
            t('fields.createdAt'),
            t('fields.expiresAt'),
          ]}
          actionsColumnLabel={t('common.actions')}
        >
          {invitations.items.map((invitation) => (
            <tr key={invitation.id}>
              <td className="cg-ltr cg-break">{invitation.email}</td>
              <td>
                <OrgRoleBadge role={invitation.role} />
              </td>
              <td>
                <InvitationStatusBadge status={invitation.status} />
              </td>
              <td>{invitation.invitedBy}</td>
              <td>
                <DateTime value={invitation.createdAt} isDateOnly />
              </td>
              <td>
                <DateTime value={invitation.expiresAt} />
              </td>
              <td>
                {invitation.status === 'pending' && (
                  <Button variant="secondary" size="small" onClick={() => revoking.ask(invitation)}>
                    {t('invitations.revoke')}
                    <span className="cg-visually-hidden">{invitation.email}</span>
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </Table>
      </PagedListView>
      <ConfirmActionDialog
        confirmation={revoking}
        title={t('invitations.revokeTitle')}
        confirmLabel={t('invitations.revoke')}
        isDanger
        onConfirm={() => void onRevoke()}
      >
        <p>{t('invitations.revokeWarning', { email: revoking.target?.email ?? '' })}</p>
      </ConfirmActionDialog>
    </div>
  );
}

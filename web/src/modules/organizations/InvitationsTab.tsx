import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { Invitation } from '../../api/types.ts';
import { useToast } from '../../app/toasts.tsx';
import { DateTime } from '../../lib/dates.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { useAction } from '../../lib/useAction.ts';
import { usePagedList } from '../../lib/usePagedList.ts';
import { Alert, Button, ConfirmDialog, EmptyState, LoadMore, Spinner, Table } from '../../ui/index.ts';
import { InvitationStatusBadge, OrgRoleBadge } from './badges.tsx';
import { InviteForm } from './InviteForm.tsx';

export function InvitationsTab({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { messageOf } = useErrorMessages();
  const [toRevoke, setToRevoke] = useState<Invitation>();
  const invitations = usePagedList(`invitations:${organizationId}`, (cursor) =>
    call(
      api.GET('/api/v1/organizations/{id}/invitations', {
        params: { path: { id: organizationId }, query: { cursor } },
      }),
    ),
  );
  const revoke = useAction(async (invitationId: string) => {
    await call(
      api.DELETE('/api/v1/organizations/{id}/invitations/{invitationId}', {
        params: { path: { id: organizationId, invitationId } },
      }),
    );
    return true;
  });

  const onRevoke = async () => {
    if (!toRevoke || !(await revoke.run(toRevoke.id))) return;
    const revoked = toRevoke;
    setToRevoke(undefined);
    invitations.updateItems((items) =>
      items.map((item) => (item.id === revoked.id ? { ...item, status: 'revoked' as const } : item)),
    );
    toast(t('invitations.revoked', { email: revoked.email }));
  };

  return (
    <div className="cg-stack">
      <InviteForm organizationId={organizationId} onInvited={invitations.reload} />
      <h2>{t('invitations.listTitle')}</h2>
      {invitations.error && <Alert tone="danger">{messageOf(invitations.error)}</Alert>}
      {invitations.isLoading ? (
        <Spinner label={t('common.loading')} isLabelVisible />
      ) : invitations.items.length === 0 ? (
        <EmptyState title={t('invitations.empty')} />
      ) : (
        <Table caption={t('invitations.listTitle')} isCaptionHidden>
          <thead>
            <tr>
              <th scope="col">{t('fields.email')}</th>
              <th scope="col">{t('fields.role')}</th>
              <th scope="col">{t('fields.status')}</th>
              <th scope="col">{t('invitations.invitedBy')}</th>
              <th scope="col">{t('fields.createdAt')}</th>
              <th scope="col">{t('fields.expiresAt')}</th>
              <th scope="col">
                <span className="cg-visually-hidden">{t('common.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
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
                    <Button variant="secondary" size="small" onClick={() => setToRevoke(invitation)}>
                      {t('invitations.revoke')}
                      <span className="cg-visually-hidden">{invitation.email}</span>
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <LoadMore
        hasMore={invitations.hasMore}
        isLoading={invitations.isLoadingMore}
        onLoadMore={invitations.loadMore}
        label={t('common.loadMore')}
      />
      <ConfirmDialog
        isOpen={toRevoke !== undefined}
        title={t('invitations.revokeTitle')}
        confirmLabel={t('invitations.revoke')}
        cancelLabel={t('common.cancel')}
        isDanger
        isBusy={revoke.isBusy}
        error={revoke.error ? messageOf(revoke.error) : undefined}
        onConfirm={() => void onRevoke()}
        onClose={() => {
          revoke.reset();
          setToRevoke(undefined);
        }}
      >
        <p>{t('invitations.revokeWarning', { email: toRevoke?.email ?? '' })}</p>
      </ConfirmDialog>
    </div>
  );
}

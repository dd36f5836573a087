import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client.ts';
import type { Member, OrgRole } from '../../api/types.ts';
import { useAuth, useCurrentUser } from '../../app/auth.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { usePagedList } from '../../lib/usePagedList.ts';
import { Alert, ConfirmDialog, LoadMore, PageSpinner, Table } from '../../ui/index.ts';
import { MemberRow } from './MemberRow.tsx';

export function MembersTab({ organizationId, canManage }: { organizationId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { refresh } = useAuth();
  const toast = useToast();
  const navigate = useNavigate();
  const { messageOf } = useErrorMessages();
  const [toRemove, setToRemove] = useState<Member>();
  const path = { id: organizationId };

  const members = usePagedList(`members:${organizationId}`, (cursor) =>
    call(api.GET('/api/v1/organizations/{id}/members', { params: { path, query: { cursor } } })),
  );
  const changeRole = useAction(async (userId: string, role: OrgRole) => {
    await call(
      api.PATCH('/api/v1/organizations/{id}/members/{userId}', {
        params: { path: { ...path, userId } },
        body: { role },
      }),
    );
    return true;
  });
  const remove = useAction(async (userId: string) => {
    await call(
      api.DELETE('/api/v1/organizations/{id}/members/{userId}', { params: { path: { ...path, userId } } }),
    );
    return true;
  });

  const onSaveRole = async (member: Member, role: OrgRole) => {
    if (!(await changeRole.run(member.userId, role))) return;
    members.updateItems((items) =>
      items.map((item) => (item.userId === member.userId ? { ...item, role } : item)),
    );
    toast(t('members.roleChanged', { name: member.displayName, role: t(`roles.${role}`) }));
    if (member.userId === user.id) await refresh();
  };

  const onRemove = async () => {
    if (!toRemove || !(await remove.run(toRemove.userId))) return;
    const removed = toRemove;
    setToRemove(undefined);
    if (removed.userId === user.id) {
      await refresh();
      toast(t('members.left'));
      navigate('/organizations');
      return;
    }
    members.updateItems((items) => items.filter((item) => item.userId !== removed.userId));
    toast(t('members.removed', { name: removed.displayName }));
  };

  if (members.isLoading) return <PageSpinner label={t('common.loading')} />;
  return (
    <div className="cg-stack">
      {members.error && <Alert tone="danger">{messageOf(members.error)}</Alert>}
      <FormErrorAlert error={changeRole.error} />
      <Table caption={t('members.caption')}>
        <thead>
          <tr>
            <th scope="col">{t('fields.personName')}</th>
            <th scope="col">{t('fields.email')}</th>
            <th scope="col">{t('fields.role')}</th>
            <th scope="col">{t('members.joinedAt')}</th>
            {canManage && (
              <th scope="col">
                <span className="cg-visually-hidden">{t('common.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {members.items.map((member) => (
            <MemberRow
              key={member.userId}
              member={member}
              isSelf={member.userId === user.id}
              canManage={canManage}
              isSaving={changeRole.isBusy}
              onSaveRole={(target, role) => void onSaveRole(target, role)}
              onRemove={setToRemove}
            />
          ))}
        </tbody>
      </Table>
      <LoadMore
        hasMore={members.hasMore}
        isLoading={members.isLoadingMore}
        onLoadMore={members.loadMore}
        label={t('common.loadMore')}
      />
      <ConfirmDialog
        isOpen={toRemove !== undefined}
        title={toRemove?.userId === user.id ? t('members.leaveTitle') : t('members.removeTitle')}
        confirmLabel={toRemove?.userId === user.id ? t('members.leave') : t('members.remove')}
        cancelLabel={t('common.cancel')}
        isDanger
        isBusy={remove.isBusy}
        error={remove.error ? messageOf(remove.error) : undefined}
        onConfirm={() => void onRemove()}
        onClose={() => {
          remove.reset();
          setToRemove(undefined);
        }}
      >
        <p>
          {toRemove?.userId === user.id
            ? t('members.leaveWarning')
            : t('members.removeWarning', { name: toRemove?.displayName ?? '' })}
        </p>
      </ConfirmDialog>
    </div>
  );
}

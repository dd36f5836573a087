import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client.ts';
import type { Member, OrgRole } from '../../api/types.ts';
import { useAuth, useCurrentUser } from '../../app/auth.tsx';
import { useToast } from '../../app/toasts.tsx';
import { ConfirmActionDialog } from '../../lib/ConfirmActionDialog.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { useConfirmedAction } from '../../lib/useConfirmedAction.ts';
import { usePagedList } from '../../lib/usePagedList.ts';
import { Alert, LoadMore, PageSpinner, Table } from '../../ui/index.ts';
import { MemberRow } from './MemberRow.tsx';

export function MembersTab({ organizationId, canManage }: { organizationId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { refresh } = useAuth();
  const toast = useToast();
  const navigate = useNavigate();
  const { messageOf } = useErrorMessages();
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
  const removing = useConfirmedAction(async (member: Member) => {
    await call(
      api.DELETE('/api/v1/organizations/{id}/members/{userId}', {
        params: { path: { ...path, userId: member.userId } },
      }),
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
    const done = await removing.confirm();
    if (!done) return;
    const removed = done.target;
    if (removed.userId === user.id) {
      await refresh();
      toast(t('members.left'));
      navigate('/organizations');
      return;
    }
    members.updateItems((items) => items.filter((item) => item.userId !== removed.userId));
    toast(t('members.removed', { name: removed.displayName }));
  };

  const isLeaving = removing.target?.userId === user.id;
  if (members.isLoading) return <PageSpinner label={t('common.loading')} />;
  return (
    <div className="cg-stack">
      {members.error && <Alert tone="danger">{messageOf(members.error)}</Alert>}
      <FormErrorAlert error={changeRole.error} />
      <Table
        caption={t('members.caption')}
        columns={[t('fields.personName'), t('fields.email'), t('fields.role'), t('members.joinedAt')]}
        actionsColumnLabel={canManage ? t('common.actions') : undefined}
      >
        {members.items.map((member) => (
          <MemberRow
            key={member.userId}
            member={member}
            isSelf={member.userId === user.id}
            canManage={canManage}
            isSaving={changeRole.isBusy}
            onSaveRole={(target, role) => void onSaveRole(target, role)}
            onRemove={removing.ask}
          />
        ))}
      </Table>
      <LoadMore
        hasMore={members.hasMore}
        isLoading={members.isLoadingMore}
        onLoadMore={members.loadMore}
        label={t('common.loadMore')}
      />
      <ConfirmActionDialog
        confirmation={removing}
        title={isLeaving ? t('members.leaveTitle') : t('members.removeTitle')}
        confirmLabel={isLeaving ? t('members.leave') : t('members.remove')}
        isDanger
        onConfirm={() => void onRemove()}
      >
        <p>
          {isLeaving
            ? t('members.leaveWarning')
            : t('members.removeWarning', { name: removing.target?.displayName ?? '' })}
        </p>
      </ConfirmActionDialog>
    </div>
  );
}

import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { AdminUser } from '../../api/types.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { useToast } from '../../app/toasts.tsx';
import { ConfirmActionDialog } from '../../lib/ConfirmActionDialog.tsx';
import { PagedListView } from '../../lib/PagedListView.tsx';
import { useConfirmedAction } from '../../lib/useConfirmedAction.ts';
import { usePagedList } from '../../lib/usePagedList.ts';
import { Button, Table, TextField } from '../../ui/index.ts';
import { AdminLayout } from './AdminLayout.tsx';
import { type UserChange, UserRow } from './UserRow.tsx';

type PendingChange = { user: AdminUser; change: UserChange };

const bodyFor = (change: UserChange) =>
  ({
    grantAdmin: { isPlatformAdmin: true },
    revokeAdmin: { isPlatformAdmin: false },
    disable: { isDisabled: true },
    enable: { isDisabled: false },
  })[change];

export function AdminUsersPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const toast = useToast();
  const [searchText, setSearchText] = useState('');
  const [query, setQuery] = useState('');
  const users = usePagedList(`admin-users:${query}`, (cursor) =>
    call(api.GET('/api/v1/admin/users', { params: { query: { q: query || undefined, cursor } } })),
  );
  const changing = useConfirmedAction(({ user, change }: PendingChange) =>
    call(api.PATCH('/api/v1/admin/users/{id}', { params: { path: { id: user.id } }, body: bodyFor(change) })),
  );

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setQuery(searchText.trim());
  };
  const onConfirm = async () => {
    const done = await changing.confirm();
    if (!done) return;
    const updated = done.result;
    users.updateItems((items) => items.map((item) => (item.id === updated.id ? updated : item)));
    toast(t(`admin.userChanged.${done.target.change}`, { name: updated.displayName }));
  };
  const pending = changing.target;

  return (
    <AdminLayout title={t('admin.users')} description={t('admin.usersIntro')}>
      <div className="cg-stack">
        <search aria-label={t('admin.userSearchLabel')}>
          <form className="cg-form" onSubmit={onSearch}>
            <div className="cg-form-row">
              <TextField
                label={t('common.search')}
                type="search"
                value={searchText}
                onChange={setSearchText}
              />
              <div>
                <Button type="submit">{t('common.search')}</Button>
              </div>
            </div>
          </form>
        </search>
        <PagedListView list={users} emptyTitle={t('admin.noUsers')}>
          <Table
            caption={t('admin.users')}
            isCaptionHidden
            columns={[t('fields.personName'), t('fields.email'), t('fields.status'), t('fields.createdAt')]}
            actionsColumnLabel={t('common.actions')}
          >
            {users.items.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                isSelf={user.id === me.id}
                onChange={(change) => changing.ask({ user, change })}
              />
            ))}
          </Table>
        </PagedListView>
      </div>
      <ConfirmActionDialog
        confirmation={changing}
        title={pending ? t(`admin.confirmChange.${pending.change}`, { name: pending.user.displayName }) : ''}
        confirmLabel={pending ? t(`admin.change.${pending.change}`) : ''}
        isDanger={pending?.change === 'disable' || pending?.change === 'revokeAdmin'}
        onConfirm={() => void onConfirm()}
      >
        {pending?.change === 'grantAdmin' && <p>{t('admin.grantAdminWarning')}</p>}
        {pending?.change === 'disable' && <p>{t('admin.disableWarning')}</p>}
      </ConfirmActionDialog>
    </AdminLayout>
  );
}

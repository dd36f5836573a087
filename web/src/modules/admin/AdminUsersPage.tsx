import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { AdminUser } from '../../api/types.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { useAction } from '../../lib/useAction.ts';
import { usePagedList } from '../../lib/usePagedList.ts';
import {
  Alert,
  Button,
  ConfirmDialog,
  EmptyState,
  LoadMore,
  PageSpinner,
  Table,
  TextField,
} from '../../ui/index.ts';
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
  const { messageOf } = useErrorMessages();
  const [searchText, setSearchText] = useState('');
  const [query, setQuery] = useState('');
  const [pending, setPending] = useState<PendingChange>();
  const users = usePagedList(`admin-users:${query}`, (cursor) =>
    call(api.GET('/api/v1/admin/users', { params: { query: { q: query || undefined, cursor } } })),
  );
  const apply = useAction((id: string, change: UserChange) =>
    call(api.PATCH('/api/v1/admin/users/{id}', { params: { path: { id } }, body: bodyFor(change) })),
  );

  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setQuery(searchText.trim());
  };
  const onConfirm = async () => {
    if (!pending) return;
    const updated = await apply.run(pending.user.id, pending.change);
    if (!updated) return;
    setPending(undefined);
    users.updateItems((items) => items.map((item) => (item.id === updated.id ? updated : item)));
    toast(t(`admin.userChanged.${pending.change}`, { name: updated.displayName }));
  };

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
        {users.error && <Alert tone="danger">{messageOf(users.error)}</Alert>}
        {users.isLoading ? (
          <PageSpinner label={t('common.loading')} />
        ) : users.items.length === 0 ? (
          <EmptyState title={t('admin.noUsers')} />
        ) : (
          <Table caption={t('admin.users')} isCaptionHidden>
            <thead>
              <tr>
                <th scope="col">{t('fields.personName')}</th>
                <th scope="col">{t('fields.email')}</th>
                <th scope="col">{t('fields.status')}</th>
                <th scope="col">{t('fields.createdAt')}</th>
                <th scope="col">
                  <span className="cg-visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {users.items.map((user) => (
                <UserRow
                  key={user.id}
                  user={user}
                  isSelf={user.id === me.id}
                  onChange={(change) => setPending({ user, change })}
                />
              ))}
            </tbody>
          </Table>
        )}
        <LoadMore
          hasMore={users.hasMore}
          isLoading={users.isLoadingMore}
          onLoadMore={users.loadMore}
          label={t('common.loadMore')}
        />
      </div>
      <ConfirmDialog
        isOpen={pending !== undefined}
        title={pending ? t(`admin.confirmChange.${pending.change}`, { name: pending.user.displayName }) : ''}
        confirmLabel={pending ? t(`admin.change.${pending.change}`) : ''}
        cancelLabel={t('common.cancel')}
        isDanger={pending?.change === 'disable' || pending?.change === 'revokeAdmin'}
        isBusy={apply.isBusy}
        error={apply.error ? messageOf(apply.error) : undefined}
        onConfirm={() => void onConfirm()}
        onClose={() => {
          apply.reset();
          setPending(undefined);
        }}
      >
        {pending?.change === 'grantAdmin' && <p>{t('admin.grantAdminWarning')}</p>}
        {pending?.change === 'disable' && <p>{t('admin.disableWarning')}</p>}
      </ConfirmDialog>
    </AdminLayout>
  );
}

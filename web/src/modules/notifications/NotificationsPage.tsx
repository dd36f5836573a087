import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { AppNotification } from '../../api/types.ts';
import { useToast } from '../../app/toasts.tsx';
import { useUnreadCount } from '../../app/unreadCount.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { PagedListView } from '../../lib/PagedListView.tsx';
import { useAction } from '../../lib/useAction.ts';
import { usePagedList } from '../../lib/usePagedList.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Button, Checkbox, PageHeader } from '../../ui/index.ts';
import { NotificationItem } from './NotificationItem.tsx';

export function NotificationsPage() {
  const { t } = useTranslation();
  const toast = useToast();
  const unread = useUnreadCount();
  const [isUnreadOnly, setIsUnreadOnly] = useState(false);
  const [markingId, setMarkingId] = useState<string>();
  usePageTitle(t('notifications.title'));

  const list = usePagedList(`notifications:${isUnreadOnly}`, (cursor) =>
    call(
      api.GET('/api/v1/notifications', {
        params: { query: { cursor, unreadOnly: isUnreadOnly ? true : undefined } },
      }),
    ),
  );
  const markRead = useAction(async (id: string) => {
    await call(api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }));
    return true;
  });
  const markAllRead = useAction(async () => {
    await call(api.POST('/api/v1/notifications/read-all'));
    return true;
  });

  const onMarkRead = async (notification: AppNotification) => {
    setMarkingId(notification.id);
    const isDone = await markRead.run(notification.id);
    setMarkingId(undefined);
    if (!isDone) return;
    const readAt = new Date().toISOString();
    list.updateItems((items) =>
      items.map((item) => (item.id === notification.id ? { ...item, readAt } : item)),
    );
    unread.refresh();
  };

  const onMarkAllRead = async () => {
    if (!(await markAllRead.run())) return;
    toast(t('notifications.allMarkedRead'));
    list.reload();
    unread.refresh();
  };

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.intro')}
        actions={
          <Button variant="secondary" onClick={() => void onMarkAllRead()} isBusy={markAllRead.isBusy}>
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <div className="cg-stack">
        <Checkbox label={t('notifications.unreadOnly')} checked={isUnreadOnly} onChange={setIsUnreadOnly} />
        <FormErrorAlert error={markRead.error ?? markAllRead.error} />
        <PagedListView
          list={list}
          emptyTitle={isUnreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}
        >
          <ul className="cg-notification-list">
            {list.items.map((notification) => (
              <NotificationItem
                key={notification.id}
                notification={notification}
                isMarking={markingId === notification.id}
                onMarkRead={(target) => void onMarkRead(target)}
              />
            ))}
          </ul>
        </PagedListView>
      </div>
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppNotification } from '../../api/types.ts';
import { DateTime } from '../../lib/dates.tsx';
import { Badge, Button, classNames } from '../../ui/index.ts';

type NotificationItemProps = {
  notification: AppNotification;
  isMarking: boolean;
  onMarkRead: (notification: AppNotification) => void;
};

/** Links inside the platform navigate in place; anything else is an ordinary link. */
function NotificationLink({ link, label }: { link: string; label: string }) {
  if (link.startsWith('/') && !link.startsWith('//')) return <Link to={link}>{label}</Link>;
  return (
    <a href={link} rel="noopener noreferrer">
      {label}
    </a>
  );
}

export function NotificationItem({ notification, isMarking, onMarkRead }: NotificationItemProps) {
  const { t } = useTranslation();
  const isUnread = notification.readAt === null;
  return (
    <li className={classNames('cg-card', isUnread && 'cg-unread')}>
      <article className="cg-stack-tight">
        <div className="cg-cluster">
          <h2 className="cg-notification-title">{notification.title}</h2>
          {isUnread && <Badge tone="info">{t('notifications.unread')}</Badge>}
        </div>
        <p className="cg-small cg-muted">
          <DateTime value={notification.createdAt} />
        </p>
        <p>{notification.body}</p>
        <div className="cg-cluster">
          {notification.link && <NotificationLink link={notification.link} label={t('notifications.open')} />}
          {isUnread && (
            <Button
              variant="secondary"
              size="small"
              onClick={() => onMarkRead(notification)}
              isBusy={isMarking}
            >
              {t('notifications.markRead')}
              <span className="cg-visually-hidden">{notification.title}</span>
            </Button>
          )}
        </div>
      </article>
    </li>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useUnreadCount } from './unreadCount.tsx';

export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const { count } = useUnreadCount();
  const label = count > 0 ? t('shell.notificationsUnread', { count }) : t('shell.notifications');
  const shownCount = count > 99 ? '99+' : new Intl.NumberFormat(i18n.language).format(count);
  return (
    <Link to="/notifications" className="cg-bell" aria-label={label} title={label}>
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          fill="none"
          stroke="currentColor"
          strokeWidth="1.8"
          strokeLinecap="round"
          strokeLinejoin="round"
          d="M6 16V11a6 6 0 0 1 12 0v5l1.5 2h-15zM10 20a2 2 0 0 0 4 0"
        />
      </svg>
      {count > 0 && (
        <span className="cg-bell-count" aria-hidden="true">
          {shownCount}
        </span>
      )}
    </Link>
  );
}

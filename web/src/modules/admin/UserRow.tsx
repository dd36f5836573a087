import { useTranslation } from 'react-i18next';
import type { AdminUser } from '../../api/types.ts';
import { DateTime } from '../../lib/dates.tsx';
import { Badge, Button } from '../../ui/index.ts';

export type UserChange = 'grantAdmin' | 'revokeAdmin' | 'disable' | 'enable';

type UserRowProps = { user: AdminUser; isSelf: boolean; onChange: (change: UserChange) => void };

export function UserRow({ user, isSelf, onChange }: UserRowProps) {
  const { t } = useTranslation();
  const isDisabled = user.disabledAt !== null;
  return (
    <tr>
      <td>{user.displayName}</td>
      <td className="cg-ltr cg-break">{user.email}</td>
      <td>
        <div className="cg-cluster">
          {isDisabled ? (
            <Badge tone="danger">{t('admin.disabled')}</Badge>
          ) : (
            <Badge tone="success">{t('admin.active')}</Badge>
          )}
          {user.isPlatformAdmin && <Badge tone="info">{t('admin.platformAdmin')}</Badge>}
          {user.hasTotp ? (
            <Badge>{t('admin.totpOn')}</Badge>
          ) : (
            <Badge tone="warning">{t('admin.totpOff')}</Badge>
          )}
        </div>
      </td>
      <td>
        <DateTime value={user.createdAt} isDateOnly />
      </td>
      <td>
        {isSelf ? (
          <Badge tone="info">{t('members.you')}</Badge>
        ) : (
          <div className="cg-table-actions">
            <Button
              variant="secondary"
              size="small"
              onClick={() => onChange(user.isPlatformAdmin ? 'revokeAdmin' : 'grantAdmin')}
            >
              {user.isPlatformAdmin ? t('admin.change.revokeAdmin') : t('admin.change.grantAdmin')}
              <span className="cg-visually-hidden">{user.displayName}</span>
            </Button>
            <Button
              variant={isDisabled ? 'secondary' : 'danger'}
              size="small"
              onClick={() => onChange(isDisabled ? 'enable' : 'disable')}
            >
              {isDisabled ? t('admin.change.enable') : t('admin.change.disable')}
              <span className="cg-visually-hidden">{user.displayName}</span>
            </Button>
          </div>
        )}
      </td>
    </tr>
  );
}

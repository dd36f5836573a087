import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { useToast } from '../../app/toasts.tsx';
import { DateTime } from '../../lib/dates.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { useQuery } from '../../lib/useQuery.ts';
import { Badge, Button, Card, Spinner, Table } from '../../ui/index.ts';
import { describeUserAgent } from './userAgent.ts';

export function SessionsCard() {
  const { t } = useTranslation();
  const toast = useToast();
  const { messageOf } = useErrorMessages();
  const sessions = useQuery('my-sessions', () => call(api.GET('/api/v1/me/sessions')));
  const revoke = useAction(async (id: string) => {
    await call(api.DELETE('/api/v1/me/sessions/{id}', { params: { path: { id } } }));
    return true;
  });

  const onRevoke = async (id: string) => {
    if (!(await revoke.run(id))) return;
    toast(t('sessions.revoked'));
    sessions.reload();
  };

  return (
    <Card title={t('sessions.title')} description={t('sessions.intro')}>
      <div className="cg-stack">
        <FormErrorAlert error={revoke.error} />
        {sessions.isLoading && <Spinner label={t('common.loading')} isLabelVisible />}
        {sessions.error && <p role="alert">{messageOf(sessions.error)}</p>}
        {sessions.data && (
          <Table
            caption={t('sessions.listCaption')}
            isCaptionHidden
            columns={[
              t('sessions.device'),
              t('sessions.ipAddress'),
              t('sessions.signedInAt'),
              t('sessions.lastSeenAt'),
              t('fields.expiresAt'),
            ]}
            actionsColumnLabel={t('common.actions')}
          >
            {sessions.data.items.map((session) => (
              <tr key={session.id}>
                <td>
                  <div className="cg-cluster">
                    <span title={session.userAgent ?? undefined}>
                      {describeUserAgent(session.userAgent) ?? t('sessions.unknownDevice')}
                    </span>
                    {session.isCurrent && <Badge tone="info">{t('sessions.thisDevice')}</Badge>}
                  </div>
                </td>
                <td className="cg-mono cg-ltr">{session.ip ?? '—'}</td>
                <td>
                  <DateTime value={session.createdAt} />
                </td>
                <td>
                  <DateTime value={session.lastSeenAt} />
                </td>
                <td>
                  <DateTime value={session.expiresAt} />
                </td>
                <td>
                  {!session.isCurrent && (
                    <Button
                      variant="secondary"
                      size="small"
                      onClick={() => void onRevoke(session.id)}
                      isBusy={revoke.isBusy}
                    >
                      {t('sessions.revoke')}
                      <span className="cg-visually-hidden">
                        {describeUserAgent(session.userAgent) ?? t('sessions.unknownDevice')}
                      </span>
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </div>
    </Card>
  );
}

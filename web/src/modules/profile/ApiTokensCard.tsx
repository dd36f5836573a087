import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { ApiToken } from '../../api/types.ts';
import { useToast } from '../../app/toasts.tsx';
import { ConfirmActionDialog } from '../../lib/ConfirmActionDialog.tsx';
import { DateTime } from '../../lib/dates.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { SecretAlert } from '../../lib/SecretAlert.tsx';
import { useConfirmedAction } from '../../lib/useConfirmedAction.ts';
import { useQuery } from '../../lib/useQuery.ts';
import { Button, Card, EmptyState, Spinner, Table } from '../../ui/index.ts';
import { ApiTokenForm } from './ApiTokenForm.tsx';

export function ApiTokensCard() {
  const { t } = useTranslation();
  const toast = useToast();
  const { messageOf } = useErrorMessages();
  const tokens = useQuery('my-api-tokens', () => call(api.GET('/api/v1/me/api-tokens')));
  const [newToken, setNewToken] = useState<string>();
  const revoking = useConfirmedAction(async (token: ApiToken) => {
    await call(api.DELETE('/api/v1/me/api-tokens/{id}', { params: { path: { id: token.id } } }));
    return true;
  });

  const onRevoke = async () => {
    if (!(await revoking.confirm())) return;
    toast(t('apiTokens.revoked'));
    tokens.reload();
  };

  const items = tokens.data?.items ?? [];
  return (
    <Card title={t('apiTokens.title')} description={t('apiTokens.intro')}>
      <div className="cg-stack">
        {tokens.isLoading && <Spinner label={t('common.loading')} isLabelVisible />}
        {tokens.error && <p role="alert">{messageOf(tokens.error)}</p>}
        {tokens.data && items.length === 0 && <EmptyState title={t('apiTokens.empty')} />}
        {items.length > 0 && (
          <Table
            caption={t('apiTokens.listCaption')}
            isCaptionHidden
            columns={[
              t('fields.name'),
              t('fields.organization'),
              t('apiTokens.prefix'),
              t('fields.createdAt'),
              t('fields.expiresAt'),
              t('apiTokens.lastUsedAt'),
            ]}
            actionsColumnLabel={t('common.actions')}
          >
            {items.map((token) => (
              <tr key={token.id}>
                <td>{token.name}</td>
                <td>{token.organizationName}</td>
                <td className="cg-mono cg-ltr">{token.tokenPrefix}…</td>
                <td>
                  <DateTime value={token.createdAt} isDateOnly />
                </td>
                <td>
                  <DateTime value={token.expiresAt} isDateOnly />
                </td>
                <td>
                  <DateTime value={token.lastUsedAt} emptyText={t('apiTokens.neverUsed')} />
                </td>
                <td>
                  <Button variant="secondary" size="small" onClick={() => revoking.ask(token)}>
                    {t('apiTokens.revoke')}
                    <span className="cg-visually-hidden">{token.name}</span>
                  </Button>
                </td>
              </tr>
            ))}
          </Table>
        )}
        {newToken && (
          <SecretAlert
            title={t('apiTokens.createdTitle')}
            text={t('apiTokens.createdText')}
            secret={newToken}
            onDone={() => setNewToken(undefined)}
          />
        )}
        <ApiTokenForm
          onCreated={(token) => {
            setNewToken(token);
            tokens.reload();
          }}
        />
      </div>
      <ConfirmActionDialog
        confirmation={revoking}
        title={t('apiTokens.revokeTitle')}
        confirmLabel={t('apiTokens.revoke')}
        isDanger
        onConfirm={() => void onRevoke()}
      >
        <p>{t('apiTokens.revokeWarning', { name: revoking.target?.name ?? '' })}</p>
      </ConfirmActionDialog>
    </Card>
  );
}

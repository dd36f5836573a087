import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { ApiToken } from '../../api/types.ts';
import { useToast } from '../../app/toasts.tsx';
import { DateTime } from '../../lib/dates.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { useAction } from '../../lib/useAction.ts';
import { useQuery } from '../../lib/useQuery.ts';
import {
  Alert,
  Button,
  Card,
  ConfirmDialog,
  CopyButton,
  EmptyState,
  Spinner,
  Table,
} from '../../ui/index.ts';
import { ApiTokenForm } from './ApiTokenForm.tsx';

function NewTokenAlert({ token, onDone }: { token: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert tone="success" title={t('apiTokens.createdTitle')} isLive>
      <p>{t('apiTokens.createdText')}</p>
      <div className="cg-secret">
        <code>{token}</code>
        <CopyButton
          text={token}
          label={t('common.copy')}
          copiedLabel={t('common.copied')}
          failedLabel={t('common.copyFailed')}
        />
      </div>
      <p>
        <Button variant="secondary" size="small" onClick={onDone}>
          {t('common.done')}
        </Button>
      </p>
    </Alert>
  );
}

export function ApiTokensCard() {
  const { t } = useTranslation();
  const toast = useToast();
  const { messageOf } = useErrorMessages();
  const tokens = useQuery('my-api-tokens', () => call(api.GET('/api/v1/me/api-tokens')));
  const [newToken, setNewToken] = useState<string>();
  const [toRevoke, setToRevoke] = useState<ApiToken>();
  const revoke = useAction(async (id: string) => {
    await call(api.DELETE('/api/v1/me/api-tokens/{id}', { params: { path: { id } } }));
    return true;
  });

  const onRevoke = async () => {
    if (!toRevoke || !(await revoke.run(toRevoke.id))) return;
    setToRevoke(undefined);
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
          <Table caption={t('apiTokens.listCaption')} isCaptionHidden>
            <thead>
              <tr>
                <th scope="col">{t('fields.name')}</th>
                <th scope="col">{t('fields.organization')}</th>
                <th scope="col">{t('apiTokens.prefix')}</th>
                <th scope="col">{t('fields.createdAt')}</th>
                <th scope="col">{t('fields.expiresAt')}</th>
                <th scope="col">{t('apiTokens.lastUsedAt')}</th>
                <th scope="col">
                  <span className="cg-visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
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
                    <Button variant="secondary" size="small" onClick={() => setToRevoke(token)}>
                      {t('apiTokens.revoke')}
                      <span className="cg-visually-hidden">{token.name}</span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {newToken && <NewTokenAlert token={newToken} onDone={() => setNewToken(undefined)} />}
        <ApiTokenForm
          onCreated={(token) => {
            setNewToken(token);
            tokens.reload();
          }}
        />
      </div>
      <ConfirmDialog
        isOpen={toRevoke !== undefined}
        title={t('apiTokens.revokeTitle')}
        confirmLabel={t('apiTokens.revoke')}
        cancelLabel={t('common.cancel')}
        isDanger
        isBusy={revoke.isBusy}
        error={revoke.error ? messageOf(revoke.error) : undefined}
        onConfirm={() => void onRevoke()}
        onClose={() => {
          revoke.reset();
          setToRevoke(undefined);
        }}
      >
        <p>{t('apiTokens.revokeWarning', { name: toRevoke?.name ?? '' })}</p>
      </ConfirmDialog>
    </Card>
  );
}

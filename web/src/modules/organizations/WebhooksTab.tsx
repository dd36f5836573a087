import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { Webhook } from '../../api/types.ts';
import { useToast } from '../../app/toasts.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { useQuery } from '../../lib/useQuery.ts';
import { Alert, Button, ConfirmDialog, CopyButton, EmptyState, Spinner } from '../../ui/index.ts';
import { WebhookDeliveriesDialog } from './WebhookDeliveriesDialog.tsx';
import { WebhookForm } from './WebhookForm.tsx';
import { type WebhookAction, WebhookItem } from './WebhookItem.tsx';

function SecretAlert({ secret, onDone }: { secret: string; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert tone="success" title={t('webhooks.createdTitle')} isLive>
      <p>{t('webhooks.secretText')}</p>
      <div className="cg-secret">
        <code>{secret}</code>
        <CopyButton
          text={secret}
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

export function WebhooksTab({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { messageOf } = useErrorMessages();
  const [secret, setSecret] = useState<string>();
  const [showingDeliveries, setShowingDeliveries] = useState<Webhook>();
  const [toDelete, setToDelete] = useState<Webhook>();
  const [busyAction, setBusyAction] = useState<{ id: string; action: WebhookAction }>();
  const webhooks = useQuery(`webhooks:${organizationId}`, () =>
    call(api.GET('/api/v1/organizations/{id}/webhooks', { params: { path: { id: organizationId } } })),
  );
  const act = useAction(async (action: WebhookAction, webhook: Webhook) => {
    const path = { id: organizationId, webhookId: webhook.id };
    if (action === 'test')
      await call(api.POST('/api/v1/organizations/{id}/webhooks/{webhookId}/test', { params: { path } }));
    if (action === 'enable')
      await call(
        api.PATCH('/api/v1/organizations/{id}/webhooks/{webhookId}', {
          params: { path },
          body: { status: 'active' },
        }),
      );
    if (action === 'delete')
      await call(api.DELETE('/api/v1/organizations/{id}/webhooks/{webhookId}', { params: { path } }));
    return true;
  });

  const onAction = async (action: WebhookAction, webhook: Webhook) => {
    if (action === 'deliveries') return setShowingDeliveries(webhook);
    if (action === 'delete' && toDelete?.id !== webhook.id) return setToDelete(webhook);
    setBusyAction({ id: webhook.id, action });
    const isDone = await act.run(action, webhook);
    setBusyAction(undefined);
    if (!isDone) return;
    if (action === 'delete') setToDelete(undefined);
    toast(t(`webhooks.done.${action}`));
    if (action !== 'test') webhooks.reload();
  };

  const items = webhooks.data?.items ?? [];
  return (
    <div className="cg-stack">
      <h2>{t('webhooks.title')}</h2>
      <p className="cg-muted">{t('webhooks.intro')}</p>
      {!toDelete && <FormErrorAlert error={act.error} />}
      {webhooks.isLoading && <Spinner label={t('common.loading')} isLabelVisible />}
      {webhooks.error && <Alert tone="danger">{messageOf(webhooks.error)}</Alert>}
      {webhooks.data && items.length === 0 && <EmptyState title={t('webhooks.empty')} />}
      {items.map((webhook) => (
        <WebhookItem
          key={webhook.id}
          webhook={webhook}
          busyAction={busyAction?.id === webhook.id ? busyAction.action : undefined}
          onAction={(action, target) => void onAction(action, target)}
        />
      ))}
      {secret && <SecretAlert secret={secret} onDone={() => setSecret(undefined)} />}
      <WebhookForm
        organizationId={organizationId}
        onCreated={(created) => {
          setSecret(created.secret);
          webhooks.reload();
        }}
      />
      <WebhookDeliveriesDialog
        organizationId={organizationId}
        webhook={showingDeliveries}
        onClose={() => setShowingDeliveries(undefined)}
      />
      <ConfirmDialog
        isOpen={toDelete !== undefined}
        title={t('webhooks.deleteTitle')}
        confirmLabel={t('webhooks.delete')}
        cancelLabel={t('common.cancel')}
        isDanger
        isBusy={act.isBusy}
        error={act.error ? messageOf(act.error) : undefined}
        onConfirm={() => toDelete && void onAction('delete', toDelete)}
        onClose={() => {
          act.reset();
          setToDelete(undefined);
        }}
      >
        <p>{t('webhooks.deleteWarning', { url: toDelete?.url ?? '' })}</p>
      </ConfirmDialog>
    </div>
  );
}

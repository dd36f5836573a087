import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { Webhook } from '../../api/types.ts';
import { useToast } from '../../app/toasts.tsx';
import { ConfirmActionDialog } from '../../lib/ConfirmActionDialog.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { SecretAlert } from '../../lib/SecretAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { useConfirmedAction } from '../../lib/useConfirmedAction.ts';
import { useQuery } from '../../lib/useQuery.ts';
import { Alert, EmptyState, Spinner } from '../../ui/index.ts';
import { WebhookDeliveriesDialog } from './WebhookDeliveriesDialog.tsx';
import { WebhookForm } from './WebhookForm.tsx';
import { type WebhookAction, WebhookItem } from './WebhookItem.tsx';

export function WebhooksTab({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  const toast = useToast();
  const { messageOf } = useErrorMessages();
  const [secret, setSecret] = useState<string>();
  const [showingDeliveries, setShowingDeliveries] = useState<Webhook>();
  const [busyAction, setBusyAction] = useState<{ id: string; action: WebhookAction }>();
  const webhooks = useQuery(`webhooks:${organizationId}`, () =>
    call(api.GET('/api/v1/organizations/{id}/webhooks', { params: { path: { id: organizationId } } })),
  );
  const pathOf = (webhook: Webhook) => ({ id: organizationId, webhookId: webhook.id });
  const act = useAction(async (action: 'test' | 'enable', webhook: Webhook) => {
    const path = pathOf(webhook);
    if (action === 'test')
      await call(api.POST('/api/v1/organizations/{id}/webhooks/{webhookId}/test', { params: { path } }));
    if (action === 'enable')
      await call(
        api.PATCH('/api/v1/organizations/{id}/webhooks/{webhookId}', {
          params: { path },
          body: { status: 'active' },
        }),
      );
    return true;
  });
  const deleting = useConfirmedAction(async (webhook: Webhook) => {
    await call(
      api.DELETE('/api/v1/organizations/{id}/webhooks/{webhookId}', { params: { path: pathOf(webhook) } }),
    );
    return true;
  });

  const onAction = async (action: WebhookAction, webhook: Webhook) => {
    if (action === 'deliveries') return setShowingDeliveries(webhook);
    if (action === 'delete') return deleting.ask(webhook);
    setBusyAction({ id: webhook.id, action });
    const isDone = await act.run(action, webhook);
    setBusyAction(undefined);
    if (!isDone) return;
    toast(t(`webhooks.done.${action}`));
    if (action === 'enable') webhooks.reload();
  };
  const onDelete = async () => {
    if (!(await deleting.confirm())) return;
    toast(t('webhooks.done.delete'));
    webhooks.reload();
  };

  const items = webhooks.data?.items ?? [];
  return (
    <div className="cg-stack">
      <h2>{t('webhooks.title')}</h2>
      <p className="cg-muted">{t('webhooks.intro')}</p>
      <FormErrorAlert error={act.error} />
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
      {secret && (
        <SecretAlert
          title={t('webhooks.createdTitle')}
          text={t('webhooks.secretText')}
          secret={secret}
          onDone={() => setSecret(undefined)}
        />
      )}
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
      <ConfirmActionDialog
        confirmation={deleting}
        title={t('webhooks.deleteTitle')}
        confirmLabel={t('webhooks.delete')}
        isDanger
        onConfirm={() => void onDelete()}
      >
        <p>{t('webhooks.deleteWarning', { url: deleting.target?.url ?? '' })}</p>
      </ConfirmActionDialog>
    </div>
  );
}

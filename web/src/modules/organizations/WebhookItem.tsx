import { useTranslation } from 'react-i18next';
import type { Webhook } from '../../api/types.ts';
import { DateTime } from '../../lib/dates.tsx';
import { Alert, Button, Card } from '../../ui/index.ts';
import { WebhookStatusBadge } from './badges.tsx';
import { EventTypesList } from './EventTypesList.tsx';

export type WebhookAction = 'test' | 'deliveries' | 'enable' | 'delete';

type WebhookItemProps = {
  webhook: Webhook;
  busyAction: WebhookAction | undefined;
  onAction: (action: WebhookAction, webhook: Webhook) => void;
};

export function WebhookItem({ webhook, busyAction, onAction }: WebhookItemProps) {
  const { t } = useTranslation();
  const isDisabled = webhook.status === 'disabled';
  return (
    <Card
      title={<span className="cg-ltr cg-break">{webhook.url}</span>}
      headingLevel={3}
      actions={<WebhookStatusBadge status={webhook.status} />}
    >
      <div className="cg-stack">
        {isDisabled && (
          <Alert tone="warning" title={t('webhooks.disabledTitle')}>
            <p>
              {webhook.disabledReason
                ? t('webhooks.disabledBecause', { reason: webhook.disabledReason })
                : t('webhooks.disabledText')}
            </p>
          </Alert>
        )}
        <dl className="cg-details-list">
          <dt>{t('fields.description')}</dt>
          <dd>{webhook.description || '—'}</dd>
          <dt>{t('webhooks.eventTypes')}</dt>
          <dd>
            <EventTypesList eventTypes={webhook.eventTypes} />
          </dd>
          <dt>{t('webhooks.consecutiveFailures')}</dt>
          <dd>{webhook.consecutiveFailures}</dd>
          <dt>{t('fields.createdAt')}</dt>
          <dd>
            <DateTime value={webhook.createdAt} />
          </dd>
          {webhook.disabledAt && (
            <>
              <dt>{t('webhooks.disabledAt')}</dt>
              <dd>
                <DateTime value={webhook.disabledAt} />
              </dd>
            </>
          )}
        </dl>
        <div className="cg-cluster">
          {isDisabled ? (
            <Button size="small" onClick={() => onAction('enable', webhook)} isBusy={busyAction === 'enable'}>
              {t('webhooks.enable')}
            </Button>
          ) : (
            <Button size="small" onClick={() => onAction('test', webhook)} isBusy={busyAction === 'test'}>
              {t('webhooks.sendTest')}
            </Button>
          )}
          <Button variant="secondary" size="small" onClick={() => onAction('deliveries', webhook)}>
            {t('webhooks.showDeliveries')}
          </Button>
          <Button variant="danger" size="small" onClick={() => onAction('delete', webhook)}>
            {t('webhooks.delete')}
          </Button>
        </div>
      </div>
    </Card>
  );
}

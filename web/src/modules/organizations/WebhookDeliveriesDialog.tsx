import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { Webhook } from '../../api/types.ts';
import { DateTime } from '../../lib/dates.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { usePagedList } from '../../lib/usePagedList.ts';
import { Alert, Badge, Button, Dialog, EmptyState, LoadMore, Spinner, Table } from '../../ui/index.ts';

type DeliveriesProps = { organizationId: string; webhook: Webhook | undefined; onClose: () => void };

function DeliveriesTable({ organizationId, webhook }: { organizationId: string; webhook: Webhook }) {
  const { t, i18n } = useTranslation();
  const { messageOf } = useErrorMessages();
  const deliveries = usePagedList(`deliveries:${webhook.id}`, (cursor) =>
    call(
      api.GET('/api/v1/organizations/{id}/webhooks/{webhookId}/deliveries', {
        params: { path: { id: organizationId, webhookId: webhook.id }, query: { cursor } },
      }),
    ),
  );
  const milliseconds = new Intl.NumberFormat(i18n.language, { style: 'unit', unit: 'millisecond' });

  if (deliveries.isLoading) return <Spinner label={t('common.loading')} isLabelVisible />;
  if (deliveries.error) return <Alert tone="danger">{messageOf(deliveries.error)}</Alert>;
  if (deliveries.items.length === 0) return <EmptyState title={t('webhooks.noDeliveries')} />;
  return (
    <>
      <Table
        caption={t('webhooks.deliveriesCaption')}
        isCaptionHidden
        columns={[
          t('webhooks.deliveredAt'),
          t('webhooks.attempt'),
          t('fields.status'),
          t('webhooks.duration'),
        ]}
      >
        {deliveries.items.map((delivery) => (
          <tr key={delivery.id}>
            <td>
              <DateTime value={delivery.at} />
            </td>
            <td>{delivery.attempt}</td>
            <td>
              <div className="cg-stack-tight">
                <span className="cg-cluster">
                  <Badge tone={delivery.isSuccess ? 'success' : 'danger'}>
                    {delivery.isSuccess ? t('webhooks.succeeded') : t('webhooks.failed')}
                  </Badge>
                  {delivery.statusCode !== null && <span className="cg-mono">{delivery.statusCode}</span>}
                </span>
                {delivery.error && (
                  <span className="cg-small cg-muted cg-break cg-ltr">{delivery.error}</span>
                )}
              </div>
            </td>
            <td>{delivery.durationMs === null ? '—' : milliseconds.format(delivery.durationMs)}</td>
          </tr>
        ))}
      </Table>
      <LoadMore
        hasMore={deliveries.hasMore}
        isLoading={deliveries.isLoadingMore}
        onLoadMore={deliveries.loadMore}
        label={t('common.loadMore')}
      />
    </>
  );
}

/** The delivery log of one webhook: each attempt, its HTTP status and how long it took. */
export function WebhookDeliveriesDialog({ organizationId, webhook, onClose }: DeliveriesProps) {
  const { t } = useTranslation();
  return (
    <Dialog isOpen={webhook !== undefined} onClose={onClose} title={t('webhooks.deliveriesTitle')} isWide>
      {webhook && (
        <>
          <p className="cg-ltr cg-break cg-mono">{webhook.url}</p>
          <DeliveriesTable organizationId={organizationId} webhook={webhook} />
        </>
      )}
      <div className="cg-cluster-end">
        <Button variant="secondary" onClick={onClose}>
          {t('common.close')}
        </Button>
      </div>
    </Dialog>
  );
}

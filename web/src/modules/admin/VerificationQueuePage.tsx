import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client.ts';
import type { Organization, VerificationStatus } from '../../api/types.ts';
import { DateTime } from '../../lib/dates.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { usePagedList } from '../../lib/usePagedList.ts';
import { Alert, Button, EmptyState, LoadMore, PageSpinner, Table } from '../../ui/index.ts';
import { useCountries, useStakeholderKinds } from '../organizations/reference.ts';
import { VerificationDialog } from '../organizations/VerificationDialog.tsx';
import { AdminLayout } from './AdminLayout.tsx';

type Decision = { organization: Organization; status: VerificationStatus };

/** Organizations waiting for a platform admin to verify or reject them, oldest first as the API returns them. */
export function VerificationQueuePage() {
  const { t } = useTranslation();
  const { messageOf } = useErrorMessages();
  const { countryName } = useCountries();
  const { kindName } = useStakeholderKinds();
  const [decision, setDecision] = useState<Decision>();
  const queue = usePagedList('verification-queue', (cursor) =>
    call(
      api.GET('/api/v1/organizations', { params: { query: { verificationStatus: 'unverified', cursor } } }),
    ),
  );

  return (
    <AdminLayout title={t('admin.verificationQueue')} description={t('admin.verificationQueueIntro')}>
      <div className="cg-stack">
        {queue.error && <Alert tone="danger">{messageOf(queue.error)}</Alert>}
        {queue.isLoading ? (
          <PageSpinner label={t('common.loading')} />
        ) : queue.items.length === 0 ? (
          <EmptyState title={t('admin.queueEmpty')} />
        ) : (
          <Table caption={t('admin.verificationQueue')} isCaptionHidden>
            <thead>
              <tr>
                <th scope="col">{t('fields.name')}</th>
                <th scope="col">{t('fields.kind')}</th>
                <th scope="col">{t('fields.country')}</th>
                <th scope="col">{t('fields.website')}</th>
                <th scope="col">{t('fields.createdAt')}</th>
                <th scope="col">
                  <span className="cg-visually-hidden">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {queue.items.map((organization) => (
                <tr key={organization.id}>
                  <td>
                    <Link to={`/organizations/${organization.id}`}>{organization.name}</Link>
                  </td>
                  <td>{kindName(organization.kind)}</td>
                  <td>{countryName(organization.countryCode)}</td>
                  <td className="cg-ltr cg-break">{organization.website ?? '—'}</td>
                  <td>
                    <DateTime value={organization.createdAt} isDateOnly />
                  </td>
                  <td>
                    <div className="cg-table-actions">
                      <Button size="small" onClick={() => setDecision({ organization, status: 'verified' })}>
                        {t('verification.verifyAction')}
                        <span className="cg-visually-hidden">{organization.name}</span>
                      </Button>
                      <Button
                        size="small"
                        variant="danger"
                        onClick={() => setDecision({ organization, status: 'rejected' })}
                      >
                        {t('verification.rejectAction')}
                        <span className="cg-visually-hidden">{organization.name}</span>
                      </Button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        <LoadMore
          hasMore={queue.hasMore}
          isLoading={queue.isLoadingMore}
          onLoadMore={queue.loadMore}
          label={t('common.loadMore')}
        />
      </div>
      <VerificationDialog
        organization={decision?.organization}
        targetStatus={decision?.status}
        onClose={() => setDecision(undefined)}
        onDone={(updated) => {
          setDecision(undefined);
          queue.updateItems((items) => items.filter((item) => item.id !== updated.id));
        }}
      />
    </AdminLayout>
  );
}

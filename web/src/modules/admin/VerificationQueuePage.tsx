import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client.ts';
import type { Organization, VerificationStatus } from '../../api/types.ts';
import { DateTime } from '../../lib/dates.tsx';
import { PagedListView } from '../../lib/PagedListView.tsx';
import { usePagedList } from '../../lib/usePagedList.ts';
import { Button, Table } from '../../ui/index.ts';
import { useCountries, useStakeholderKinds } from '../organizations/reference.ts';
import { VerificationDialog } from '../organizations/VerificationDialog.tsx';
import { AdminLayout } from './AdminLayout.tsx';

type Decision = { organization: Organization; status: VerificationStatus };

/** Organizations waiting for a platform admin to verify or reject them, oldest first as the API returns them. */
export function VerificationQueuePage() {
  const { t } = useTranslation();
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
        <PagedListView list={queue} emptyTitle={t('admin.queueEmpty')}>
          <Table
            caption={t('admin.verificationQueue')}
            isCaptionHidden
            columns={[
              t('fields.name'),
              t('fields.kind'),
              t('fields.country'),
              t('fields.website'),
              t('fields.createdAt'),
            ]}
            actionsColumnLabel={t('common.actions')}
          >
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
          </Table>
        </PagedListView>
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

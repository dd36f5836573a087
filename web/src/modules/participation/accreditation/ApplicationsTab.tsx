import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { DateTime } from '../../../lib/dates.tsx';
import { PagedListView } from '../../../lib/PagedListView.tsx';
import { usePagedList } from '../../../lib/usePagedList.ts';
import { Select, Table } from '../../../ui/index.ts';
import { applicationPath } from '../processes/paths.ts';
import { APPLICATION_STATUSES, type ApplicationStatus } from '../processes/types.ts';
import { seesAllPending } from '../processes/viewer.ts';
import { ApplicationStatusBadge, RouteLabel } from './badges.tsx';

/** Every application the viewer may see: public outcomes for all, pending ones for those entitled. */
export function ApplicationsTab({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [status, setStatus] = useState<ApplicationStatus | ''>('');
  const list = usePagedList(`applications:${processId}:${status}:${user?.id ?? ''}`, (cursor) =>
    call(
      api.GET('/api/v1/participation/processes/{id}/applications', {
        params: { path: { id: processId }, query: { cursor, ...(status ? { status } : {}) } },
      }),
    ),
  );

  const visibility = !user
    ? t('accreditation.applications.visibilityPublic')
    : seesAllPending(user)
      ? t('accreditation.applications.visibilityAll')
      : t('accreditation.applications.visibilityOwn');

  return (
    <div className="cg-stack">
      <p className="cg-muted">{visibility}</p>
      <div className="cg-proc-filter">
        <Select
          label={t('accreditation.applications.statusFilter')}
          value={status}
          onChange={(value) => setStatus(value as ApplicationStatus | '')}
          emptyOption={t('common.any')}
          options={APPLICATION_STATUSES.map((value) => ({
            value,
            label: t(`accreditation.status.${value}`),
          }))}
        />
      </div>
      <PagedListView
        list={list}
        loadingStyle="inline"
        emptyTitle={t('accreditation.applications.empty')}
        emptyText={status ? t('accreditation.applications.emptyFiltered') : undefined}
      >
        <Table
          caption={t('accreditation.applications.caption')}
          columns={[
            t('fields.organization'),
            t('accreditation.fields.route'),
            t('fields.status'),
            t('accreditation.fields.submittedOn'),
            t('accreditation.fields.objectionsClose'),
            t('accreditation.fields.decidedOn'),
          ]}
        >
          {list.items.map((application) => (
            <tr key={application.id}>
              <td>
                <Link to={applicationPath(application.id)}>
                  <bdi>{application.organization.name}</bdi>
                </Link>
              </td>
              <td>
                <RouteLabel route={application.route} isShort />
              </td>
              <td>
                <ApplicationStatusBadge status={application.status} />
              </td>
              <td>
                <DateTime value={application.createdAt} isDateOnly />
              </td>
              <td>
                <DateTime value={application.circulationEndsAt} />
              </td>
              <td>
                <DateTime value={application.decidedAt} isDateOnly />
              </td>
            </tr>
          ))}
        </Table>
      </PagedListView>
    </div>
  );
}

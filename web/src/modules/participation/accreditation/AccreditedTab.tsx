import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { DateTime } from '../../../lib/dates.tsx';
import { PagedListView } from '../../../lib/PagedListView.tsx';
import { usePagedList } from '../../../lib/usePagedList.ts';
import { Table } from '../../../ui/index.ts';
import { useCountries, useStakeholderKinds } from '../../organizations/reference.ts';
import { applicationPath } from '../processes/paths.ts';
import { RouteLabel } from './badges.tsx';

/** The public list of stakeholders accredited to the process. */
export function AccreditedTab({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const { countryName } = useCountries();
  const { kindName } = useStakeholderKinds();
  const list = usePagedList(`accredited:${processId}`, (cursor) =>
    call(
      api.GET('/api/v1/participation/processes/{id}/applications', {
        params: { path: { id: processId }, query: { status: 'accredited', cursor } },
      }),
    ),
  );

  return (
    <div className="cg-stack">
      <p className="cg-muted">{t('accreditation.accredited.intro')}</p>
      <PagedListView
        list={list}
        loadingStyle="inline"
        emptyTitle={t('accreditation.accredited.empty')}
        emptyText={t('accreditation.accredited.emptyHint')}
      >
        <Table
          caption={t('accreditation.accredited.caption')}
          columns={[
            t('fields.organization'),
            t('fields.kind'),
            t('fields.country'),
            t('accreditation.fields.route'),
            t('accreditation.fields.accreditedOn'),
          ]}
        >
          {list.items.map((application) => (
            <tr key={application.id}>
              <td>
                <Link to={applicationPath(application.id)}>
                  <bdi>{application.organization.name}</bdi>
                </Link>
              </td>
              <td>{kindName(application.organization.kind)}</td>
              <td>{countryName(application.organization.countryCode) || '—'}</td>
              <td>
                <RouteLabel route={application.route} isShort />
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

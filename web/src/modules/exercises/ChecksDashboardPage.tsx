import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client.ts';
import { DateTime } from '../../lib/dates.tsx';
import { PagedListView } from '../../lib/PagedListView.tsx';
import { usePagedList } from '../../lib/usePagedList.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ButtonLink, Card, PageHeader, Table } from '../../ui/index.ts';
import { FilterSummary } from './FilterSummary.tsx';
import { useCheckFormatters } from './format.ts';
import { OpenBadge } from './OpenBadge.tsx';
import { ResponseRateChart } from './ResponseRateChart.tsx';
import type { CheckSummary } from './types.ts';
import './checks.css';

const TABLE_ID = 'checks-table';

/** /checks: every communication check so far, its response rate over time, and a way to send a new one. */
export function ChecksDashboardPage() {
  const { t } = useTranslation();
  const { formatCount, formatShare, formatDuration } = useCheckFormatters();
  usePageTitle(t('checks.title'));

  const list = usePagedList<CheckSummary>('checks', (cursor) =>
    call(api.GET('/api/v1/communication-checks', { params: { query: cursor ? { cursor } : {} } })),
  );

  return (
    <>
      <PageHeader
        title={t('checks.title')}
        description={t('checks.intro')}
        actions={<ButtonLink to="/checks/new">{t('checks.new')}</ButtonLink>}
      />
      <div className="cg-stack">
        {list.items.length > 0 && (
          <Card title={t('checks.chart.heading')} description={t('checks.chart.intro')}>
            <ResponseRateChart checks={list.items} tableId={TABLE_ID} />
          </Card>
        )}
        <Card title={t('checks.history')}>
          <PagedListView
            list={list}
            emptyTitle={t('checks.emptyTitle')}
            emptyText={t('checks.emptyText')}
            loadingStyle="inline"
          >
            <div id={TABLE_ID} className="cg-checks-table cg-checks-history">
              <Table
                caption={t('checks.history')}
                isCaptionHidden
                columns={[
                  t('checks.columns.sentAt'),
                  t('checks.columns.asked'),
                  t('checks.columns.status'),
                  t('checks.columns.targets'),
                  t('checks.columns.acknowledged'),
                  t('checks.columns.responseRate'),
                  t('checks.columns.median'),
                ]}
              >
                {list.items.map((check) => (
                  <tr key={check.id}>
                    <td>
                      <Link to={`/checks/${encodeURIComponent(check.id)}`}>
                        <DateTime value={check.createdAt} />
                      </Link>
                      {check.note && <div className="cg-muted cg-small">{check.note}</div>}
                    </td>
                    <td>
                      <FilterSummary filter={check.filter} />
                    </td>
                    <td>
                      <OpenBadge isOpen={check.isOpen} />
                    </td>
                    <td className="cg-checks-number">{formatCount(check.targetCount)}</td>
                    <td className="cg-checks-number">{formatCount(check.acknowledgedCount)}</td>
                    <td className="cg-checks-number">{formatShare(check.responseRate)}</td>
                    <td className="cg-checks-number">
                      {check.medianSecondsToAcknowledge === null
                        ? t('checks.noAnswers')
                        : formatDuration(check.medianSecondsToAcknowledge)}
                    </td>
                  </tr>
                ))}
              </Table>
            </div>
          </PagedListView>
        </Card>
      </div>
    </>
  );
}

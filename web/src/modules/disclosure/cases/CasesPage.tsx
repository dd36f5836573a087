import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PagedListView } from '../../../lib/PagedListView.tsx';
import { usePagedList } from '../../../lib/usePagedList.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { Badge, PageHeader, Table, Tabs } from '../../../ui/index.ts';
import { listCases } from './casesApi.ts';
import { CaseStatusBadge, EmbargoStateBadge } from './labels.tsx';
import { casePath } from './paths.ts';
import type { CaseSummary } from './types.ts';
import { ZonedTime } from './ZonedTime.tsx';
import './cases.css';

type StatusTab = 'open' | 'closed';

/** /disclosure/cases: the cases the reader's organizations coordinate or take part in. */
export function CasesPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const status: StatusTab = searchParams.get('status') === 'closed' ? 'closed' : 'open';
  usePageTitle(t('cases.list.title'));
  const list = usePagedList(`cases:${status}`, (cursor) => listCases(status, cursor));

  return (
    <>
      <PageHeader title={t('cases.list.title')} description={t('cases.list.intro')} />
      <Tabs
        label={t('cases.list.tabsLabel')}
        tabs={[
          { id: 'open', label: t('cases.list.open') },
          { id: 'closed', label: t('cases.list.closed') },
        ]}
        selectedId={status}
        onSelect={(id) => setSearchParams(id === 'closed' ? { status: 'closed' } : {}, { replace: true })}
      >
        <div className="cg-stack cg-case-tab-panel">
          <PagedListView
            list={list}
            loadingStyle="inline"
            emptyTitle={status === 'open' ? t('cases.list.emptyOpen') : t('cases.list.emptyClosed')}
            emptyText={status === 'open' ? t('cases.list.emptyHint') : undefined}
          >
            <CaseTable
              items={list.items}
              caption={status === 'open' ? t('cases.list.open') : t('cases.list.closed')}
            />
          </PagedListView>
        </div>
      </Tabs>
    </>
  );
}

function CaseTable({ items, caption }: { items: CaseSummary[]; caption: string }) {
  const { t } = useTranslation();
  return (
    <Table
      caption={caption}
      isCaptionHidden
      columns={[
        t('cases.list.columns.case'),
        t('cases.list.columns.coordinator'),
        t('cases.list.columns.role'),
        t('cases.list.columns.vendors'),
        t('cases.list.columns.target'),
        t('cases.list.columns.embargo'),
      ]}
    >
      {items.map((item) => (
        <tr key={item.id}>
          <td>
            <div className="cg-stack-tight">
              <Link to={casePath(item.id)} dir="auto">
                {item.title}
              </Link>
              <span className="cg-cluster cg-small">
                <code className="cg-muted">{item.id}</code>
                {item.status !== 'open' && <CaseStatusBadge status={item.status} />}
              </span>
            </div>
          </td>
          <td>
            <bdi>{item.coordinatorName}</bdi>
          </td>
          <td>
            <Badge tone={item.isCoordinator ? 'info' : 'neutral'}>
              {item.isCoordinator ? t('cases.list.roleCoordinator') : t('cases.list.roleParticipant')}
            </Badge>
          </td>
          <td className="cg-case-number">{item.vendorCount}</td>
          <td>
            <ZonedTime value={item.targetDate} />
          </td>
          <td>
            {item.embargoState ? (
              <div className="cg-stack-tight">
                <EmbargoStateBadge state={item.embargoState} />
                {item.embargoState !== 'exited' && item.embargoEndsAt && (
                  <span className="cg-small">
                    <ZonedTime value={item.embargoEndsAt} withUtc />
                  </span>
                )}
              </div>
            ) : (
              <span className="cg-muted">{t('cases.list.noEmbargo')}</span>
            )}
          </td>
        </tr>
      ))}
    </Table>
  );
}

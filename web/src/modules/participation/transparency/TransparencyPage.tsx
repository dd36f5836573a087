import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { DateTime } from '../../../lib/dates.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import {
  Alert,
  buttonClassName,
  Card,
  EmptyState,
  PageHeader,
  PageSpinner,
  Select,
} from '../../../ui/index.ts';
import { useStakeholderKinds } from '../../organizations/reference.ts';
import { useCalendarFormatters } from '../measures/calendar.ts';
import { useNumberFormatters } from '../measures/numbers.ts';
import { ParticipationBreadcrumb } from '../processes/ParticipationBreadcrumb.tsx';
import { groupPath } from '../processes/paths.ts';
import { BucketTable } from './BucketTable.tsx';
import { MonthChart } from './MonthChart.tsx';
import { useRegionNames } from './regions.ts';
import { ShareBar } from './ShareBar.tsx';
import type { Bucket, Statistics } from './types.ts';
import './transparency.css';

const csvPath = (processId: string) =>
  `/api/v1/participation/statistics.csv${processId ? `?processId=${encodeURIComponent(processId)}` : ''}`;

/** /participation/transparency: who took part, and was it heard? Public counts, by process or overall. */
export function TransparencyPage() {
  const { t } = useTranslation();
  const { messageOf } = useErrorMessages();
  const [searchParams, setSearchParams] = useSearchParams();
  const processId = searchParams.get('processId') ?? '';
  usePageTitle(t('transparency.title'));

  const processes = useQuery('transparency:processes', () =>
    call(api.GET('/api/v1/participation/processes', { params: { query: { limit: 100 } } })),
  );
  const statistics = useQuery(`transparency:statistics:${processId}`, () =>
    call(
      api.GET('/api/v1/participation/statistics', {
        params: { query: processId ? { processId } : {} },
      }),
    ),
  );

  const processOptions = (processes.data?.items ?? []).map((process) => ({
    value: process.id,
    label: process.title,
  }));
  // A process linked from elsewhere stays selectable even if it is not among the first hundred.
  if (processId && !processOptions.some((option) => option.value === processId)) {
    processOptions.push({ value: processId, label: processId });
  }

  return (
    <>
      <ParticipationBreadcrumb items={[]} />
      <PageHeader
        title={t('transparency.title')}
        description={t('transparency.intro')}
        actions={
          <a className={buttonClassName('secondary')} href={csvPath(processId)} download>
            {t('transparency.downloadCsv')}
          </a>
        }
      />
      <div className="cg-stack">
        <Card>
          <div className="cg-tr-toolbar">
            <Select
              label={t('transparency.process')}
              value={processId}
              onChange={(value) => setSearchParams(value ? { processId: value } : {}, { replace: true })}
              options={processOptions}
              emptyOption={t('transparency.allProcesses')}
              className="cg-tr-process"
            />
            {statistics.data && (
              <p className="cg-muted cg-small">
                {t('transparency.generatedAt')} <DateTime value={statistics.data.generatedAt} />
              </p>
            )}
          </div>
          {processes.error && <Alert tone="warning">{messageOf(processes.error)}</Alert>}
        </Card>
        {statistics.error && <Alert tone="danger">{messageOf(statistics.error)}</Alert>}
        {statistics.isLoading && !statistics.data ? (
          <PageSpinner label={t('common.loading')} />
        ) : (
          statistics.data && <StatisticsView statistics={statistics.data} />
        )}
      </div>
    </>
  );
}

function StatisticsView({ statistics }: { statistics: Statistics }) {
  const { t } = useTranslation();
  const { kindName } = useStakeholderKinds();
  const regionName = useRegionNames();
  const { formatCalendarDate } = useCalendarFormatters();
  const monthTableId = useId();
  const { totals } = statistics;

  if (totals.contributions + totals.statements === 0) {
    return (
      <>
        <Totals totals={totals} />
        <EmptyState title={t('transparency.empty')}>{t('transparency.emptyHint')}</EmptyState>
        <Method />
      </>
    );
  }

  return (
    <>
      <Totals totals={totals} />
      <StatisticsSection title={t('transparency.kinds.title')} description={t('transparency.kinds.intro')}>
        <KindShares buckets={statistics.byStakeholderKind} nameOf={(bucket) => kindLabel(bucket.key)} />
        <BucketTable
          caption={t('transparency.kinds.title')}
          dimension={t('transparency.kinds.dimension')}
          buckets={statistics.byStakeholderKind}
          nameOf={(bucket) => kindLabel(bucket.key)}
        />
      </StatisticsSection>
      <StatisticsSection
        title={t('transparency.regions.title')}
        description={t('transparency.regions.intro')}
      >
        <BucketTable
          caption={t('transparency.regions.title')}
          dimension={t('transparency.regions.dimension')}
          buckets={statistics.byRegion}
          nameOf={(bucket) =>
            bucket.key === 'none' ? t('transparency.regions.none') : regionName(bucket.key, bucket.label)
          }
        />
      </StatisticsSection>
      <StatisticsSection title={t('transparency.groups.title')} description={t('transparency.groups.intro')}>
        <BucketTable
          caption={t('transparency.groups.title')}
          dimension={t('transparency.groups.dimension')}
          buckets={statistics.byGroup}
          nameOf={(bucket) =>
            bucket.key === 'none' ? (
              t('transparency.groups.none')
            ) : (
              <Link to={groupPath(bucket.key)} dir="auto">
                {bucket.label}
              </Link>
            )
          }
        />
      </StatisticsSection>
      <StatisticsSection title={t('transparency.months.title')} description={t('transparency.months.intro')}>
        {statistics.byMonth.length === 0 ? (
          <p className="cg-muted">{t('transparency.months.none')}</p>
        ) : (
          <>
            <MonthChart months={statistics.byMonth} tableId={monthTableId} />
            <div id={monthTableId} className="cg-tr-anchor">
              <BucketTable
                caption={t('transparency.months.title')}
                dimension={t('transparency.months.dimension')}
                buckets={statistics.byMonth}
                nameOf={(bucket) => formatCalendarDate(bucket.key)}
              />
            </div>
          </>
        )}
      </StatisticsSection>
      <Method />
    </>
  );

  function kindLabel(code: string) {
    return code === 'unknown' ? t('transparency.kinds.unknown') : kindName(code);
  }
}

function StatisticsSection({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className="cg-stack cg-tr-section" aria-labelledby={headingId}>
      <div>
        <h2 id={headingId} className="cg-tr-section-heading">
          {title}
        </h2>
        <p className="cg-muted cg-tr-section-intro">{description}</p>
      </div>
      {children}
    </section>
  );
}

/** The four figures that answer the page's question at a glance. */
function Totals({ totals }: { totals: Bucket }) {
  const { t } = useTranslation();
  const { formatCount, formatShare } = useNumberFormatters();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId} className="cg-visually-hidden">
        {t('transparency.totals.title')}
      </h2>
      <dl className="cg-tr-totals">
        <div className="cg-card">
          <dt>{t('transparency.totals.contributions')}</dt>
          <dd>{formatCount(totals.contributions)}</dd>
        </div>
        <div className="cg-card">
          <dt>{t('transparency.totals.statements')}</dt>
          <dd>{formatCount(totals.statements)}</dd>
        </div>
        <div className="cg-card">
          <dt>{t('transparency.totals.participants')}</dt>
          <dd>{formatCount(totals.participants)}</dd>
        </div>
        <div className="cg-card">
          <dt>{t('transparency.totals.share')}</dt>
          <dd>{totals.incorporatedShare === null ? '—' : formatShare(totals.incorporatedShare)}</dd>
          <dd className="cg-tr-total-note">
            {totals.incorporatedShare === null
              ? t('transparency.totals.shareNone')
              : t('transparency.totals.shareOf', {
                  incorporated: formatCount(totals.incorporated),
                  dispositioned: formatCount(totals.dispositioned),
                })}
          </dd>
        </div>
      </dl>
      <p className="cg-muted cg-small cg-tr-formula">{t('transparency.totals.formula')}</p>
    </section>
  );
}

/** The incorporated share of each kind of stakeholder, side by side: the page's second question. */
function KindShares({ buckets, nameOf }: { buckets: Bucket[]; nameOf: (bucket: Bucket) => string }) {
  const { t } = useTranslation();
  const withShares = buckets.filter((bucket) => bucket.incorporatedShare !== null);
  if (withShares.length === 0) return <p className="cg-muted">{t('transparency.kinds.noShares')}</p>;
  return (
    <Card title={t('transparency.kinds.sharesTitle')} headingLevel={3}>
      <dl className="cg-tr-kind-shares">
        {withShares.map((bucket) => (
          <div key={bucket.key}>
            <dt>{nameOf(bucket)}</dt>
            <dd>
              <ShareBar share={bucket.incorporatedShare} />
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

/** How the figures are counted, so nobody has to guess what a share means. */
function Method() {
  const { t } = useTranslation();
  return (
    <Card title={t('transparency.method.title')}>
      <div className="cg-tr-method">
        <p>{t('transparency.method.contributions')}</p>
        <p>{t('transparency.method.share')}</p>
        <p>{t('transparency.method.regions')}</p>
      </div>
    </Card>
  );
}

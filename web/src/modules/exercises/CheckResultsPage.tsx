import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client.ts';
import { DateTime, useDateFormatters } from '../../lib/dates.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useQuery } from '../../lib/useQuery.ts';
import { Alert, buttonClassName, Card, EmptyState, PageHeader, PageSpinner, Table } from '../../ui/index.ts';
import { FilterSummary } from './FilterSummary.tsx';
import { useCheckFormatters } from './format.ts';
import { OpenBadge } from './OpenBadge.tsx';
import { usePlaces } from './places.ts';
import { RateBars } from './RateBars.tsx';
import { useRoleLabel } from './roles.ts';
import type { CheckDetail, RegionStats, RoleStats } from './types.ts';
import './checks.css';

type Stats = Pick<
  RegionStats,
  'targetCount' | 'acknowledgedCount' | 'responseRate' | 'medianSecondsToAcknowledge'
>;

/** One group's figures (a region, a role), with the group's name in the row header. */
function StatsTable({
  caption,
  dimension,
  rows,
}: {
  caption: string;
  dimension: string;
  rows: { key: string; name: ReactNode; stats: Stats }[];
}) {
  const { t } = useTranslation();
  const { formatCount, formatShare, formatDuration } = useCheckFormatters();
  return (
    <div className="cg-checks-table cg-checks-stats">
      <Table
        caption={caption}
        isCaptionHidden
        columns={[
          dimension,
          t('checks.columns.targets'),
          t('checks.columns.acknowledged'),
          t('checks.columns.responseRate'),
          t('checks.columns.median'),
        ]}
      >
        {rows.map(({ key, name, stats }) => (
          <tr key={key}>
            <th scope="row">{name}</th>
            <td className="cg-checks-number">{formatCount(stats.targetCount)}</td>
            <td className="cg-checks-number">{formatCount(stats.acknowledgedCount)}</td>
            <td className="cg-checks-number">{formatShare(stats.responseRate)}</td>
            <td className="cg-checks-number">
              {stats.medianSecondsToAcknowledge === null
                ? t('checks.noAnswers')
                : formatDuration(stats.medianSecondsToAcknowledge)}
            </td>
          </tr>
        ))}
      </Table>
    </div>
  );
}

/** /checks/:checkId: who answered, how fast, by region and role, and who did not. */
export function CheckResultsPage() {
  const { t } = useTranslation();
  const { checkId = '' } = useParams();
  const { messageOf } = useErrorMessages();
  const { formatDateTime } = useDateFormatters();
  const check = useQuery(`check:${checkId}`, () =>
    call(api.GET('/api/v1/communication-checks/{id}', { params: { path: { id: checkId } } })),
  );
  const title = check.data
    ? t('checks.results.title', { date: formatDateTime(check.data.createdAt) })
    : t('checks.results.titleLoading');
  usePageTitle(title);

  if (check.isLoading) return <PageSpinner label={t('common.loading')} />;
  if (check.error || !check.data) {
    return (
      <>
        <PageHeader title={t('checks.results.titleLoading')} />
        <Alert tone="danger">{check.error ? messageOf(check.error) : t('errors.unexpected_error')}</Alert>
        <p>
          <Link to="/checks">{t('checks.backToChecks')}</Link>
        </p>
      </>
    );
  }
  return <CheckResults check={check.data} title={title} />;
}

function CheckResults({ check, title }: { check: CheckDetail; title: string }) {
  const { t } = useTranslation();
  const { formatCount, formatShare, formatDuration } = useCheckFormatters();
  const { countryName, regionName } = usePlaces();
  const roleLabel = useRoleLabel();
  const unknownRegion = t('checks.results.unknownRegion');
  const nameOfRegion = (code: string | null) => regionName(code) ?? unknownRegion;

  return (
    <>
      <p>
        <Link to="/checks">{t('checks.backToChecks')}</Link>
      </p>
      <PageHeader
        title={title}
        description={check.note ?? undefined}
        meta={<OpenBadge isOpen={check.isOpen} />}
        actions={
          <a
            className={buttonClassName('secondary')}
            href={`/api/v1/communication-checks/${encodeURIComponent(check.id)}/results.csv`}
            download
          >
            {t('checks.results.downloadCsv')}
          </a>
        }
      />
      <div className="cg-stack">
        <dl className="cg-checks-figures">
          <div>
            <dt>{t('checks.columns.responseRate')}</dt>
            <dd>{formatShare(check.responseRate)}</dd>
            <dd className="cg-checks-figure-note">
              {t('checks.results.answeredOf', {
                acknowledged: formatCount(check.acknowledgedCount),
                targets: formatCount(check.targetCount),
              })}
            </dd>
          </div>
          <div>
            <dt>{t('checks.columns.median')}</dt>
            <dd>
              {check.medianSecondsToAcknowledge === null
                ? t('checks.noAnswers')
                : formatDuration(check.medianSecondsToAcknowledge)}
            </dd>
          </div>
          <div>
            <dt>{check.isOpen ? t('checks.results.closesAt') : t('checks.results.closedAt')}</dt>
            <dd className="cg-checks-figure-note">
              <DateTime value={check.closesAt} />
            </dd>
          </div>
          <div>
            <dt>{t('checks.columns.asked')}</dt>
            <dd className="cg-checks-figure-note">
              <FilterSummary filter={check.filter} />
            </dd>
          </div>
        </dl>

        <Card title={t('checks.results.byRegion')}>
          <div>
            <RateBars
              title={t('checks.results.byRegionChart')}
              bars={check.byRegion.map((row) => ({
                key: row.regionCode ?? 'none',
                label: nameOfRegion(row.regionCode),
                rate: row.responseRate,
              }))}
            />
            <StatsTable
              caption={t('checks.results.byRegion')}
              dimension={t('checks.columns.region')}
              rows={check.byRegion.map((row) => ({
                key: row.regionCode ?? 'none',
                name: nameOfRegion(row.regionCode),
                stats: row,
              }))}
            />
          </div>
        </Card>

        <Card title={t('checks.results.byRole')}>
          <StatsTable
            caption={t('checks.results.byRole')}
            dimension={t('checks.columns.role')}
            rows={check.byRole.map((row: RoleStats) => ({
              key: row.role,
              name: roleLabel(row.role),
              stats: row,
            }))}
          />
        </Card>

        <Card
          title={t('checks.results.nonResponders', { total: formatCount(check.nonResponders.length) })}
          description={check.nonResponders.length > 0 ? t('checks.results.nonRespondersIntro') : undefined}
        >
          {check.nonResponders.length === 0 ? (
            <EmptyState title={t('checks.results.everyoneAnswered')} />
          ) : (
            <Table
              caption={t('checks.results.nonRespondersCaption')}
              isCaptionHidden
              columns={[
                t('checks.columns.organization'),
                t('checks.columns.country'),
                t('checks.columns.role'),
                t('checks.columns.poc'),
                t('checks.columns.sentAt'),
              ]}
            >
              {check.nonResponders.map((target) => (
                <tr key={`${target.pocId}`}>
                  <td>
                    <Link to={`/organizations/${encodeURIComponent(target.orgId)}`}>{target.orgName}</Link>
                  </td>
                  <td>{countryName(target.countryCode) ?? t('checks.results.unknownCountry')}</td>
                  <td>{roleLabel(target.role)}</td>
                  <td>{target.pocName}</td>
                  <td>
                    <DateTime value={target.sentAt} />
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </Card>

        <Card title={t('checks.results.targets')}>
          <div className="cg-checks-table">
            <Table
              caption={t('checks.results.targets')}
              isCaptionHidden
              columns={[
                t('checks.columns.poc'),
                t('checks.columns.organization'),
                t('checks.columns.country'),
                t('checks.columns.region'),
                t('checks.columns.role'),
                t('checks.columns.acknowledgedAt'),
                t('checks.columns.timeToAcknowledge'),
              ]}
            >
              {check.targets.map((target) => (
                <tr key={target.pocId}>
                  <td>{target.pocName}</td>
                  <td>{target.orgName}</td>
                  <td>{countryName(target.countryCode) ?? t('checks.results.unknownCountry')}</td>
                  <td>{nameOfRegion(target.regionCode)}</td>
                  <td>{roleLabel(target.role)}</td>
                  <td>
                    <DateTime value={target.acknowledgedAt} emptyText={t('checks.results.notYet')} />
                  </td>
                  <td className="cg-checks-number">
                    {target.secondsToAcknowledge === null ? '—' : formatDuration(target.secondsToAcknowledge)}
                  </td>
                </tr>
              ))}
            </Table>
          </div>
        </Card>
      </div>
    </>
  );
}

import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, Spinner } from '../../../ui/index.ts';
import { useDisclosureLabels } from '../shared/codes.ts';
import { BarTable } from './BarTable.tsx';
import { EquitiesForm } from './EquitiesForm.tsx';
import { useStatisticsErrorMessage } from './errors.ts';
import { barsOf, durationFromDays, durationFromHours, formatDuration, formatShare } from './format.ts';
import { getProgramStatistics } from './statisticsApi.ts';
import { type ProgramStatistics, TRIAGE_OUTCOMES } from './types.ts';
import './statistics.css';

export type ProgramStatisticsPanelProps = {
  programId: string;
  /** A State program also shows its vulnerabilities-equities counts. */
  isStateProgram: boolean;
  /** The program's managers record the equities counts. */
  canManage: boolean;
  /** The level of the panel's heading, so the page's outline stays in order (2 by default). */
  headingLevel?: 2 | 3;
};

/**
 * A program's public transparency figures: reports received, how fast they were acknowledged, how long
 * until a fix or an advisory, how the SSVC triage decided and why reports were closed; for a State program
 * also how many vulnerabilities its equities process disclosed and retained. Aggregates only.
 */
export function ProgramStatisticsPanel({
  programId,
  isStateProgram,
  canManage,
  headingLevel = 2,
}: ProgramStatisticsPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const errorMessage = useStatisticsErrorMessage();
  const statistics = useQuery(`disclosure-statistics:${programId}`, () => getProgramStatistics(programId));
  const Heading = `h${headingLevel}` as const;

  return (
    <section className="cg-card cg-stats" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('disclosureStats.title')}</Heading>
      <p className="cg-card-description">{t('disclosureStats.description')}</p>
      {statistics.error && (
        <Alert tone="danger" isLive>
          {errorMessage(statistics.error)}
        </Alert>
      )}
      {!statistics.data && !statistics.error && <Spinner label={t('common.loading')} isLabelVisible />}
      {statistics.data && (
        <Figures
          statistics={statistics.data}
          programId={programId}
          isStateProgram={isStateProgram}
          canManage={canManage}
          headingLevel={headingLevel}
          onRecorded={statistics.setData}
        />
      )}
    </section>
  );
}

function Figures({
  statistics,
  programId,
  isStateProgram,
  canManage,
  headingLevel,
  onRecorded,
}: {
  statistics: ProgramStatistics;
  programId: string;
  isStateProgram: boolean;
  canManage: boolean;
  headingLevel: 2 | 3;
  onRecorded: (statistics: ProgramStatistics) => void;
}) {
  const { t, i18n } = useTranslation();
  const labels = useDisclosureLabels();
  const locale = i18n.language;
  const number = new Intl.NumberFormat(locale);
  const Sub = `h${headingLevel + 1}` as 'h3' | 'h4';
  const share = formatShare(statistics.acknowledgedWithinTarget, statistics.acknowledged, locale);
  const outcomes = barsOf(statistics.ssvcTriageOutcomes, TRIAGE_OUTCOMES);
  const outcomeTotal = Object.values(statistics.ssvcTriageOutcomes).reduce((sum, n) => sum + n, 0);
  const reasons = barsOf(statistics.closeReasons);
  const reasonTotal = Object.values(statistics.closeReasons).reduce((sum, n) => sum + n, 0);
  const years = Object.keys(statistics.reportsByYear).sort();
  const yearBars = barsOf(statistics.reportsByYear, years);
  const outcomeLabels: Record<string, string> = {
    D: t('disclosureStats.outcomes.D'),
    T: t('disclosureStats.outcomes.T'),
    C: t('disclosureStats.outcomes.C'),
  };

  return (
    <div className="cg-stack">
      <dl className="cg-stats-tiles">
        <Tile
          label={t('disclosureStats.reportsReceived')}
          value={number.format(statistics.reportsReceived)}
        />
        <Tile
          label={t('disclosureStats.medianToAcknowledge')}
          value={
            statistics.medianHoursToAcknowledge === null
              ? null
              : formatDuration(durationFromHours(statistics.medianHoursToAcknowledge), locale)
          }
          detail={t('disclosureStats.overAcknowledged', { count: statistics.acknowledged })}
        />
        <Tile
          label={t('disclosureStats.withinTarget')}
          value={share}
          detail={t('disclosureStats.withinTargetDetail', {
            within: statistics.acknowledgedWithinTarget,
            acknowledged: statistics.acknowledged,
          })}
        />
        <Tile
          label={t('disclosureStats.medianToResolution')}
          value={
            statistics.medianDaysToFixOrAdvisory === null
              ? null
              : formatDuration(durationFromDays(statistics.medianDaysToFixOrAdvisory), locale)
          }
          detail={t('disclosureStats.overResolved', { count: statistics.resolved })}
        />
        <Tile
          label={t('disclosureStats.advisoriesPublished')}
          value={number.format(statistics.advisoriesPublished)}
        />
      </dl>

      {statistics.reportsReceived === 0 ? (
        <p className="cg-muted">{t('disclosureStats.noReports')}</p>
      ) : (
        <div className="cg-stats-charts">
          <BarTable
            caption={t('disclosureStats.byYear')}
            keyHeading={t('disclosureStats.year')}
            bars={yearBars}
            labelOf={(year) => year}
            total={statistics.reportsReceived}
          />
          <div>
            {outcomes.length > 0 ? (
              <BarTable
                caption={t('disclosureStats.ssvcOutcomes')}
                keyHeading={t('disclosureStats.outcome')}
                bars={outcomes}
                labelOf={(key) => outcomeLabels[key] ?? key}
                total={outcomeTotal}
              />
            ) : (
              <Empty title={t('disclosureStats.ssvcOutcomes')} text={t('disclosureStats.noOutcomes')} />
            )}
            <p className="cg-small cg-muted">{t('disclosureStats.ssvcHint')}</p>
          </div>
          {reasons.length > 0 ? (
            <BarTable
              caption={t('disclosureStats.closeReasons')}
              keyHeading={t('disclosureStats.reason')}
              bars={reasons}
              labelOf={labels.closeReason}
              total={reasonTotal}
            />
          ) : (
            <Empty title={t('disclosureStats.closeReasons')} text={t('disclosureStats.noCloseReasons')} />
          )}
        </div>
      )}

      {isStateProgram && (
        <section className="cg-stats-equities" aria-labelledby="cg-stats-equities">
          <Sub id="cg-stats-equities">{t('disclosureStats.equities.title')}</Sub>
          <p>{t('disclosureStats.equities.description')}</p>
          {statistics.equities.length === 0 ? (
            <p className="cg-muted">{t('disclosureStats.equities.none')}</p>
          ) : (
            <EquitiesTable statistics={statistics} />
          )}
          {canManage && (
            <EquitiesForm
              programId={programId}
              headingLevel={(headingLevel + 2) as 4 | 5}
              onRecorded={onRecorded}
            />
          )}
        </section>
      )}
    </div>
  );
}

function Tile({ label, value, detail }: { label: string; value: ReactNode | null; detail?: string }) {
  const { t } = useTranslation();
  return (
    <div className="cg-stats-tile">
      <dt>{label}</dt>
      <dd>
        {value === null ? (
          <span className="cg-stats-value-none">{t('disclosureStats.noFigure')}</span>
        ) : (
          <span className="cg-stats-value">{value}</span>
        )}
        {detail && <span className="cg-stats-detail">{detail}</span>}
      </dd>
    </div>
  );
}

function Empty({ title, text }: { title: string; text: string }) {
  return (
    <div className="cg-stats-empty">
      <p className="cg-stats-empty-title">{title}</p>
      <p className="cg-muted cg-small">{text}</p>
    </div>
  );
}

function EquitiesTable({ statistics }: { statistics: ProgramStatistics }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <table className="cg-table cg-stats-equities-table">
      <caption className="cg-visually-hidden">{t('disclosureStats.equities.title')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('disclosureStats.equities.period')}</th>
          <th scope="col">{t('disclosureStats.equities.disclosed')}</th>
          <th scope="col">{t('disclosureStats.equities.retained')}</th>
          <th scope="col">{t('disclosureStats.equities.note')}</th>
        </tr>
      </thead>
      <tbody>
        {statistics.equities.map((row) => (
          <tr key={row.period}>
            <th scope="row" className="cg-mono">
              {row.period}
            </th>
            <td>{number.format(row.disclosed)}</td>
            <td>{number.format(row.retained)}</td>
            <td dir="auto">{row.note || <span className="cg-muted">—</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useTranslation } from 'react-i18next';
import { translateDynamic } from '../../../lib/translate.ts';
import { BarChart } from './BarChart.tsx';
import { ChartCard } from './ChartCard.tsx';
import { type Column, ColumnChart, type LegendEntry } from './ColumnChart.tsx';
import {
  type Bar,
  barsCsv,
  barsOf,
  type CsvHeadings,
  fillSeries,
  OTHER_KEY,
  seriesCsv,
  stackSeries,
} from './chartData.ts';
import { SERIES_COLORS } from './chartKit.tsx';
import type { CsvRow } from './csv.ts';
import { type DashboardFilters, NORM_CODES } from './filters.ts';
import { HARM_FIELDS, HarmTotals } from './HarmTotals.tsx';
import type { DashboardFormats, DashboardLabels } from './labels.ts';
import { Measured } from './Measured.tsx';
import { ColumnsTable, CountsTable } from './tables.tsx';
import type { Statistics } from './types.ts';

const TOP = 20;
const SERIES_PARTS = 8;
const ATTRIBUTION_BUCKETS = ['0-7', '8-30', '31-90', '91-365', '366+'] as const;

type DashboardChartsProps = {
  statistics: Statistics;
  /** The filters these figures were computed for (not the form's, which may be ahead of them). */
  filters: DashboardFilters;
  labels: DashboardLabels;
  formats: DashboardFormats;
  headings: CsvHeadings;
  /** Lines under each PNG's title: the filters and the figures' date. */
  pictureLines: readonly string[];
  isRtl: boolean;
};

/** Every chart of the dashboard, each with its PNG, CSV and table. */
export function DashboardCharts({
  statistics,
  filters,
  labels,
  formats,
  headings,
  pictureLines,
  isRtl,
}: DashboardChartsProps) {
  const { t } = useTranslation();
  const date = statistics.generatedAt.slice(0, 10);
  const fileName = (part: string) => `incident-statistics-${part}-${date}`;
  const summaryOf = (bars: readonly Bar[]) =>
    bars
      .filter((bar) => bar.value > 0)
      .map((bar) => t('incidentDashboard.chart.item', { label: bar.label, count: formats.count(bar.value) }))
      .join('; ') || t('incidentDashboard.chart.noData');

  const barCard = (
    part: string,
    title: string,
    keyHeading: string,
    bars: readonly Bar[],
    options: { description?: string; csvRows?: () => CsvRow[] } = {},
  ) => (
    <ChartCard
      key={part}
      title={title}
      description={options.description}
      fileName={fileName(part)}
      csvRows={options.csvRows ?? (() => barsCsv(headings, bars))}
      pictureLines={pictureLines}
      table={<CountsTable caption={title} keyHeading={keyHeading} bars={bars} formatValue={formats.count} />}
    >
      {bars.length === 0 ? (
        <p className="cg-muted">{t('incidentDashboard.chart.noData')}</p>
      ) : (
        <Measured>
          {(width) => (
            <BarChart
              bars={bars}
              width={width}
              title={title}
              summary={summaryOf(bars)}
              formatValue={formats.count}
              isRtl={isRtl}
            />
          )}
        </Measured>
      )}
    </ChartCard>
  );

  // The time series, gaps filled, stacked by the chosen breakdown.
  const series = fillSeries(statistics.series, filters.interval);
  const stacked = stackSeries(series, filters.series, SERIES_PARTS);
  const legend: LegendEntry[] = stacked.keys.map((key, index) => ({
    key,
    label: labels.seriesKey(filters.series, key),
    colorIndex: key === OTHER_KEY ? SERIES_COLORS.length - 1 : index,
  }));
  const columns: Column[] = stacked.periods.map((period) => ({
    key: period.period,
    label: formats.period(period.period),
    values: period.values,
    total: period.total,
  }));
  const busiest = columns.reduce<Column | undefined>(
    (best, column) => (best === undefined || column.total > best.total ? column : best),
    undefined,
  );
  const seriesTitle = t('incidentDashboard.charts.series.title');
  const seriesDescription =
    filters.series === 'none'
      ? t('incidentDashboard.charts.series.description')
      : t('incidentDashboard.charts.series.descriptionBreakdown', {
          dimension: labels.seriesOption(filters.series),
        });
  const periodHeading = labels.interval(filters.interval);

  // The intensity distribution, every score 0–10.
  const intensityColumns: Column[] = statistics.byIntensity.map((count, score) => ({
    key: String(score),
    label: formats.count(score),
    values: [count],
    total: count,
  }));
  const intensityTitle = t('incidentDashboard.charts.intensity.title');
  const intensityBars = intensityColumns.map((column) => ({
    key: column.key,
    label: column.label,
    value: column.total,
  }));

  // Time to the first attribution.
  const attribution = statistics.timeToAttribution;
  const bucketLabel = (bucket: string) =>
    translateDynamic(
      t,
      `incidentDashboard.charts.attribution.buckets.${bucket}`,
      `incidentDashboard.charts.attribution.buckets.${bucket}`,
      { defaultValue: bucket },
    );
  const attributionBars = barsOf(attribution.buckets, bucketLabel, { order: ATTRIBUTION_BUCKETS });
  const quartiles =
    attribution.medianDays === null
      ? t('incidentDashboard.charts.attribution.noneAttributed')
      : t('incidentDashboard.charts.attribution.quartiles', {
          median: formats.count(attribution.medianDays),
          p25: formats.count(attribution.p25Days ?? 0),
          p75: formats.count(attribution.p75Days ?? 0),
        });
  const attributionDescription = `${t('incidentDashboard.charts.attribution.description', {
    count: formats.count(attribution.attributed),
  })} ${quartiles}`;
  const attributionFieldLabel = (field: string) =>
    translateDynamic(
      t,
      `incidentDashboard.charts.attribution.fields.${field}`,
      `incidentDashboard.charts.attribution.fields.${field}`,
    );

  const harmTitle = t('incidentDashboard.charts.harm.title');
  const harmLabel = (field: string) =>
    translateDynamic(t, `incidentDashboard.harm.${field}`, `incidentDashboard.harm.${field}`);

  return (
    <div className="cg-dashboard-grid">
      <ChartCard
        title={seriesTitle}
        description={seriesDescription}
        fileName={fileName('over-time')}
        csvRows={() => seriesCsv(headings, series, (key) => labels.seriesKey(filters.series, key))}
        pictureLines={pictureLines}
        isWide
        table={
          <ColumnsTable
            caption={seriesTitle}
            keyHeading={periodHeading}
            columns={columns}
            legend={legend}
            formatValue={formats.count}
          />
        }
      >
        {columns.length === 0 ? (
          <p className="cg-muted">{t('incidentDashboard.chart.noData')}</p>
        ) : (
          <Measured>
            {(width) => (
              <ColumnChart
                columns={columns}
                legend={legend}
                width={width}
                title={seriesTitle}
                summary={t('incidentDashboard.charts.series.summary', {
                  periods: formats.count(columns.length),
                  first: columns[0]?.label ?? '',
                  last: columns.at(-1)?.label ?? '',
                  max: formats.count(busiest?.total ?? 0),
                  maxPeriod: busiest?.label ?? '',
                })}
                xAxisTitle={t('incidentDashboard.charts.series.xAxis')}
                yAxisTitle={t('incidentDashboard.chart.count')}
                formatValue={formats.count}
                isRtl={isRtl}
              />
            )}
          </Measured>
        )}
      </ChartCard>

      <ChartCard
        title={harmTitle}
        description={t('incidentDashboard.charts.harm.description')}
        fileName={fileName('harm')}
        csvRows={() => [
          [headings.code, headings.label, headings.value],
          ...HARM_FIELDS.map((field) => [field, harmLabel(field), statistics.harm[field]]),
        ]}
        pictureLines={pictureLines}
        isWide
      >
        <HarmTotals harm={statistics.harm} formatCount={formats.count} formatUsd={formats.usd} />
      </ChartCard>

      {barCard(
        'by-type',
        t('incidentDashboard.charts.byType.title'),
        t('incidentDashboard.filters.type'),
        barsOf(statistics.byType, labels.type),
      )}
      {barCard(
        'by-sector',
        t('incidentDashboard.charts.bySector.title'),
        t('incidentDashboard.filters.sector'),
        barsOf(statistics.bySector, labels.sector),
      )}
      {barCard(
        'by-country',
        t('incidentDashboard.charts.byCountry.title'),
        t('incidentDashboard.filters.country'),
        barsOf(statistics.byCountry, labels.country, { limit: TOP }),
      )}
      {barCard(
        'by-region',
        t('incidentDashboard.charts.byRegion.title'),
        t('incidentDashboard.filters.region'),
        barsOf(statistics.byRegion, labels.region),
      )}
      {barCard(
        'by-norm',
        t('incidentDashboard.charts.byNorm.title'),
        t('incidentDashboard.filters.norm'),
        barsOf(statistics.byNorm, labels.norm, { order: NORM_CODES }),
        { description: t('incidentDashboard.charts.byNorm.description') },
      )}
      {barCard(
        'by-actor',
        t('incidentDashboard.charts.byActor.title'),
        t('incidentDashboard.filters.actor'),
        statistics.byActor
          .slice(0, TOP)
          .map((actor) => ({ key: actor.id, label: actor.name, value: actor.count })),
        { description: t('incidentDashboard.charts.byActor.description') },
      )}

      <ChartCard
        title={intensityTitle}
        description={t('incidentDashboard.charts.intensity.description')}
        fileName={fileName('intensity')}
        csvRows={() =>
          barsCsv(
            headings,
            intensityBars.map((bar) => ({ ...bar, label: bar.key })),
          )
        }
        pictureLines={pictureLines}
        table={
          <CountsTable
            caption={intensityTitle}
            keyHeading={t('incidentDashboard.charts.intensity.xAxis')}
            bars={intensityBars}
            formatValue={formats.count}
          />
        }
      >
        <Measured>
          {(width) => (
            <ColumnChart
              columns={intensityColumns}
              legend={[]}
              width={width}
              title={intensityTitle}
              summary={summaryOf(intensityBars)}
              xAxisTitle={t('incidentDashboard.charts.intensity.xAxis')}
              yAxisTitle={t('incidentDashboard.chart.count')}
              formatValue={formats.count}
              isRtl={isRtl}
            />
          )}
        </Measured>
      </ChartCard>

      {barCard(
        'time-to-attribution',
        t('incidentDashboard.charts.attribution.title'),
        t('incidentDashboard.charts.attribution.keyHeading'),
        attributionBars,
        {
          description: attributionDescription,
          csvRows: () => [
            ...barsCsv(headings, attributionBars),
            ...(['attributed', 'medianDays', 'p25Days', 'p75Days'] as const).map((field) => [
              field,
              attributionFieldLabel(field),
              attribution[field],
            ]),
          ],
        },
      )}
    </div>
  );
}

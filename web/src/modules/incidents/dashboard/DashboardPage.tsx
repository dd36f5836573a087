import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { translateDynamic } from '../../../lib/translate.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, Button, EmptyState, PageHeader, Spinner } from '../../../ui/index.ts';
import { allDataCsv, type CsvHeadings } from './chartData.ts';
import { csvBlob } from './csv.ts';
import { DashboardCharts } from './DashboardCharts.tsx';
import { getIncidentStatistics } from './dashboardApi.ts';
import { downloadBlob } from './exportFiles.ts';
import { FiltersForm } from './FiltersForm.tsx';
import {
  type DashboardFilters,
  DEFAULT_FILTERS,
  filtersFromSearch,
  isRangeReversed,
  NORM_CODES,
  queryOf,
  searchOf,
} from './filters.ts';
import {
  type DashboardFormats,
  type DashboardLabels,
  useDashboardFormats,
  useDashboardLabels,
} from './labels.ts';
import { useDebouncedValue } from './useDebouncedValue.ts';
import './dashboard.css';

/** Long enough to let a run of changes (a date being typed, several filters picked) settle into one request. */
const DEBOUNCE_MS = 400;

/** "Type: Ransomware · Country: Kenya", or that nothing narrows the figures. */
function useFilterSummary(filters: DashboardFilters, labels: DashboardLabels, formats: DashboardFormats) {
  const { t } = useTranslation();
  const names: Record<keyof DashboardFilters, string> = {
    type: t('incidentDashboard.filters.type'),
    sector: t('incidentDashboard.filters.sector'),
    country: t('incidentDashboard.filters.country'),
    region: t('incidentDashboard.filters.region'),
    norm: t('incidentDashboard.filters.norm'),
    actor: t('incidentDashboard.filters.actor'),
    from: t('incidentDashboard.filters.from'),
    to: t('incidentDashboard.filters.to'),
    interval: t('incidentDashboard.filters.interval'),
    series: t('incidentDashboard.filters.series'),
  };
  const parts = (Object.keys(names) as (keyof DashboardFilters)[])
    .filter((name) => name !== 'interval' && name !== 'series' && filters[name] !== DEFAULT_FILTERS[name])
    .map((name) => {
      const value =
        name === 'from' || name === 'to'
          ? formats.day(filters[name])
          : labels.filterValue(name, filters[name]);
      return `${names[name]}: ${value}`;
    });
  return parts.length === 0
    ? t('incidentDashboard.filters.none')
    : t('incidentDashboard.filters.summary', { filters: parts.join(' · ') });
}

/**
 * /incidents/dashboard: statistics on the published incidents the reader may read, with filters kept in
 * the address bar, charts of every count the API gives, and each chart's picture and figures to download.
 */
export function IncidentDashboardPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('incidentDashboard.title'));
  const { messageOf } = useErrorMessages();
  const isRtl = i18n.dir(i18n.language) === 'rtl';
  const [searchParams, setSearchParams] = useSearchParams();
  // The form's filters are kept here and written to the address bar; two changes in quick succession
  // must both land, even before the address bar's update has come back through the router.
  const [filters, setFiltersState] = useState(() => filtersFromSearch(searchParams));
  const latestFilters = useRef(filters);
  const search = searchParams.toString();
  useEffect(() => {
    // The address changed from outside (back, forward, a shared link): the form follows it.
    if (search === searchOf(latestFilters.current).toString()) return;
    const fromAddress = filtersFromSearch(new URLSearchParams(search));
    latestFilters.current = fromAddress;
    setFiltersState(fromAddress);
  }, [search]);
  const changeFilters = (changes: Partial<DashboardFilters>) => {
    const next = { ...latestFilters.current, ...changes };
    latestFilters.current = next;
    setFiltersState(next);
    setSearchParams(searchOf(next), { replace: true });
  };
  // A reversed range selects nothing: the form says so and the figures stay as they were.
  const requestSearch = isRangeReversed(filters) ? null : searchOf(filters).toString();
  const settledSearch = useDebouncedValue(requestSearch, DEBOUNCE_MS);
  const statistics = useQuery(
    settledSearch === null ? null : `incident-statistics?${settledSearch}`,
    async () => {
      const requested = filtersFromSearch(new URLSearchParams(settledSearch ?? ''));
      return { filters: requested, statistics: await getIncidentStatistics(queryOf(requested)) };
    },
  );
  const result = statistics.data;

  // Actor names come with the figures; they are kept so a chosen actor keeps its name when the figures
  // for other filters no longer list it.
  const [actorNames, setActorNames] = useState<ReadonlyMap<string, string>>(new Map());
  const byActor = result?.statistics.byActor;
  useEffect(() => {
    if (!byActor) return;
    setActorNames((current) => {
      if (byActor.every((actor) => current.get(actor.id) === actor.name)) return current;
      const next = new Map(current);
      for (const actor of byActor) next.set(actor.id, actor.name);
      return next;
    });
  }, [byActor]);

  const labels = useDashboardLabels(actorNames);
  const formats = useDashboardFormats();
  const resultFilters = result?.filters ?? filters;
  const filterSummary = useFilterSummary(resultFilters, labels, formats);
  const headings: CsvHeadings = {
    code: t('incidentDashboard.csv.code'),
    label: t('incidentDashboard.csv.label'),
    count: t('incidentDashboard.csv.count'),
    period: t('incidentDashboard.csv.period'),
    total: t('incidentDashboard.csv.total'),
    section: t('incidentDashboard.csv.section'),
    value: t('incidentDashboard.csv.value'),
  };

  const isUpdating = statistics.isLoading || requestSearch !== settledSearch;

  const downloadAll = () => {
    if (!result) return;
    const rows = allDataCsv(
      result.statistics,
      result.filters,
      {
        headings,
        filter: labels.filterValue,
        type: labels.type,
        sector: labels.sector,
        country: labels.country,
        region: labels.region,
        norm: labels.norm,
        seriesKey: (key) => labels.seriesKey(result.filters.series, key),
        harm: (field) =>
          translateDynamic(t, `incidentDashboard.harm.${field}`, 'incidentDashboard.csv.value'),
        attribution: (field) =>
          translateDynamic(
            t,
            `incidentDashboard.charts.attribution.fields.${field}`,
            `incidentDashboard.charts.attribution.buckets.${field}`,
          ),
      },
      NORM_CODES,
    );
    downloadBlob(csvBlob(rows), `incident-statistics-${result.statistics.generatedAt.slice(0, 10)}.csv`);
  };

  return (
    <>
      <PageHeader
        title={t('incidentDashboard.title')}
        description={t('incidentDashboard.intro')}
        actions={
          <Button variant="secondary" onClick={downloadAll} disabled={!result}>
            {t('incidentDashboard.downloadAll')}
          </Button>
        }
      />
      <div className="cg-stack">
        <Alert tone="info">
          <p>{t('incidentDashboard.scope')}</p>
          <p>{t('incidentDashboard.multipleCounting')}</p>
        </Alert>
        <FiltersForm
          filters={filters}
          onChange={changeFilters}
          labels={labels}
          actors={result?.statistics.byActor ?? []}
        />
        <div className="cg-dashboard-status">
          <p role="status" className="cg-dashboard-total">
            {result
              ? t('incidentDashboard.summary.total', { count: formats.count(result.statistics.total) })
              : ''}
          </p>
          {result && result.statistics.undated > 0 && (
            <p className="cg-muted">
              {t('incidentDashboard.summary.undated', { count: formats.count(result.statistics.undated) })}
            </p>
          )}
          {result && (
            <p className="cg-muted cg-small">
              {t('incidentDashboard.summary.generated', {
                date: formats.dateTime(result.statistics.generatedAt),
              })}
            </p>
          )}
          {isUpdating && (
            <p className="cg-muted cg-small cg-cluster">
              <Spinner label={t('incidentDashboard.summary.updating')} isLabelVisible />
            </p>
          )}
        </div>
        {statistics.error && (
          <Alert tone="danger" title={t('common.errorTitle')} isLive>
            <p>{messageOf(statistics.error)}</p>
            <Button variant="secondary" size="small" onClick={statistics.reload}>
              {t('incidentDashboard.retry')}
            </Button>
          </Alert>
        )}
        {result && result.statistics.total === 0 && (
          <EmptyState title={t('incidentDashboard.summary.emptyTitle')}>
            {t('incidentDashboard.summary.emptyText')}
          </EmptyState>
        )}
        {result && result.statistics.total > 0 && (
          <div aria-busy={isUpdating || undefined}>
            <DashboardCharts
              statistics={result.statistics}
              filters={result.filters}
              labels={labels}
              formats={formats}
              headings={headings}
              pictureLines={[
                filterSummary,
                `${t('incidentDashboard.summary.total', {
                  count: formats.count(result.statistics.total),
                })} · ${t('incidentDashboard.summary.generated', {
                  date: formats.dateTime(result.statistics.generatedAt),
                })}`,
              ]}
              isRtl={isRtl}
            />
          </div>
        )}
      </div>
    </>
  );
}

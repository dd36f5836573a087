import { useTranslation } from 'react-i18next';
import { Button, Card, Select, type SelectOption, TextField } from '../../../ui/index.ts';
import {
  type DashboardFilters,
  DEFAULT_FILTERS,
  hasNarrowingFilters,
  INTERVALS,
  isRangeReversed,
  NORM_CODES,
  REGION_CODES,
  SECTOR_CODES,
  SERIES_DIMENSIONS,
  TYPE_CODES,
} from './filters.ts';
import type { DashboardLabels } from './labels.ts';

type FiltersFormProps = {
  filters: DashboardFilters;
  /** The filters that changed; the page merges them into the latest filters, not this render's. */
  onChange: (changes: Partial<DashboardFilters>) => void;
  labels: DashboardLabels;
  /** The actors the current figures name, most attributed first. */
  actors: readonly { id: string; name: string }[];
};

const byLabel = (language: string) => (a: SelectOption, b: SelectOption) =>
  a.label.localeCompare(b.label, language);

/** The dashboard's filters; each change applies at once (the page waits for typing to pause before asking). */
export function FiltersForm({ filters, onChange, labels, actors }: FiltersFormProps) {
  const { t, i18n } = useTranslation();
  const set = (name: keyof DashboardFilters) => (value: string) => onChange({ [name]: value });
  const any = t('common.any');
  const sort = byLabel(i18n.language);
  const actorOptions = actors.map((actor) => ({ value: actor.id, label: actor.name }));
  // A code from the address bar that the list does not know (or not yet) still shows as chosen.
  const countryOptions = [...labels.countryOptions];
  if (filters.country && !countryOptions.some((option) => option.value === filters.country))
    countryOptions.unshift({ value: filters.country, label: filters.country });
  if (filters.actor && !actorOptions.some((option) => option.value === filters.actor))
    actorOptions.unshift({ value: filters.actor, label: labels.actor(filters.actor) });

  return (
    <Card title={t('incidentDashboard.filters.heading')}>
      <form className="cg-dashboard-filters" onSubmit={(event) => event.preventDefault()}>
        <Select
          label={t('incidentDashboard.filters.type')}
          value={filters.type}
          onChange={set('type')}
          emptyOption={any}
          options={TYPE_CODES.map((code) => ({ value: code, label: labels.type(code) })).sort(sort)}
        />
        <Select
          label={t('incidentDashboard.filters.sector')}
          value={filters.sector}
          onChange={set('sector')}
          emptyOption={any}
          options={SECTOR_CODES.map((code) => ({ value: code, label: labels.sector(code) })).sort(sort)}
        />
        <Select
          label={t('incidentDashboard.filters.region')}
          value={filters.region}
          onChange={set('region')}
          emptyOption={any}
          options={REGION_CODES.map((code) => ({ value: code, label: labels.region(code) })).sort(sort)}
        />
        <Select
          label={t('incidentDashboard.filters.country')}
          value={filters.country}
          onChange={set('country')}
          emptyOption={any}
          options={countryOptions}
        />
        <Select
          label={t('incidentDashboard.filters.norm')}
          value={filters.norm}
          onChange={set('norm')}
          emptyOption={any}
          options={NORM_CODES.map((code) => ({ value: code, label: labels.norm(code) }))}
        />
        <Select
          label={t('incidentDashboard.filters.actor')}
          value={filters.actor}
          onChange={set('actor')}
          emptyOption={any}
          options={actorOptions}
        />
        <TextField
          type="date"
          label={t('incidentDashboard.filters.from')}
          value={filters.from}
          onChange={set('from')}
          hint={t('incidentDashboard.filters.dateHint')}
        />
        <TextField
          type="date"
          label={t('incidentDashboard.filters.to')}
          value={filters.to}
          onChange={set('to')}
          min={filters.from || undefined}
          hint={t('incidentDashboard.filters.dateHint')}
          error={isRangeReversed(filters) ? t('incidentDashboard.filters.reversed') : undefined}
        />
        <Select
          label={t('incidentDashboard.filters.interval')}
          value={filters.interval}
          onChange={set('interval')}
          options={INTERVALS.map((value) => ({ value, label: labels.interval(value) }))}
        />
        <Select
          label={t('incidentDashboard.filters.series')}
          value={filters.series}
          onChange={set('series')}
          options={SERIES_DIMENSIONS.map((value) => ({ value, label: labels.seriesOption(value) }))}
        />
      </form>
      {hasNarrowingFilters(filters) && (
        <div className="cg-cluster">
          <Button
            variant="ghost"
            size="small"
            onClick={() =>
              onChange({ ...DEFAULT_FILTERS, interval: filters.interval, series: filters.series })
            }
          >
            {t('incidentDashboard.filters.clear')}
          </Button>
        </div>
      )}
    </Card>
  );
}

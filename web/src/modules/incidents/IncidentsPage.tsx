import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth.tsx';
import { PagedListView } from '../../lib/PagedListView.tsx';
import { usePagedList } from '../../lib/usePagedList.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Button, ButtonLink, PageHeader, Select, TextField } from '../../ui/index.ts';
import { EDITORIAL_STATES } from './codes.ts';
import {
  type Facet,
  facetOptions,
  filtersFromSearch,
  hasFilters,
  type IncidentFilters,
  queryOf,
  searchOf,
} from './filters.ts';
import { Day, IncidentTlp, IntensityMark, isolate } from './format.tsx';
import { listIncidents } from './incidentsApi.ts';
import { EditorialStateBadge, type IncidentLabels, useIncidentLabels } from './labels.tsx';
import { incidentPath, newIncidentPath } from './paths.ts';
import type { IncidentFacets, IncidentSummary } from './types.ts';
import './incidents.css';

const PAGE_SIZE = 25;
/** The filters inside the foldable part of the panel. */
const REFINING_FILTERS = ['type', 'country', 'sector', 'norm', 'from', 'to', 'editorialState'] as const;
const NO_FACETS: IncidentFacets = { types: {}, countries: {}, sectors: {}, norms: {} };
const FACET_COUNTS: Record<Facet, keyof IncidentFacets> = {
  type: 'types',
  country: 'countries',
  sector: 'sectors',
  norm: 'norms',
};

/**
 * /incidents: the incidents the reader may see, with full-text search and facets whose counts cover the whole
 * filtered result. The filters live in the address bar, so a filtered list can be shared or bookmarked.
 */
export function IncidentsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFromSearch(searchParams);
  const filterKey = searchOf(filters).toString();
  const [facets, setFacets] = useState<IncidentFacets>(NO_FACETS);
  usePageTitle(t('incidents.list.title'));

  const list = usePagedList(`incidents:${filterKey}`, async (cursor) => {
    const page = await listIncidents({
      ...queryOf(filters),
      limit: PAGE_SIZE,
      ...(cursor ? { cursor } : {}),
    });
    // Facets cover the whole filtered result, so the first page's are the list's.
    if (!cursor) setFacets(page.facets);
    return page;
  });

  const applyFilters = (next: IncidentFilters) => setSearchParams(searchOf(next), { replace: true });
  const canRecord = user?.memberships.some((membership) => membership.isOrgVerified) ?? false;
  const isMember = (user?.memberships.length ?? 0) > 0;

  return (
    <>
      <PageHeader
        title={t('incidents.list.title')}
        description={t('incidents.list.description')}
        actions={
          <>
            <ButtonLink to="/incidents/dashboard" variant="secondary">
              {t('incidentDashboard.title')}
            </ButtonLink>
            {canRecord && <ButtonLink to={newIncidentPath()}>{t('incidents.list.record')}</ButtonLink>}
          </>
        }
      />
      <div className="cg-inc-list-layout">
        <FilterPanel filters={filters} facets={facets} canFilterByState={isMember} onChange={applyFilters} />
        <section className="cg-stack" aria-labelledby="incident-results-title">
          <div className="cg-inc-results-head">
            <h2 id="incident-results-title">{t('incidents.list.resultsTitle')}</h2>
            <p className="cg-muted cg-small" role="status">
              {list.isLoading ? '' : t('incidents.list.shown', { count: list.items.length })}
              {!list.isLoading && list.hasMore ? ` ${t('incidents.list.moreBelow')}` : ''}
            </p>
          </div>
          <PagedListView
            list={list}
            emptyTitle={hasFilters(filters) ? t('incidents.list.emptyFiltered') : t('incidents.list.empty')}
            emptyText={
              hasFilters(filters) ? t('incidents.list.emptyFilteredHint') : t('incidents.list.emptyHint')
            }
            loadingStyle="inline"
          >
            <ul className="cg-inc-list">
              {list.items.map((incident) => (
                <IncidentItem key={incident.id} incident={incident} />
              ))}
            </ul>
          </PagedListView>
        </section>
      </div>
    </>
  );
}

function FilterPanel({
  filters,
  facets,
  canFilterByState,
  onChange,
}: {
  filters: IncidentFilters;
  facets: IncidentFacets;
  canFilterByState: boolean;
  onChange: (filters: IncidentFilters) => void;
}) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const headingId = useId();
  const [q, setQ] = useState(filters.q);
  const moreFilters = useRef<HTMLDetailsElement>(null);
  const refiningCount = REFINING_FILTERS.filter((name) => filters[name]).length;
  // Beside the list on wide screens the filters show at once; above it on narrow ones they fold away, so the
  // results are not two screens down, unless a link arrives with some of them set.
  // biome-ignore lint/correctness/useExhaustiveDependencies: decided once, when the panel appears.
  useEffect(() => {
    if (!moreFilters.current) return;
    if (refiningCount > 0 || window.matchMedia('(min-width: 60rem)').matches) moreFilters.current.open = true;
  }, []);
  // The box follows the address bar when it changes from outside (back button, a shared link).
  useEffect(() => setQ(filters.q), [filters.q]);

  const set = (name: keyof IncidentFilters, value: string) => onChange({ ...filters, [name]: value });
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    set('q', q.trim());
  };
  const facetLabel: Record<Facet, (code: string) => string> = {
    type: labels.type,
    country: labels.country,
    sector: labels.sector,
    norm: labels.norm,
  };
  const facetSelect = (facet: Facet, label: string, anyLabel: string) => (
    <Select
      label={label}
      value={filters[facet]}
      onChange={(value) => set(facet, value)}
      emptyOption={anyLabel}
      options={facetOptions(facets[FACET_COUNTS[facet]], filters[facet]).map((option) => ({
        value: option.value,
        label: t('incidents.list.facetOption', {
          label: facetLabel[facet](option.value),
          count: option.count,
        }),
      }))}
    />
  );

  return (
    <section className="cg-card cg-inc-filters" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('incidents.list.filtersTitle')}</h2>
      <search className="cg-stack" aria-labelledby={headingId}>
        <form className="cg-inc-search" onSubmit={onSearch}>
          <TextField
            label={t('incidents.list.searchLabel')}
            hint={t('incidents.list.searchHint')}
            type="search"
            value={q}
            onChange={setQ}
            maxLength={200}
            dir="auto"
          />
          <Button type="submit" variant="secondary">
            {t('common.search')}
          </Button>
        </form>
        {filters.actor && (
          <p className="cg-inc-active-filter">
            <span>
              {t('incidents.list.actorFilter', { name: isolate(filters.actorName || filters.actor) })}
            </span>
            <Button
              variant="ghost"
              size="small"
              onClick={() => onChange({ ...filters, actor: '', actorName: '' })}
            >
              {t('incidents.list.removeActorFilter')}
            </Button>
          </p>
        )}
        <details ref={moreFilters} className="cg-inc-more-filters">
          <summary>
            {t('incidents.list.moreFilters')}
            {refiningCount > 0 && (
              <span className="cg-muted"> {t('incidents.list.activeFilters', { count: refiningCount })}</span>
            )}
          </summary>
          <div className="cg-stack">
            <p className="cg-hint">{t('incidents.list.facetsHint')}</p>
            {facetSelect('type', t('incidents.fields.type'), t('incidents.list.anyType'))}
            {facetSelect('country', t('incidents.fields.country'), t('incidents.list.anyCountry'))}
            {facetSelect('sector', t('incidents.fields.sector'), t('incidents.list.anySector'))}
            {facetSelect('norm', t('incidents.fields.norm'), t('incidents.list.anyNorm'))}
            <fieldset className="cg-fieldset">
              <legend>{t('incidents.list.period')}</legend>
              <p className="cg-hint">{t('incidents.list.periodHint')}</p>
              <div className="cg-form-row">
                <TextField
                  label={t('incidents.list.from')}
                  type="date"
                  value={filters.from}
                  max={filters.to || undefined}
                  onChange={(value) => set('from', value)}
                />
                <TextField
                  label={t('incidents.list.to')}
                  type="date"
                  value={filters.to}
                  min={filters.from || undefined}
                  onChange={(value) => set('to', value)}
                />
              </div>
            </fieldset>
            {canFilterByState && (
              <Select
                label={t('incidents.list.state')}
                hint={t('incidents.list.stateHint')}
                value={filters.editorialState}
                onChange={(value) => set('editorialState', value)}
                emptyOption={t('incidents.list.anyState')}
                options={EDITORIAL_STATES.map((state) => ({
                  value: state,
                  label: labels.editorialState(state),
                }))}
              />
            )}
          </div>
        </details>
        {hasFilters(filters) && (
          <div>
            <Button variant="secondary" onClick={() => onChange(filtersFromSearch(new URLSearchParams()))}>
              {t('common.clearFilters')}
            </Button>
          </div>
        )}
      </search>
    </section>
  );
}

function IncidentItem({ incident }: { incident: IncidentSummary }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const titleId = useId();
  return (
    <li className="cg-card cg-inc-item">
      <article aria-labelledby={titleId}>
        <div className="cg-inc-item-head">
          <h3 id={titleId} className="cg-inc-item-title">
            <Link to={incidentPath(incident.id)} dir="auto">
              {incident.title}
            </Link>
          </h3>
          <div className="cg-cluster cg-inc-item-marks">
            <IncidentTlp tlp={incident.tlp} />
            {incident.editorialState !== 'published' && (
              <EditorialStateBadge state={incident.editorialState} />
            )}
            <IntensityMark score={incident.intensity} />
          </div>
        </div>
        <dl className="cg-inc-facts">
          <div>
            <dt>{t('incidents.fields.startedOn')}</dt>
            <dd>
              <Day value={incident.startedOn} emptyText={t('incidents.page.notKnown')} />
            </dd>
          </div>
          {incident.publishedAt && (
            <div>
              <dt>{t('incidents.fields.publishedAt')}</dt>
              <dd>
                <Day value={incident.publishedAt.slice(0, 10)} />
              </dd>
            </div>
          )}
          <div>
            <dt>{t('incidents.fields.status')}</dt>
            <dd>{labels.status(incident.status)}</dd>
          </div>
          <CodeFact label={t('incidents.fields.types')} codes={incident.types} labelOf={labels.type} />
          <CodeFact
            label={t('incidents.fields.countries')}
            codes={incident.countries}
            labelOf={labels.country}
          />
          <CodeFact label={t('incidents.fields.sectors')} codes={incident.sectors} labelOf={labels.sector} />
          <div>
            <dt>{t('incidents.fields.organization')}</dt>
            <dd>
              <bdi>{incident.organization.name}</bdi>
            </dd>
          </div>
        </dl>
      </article>
    </li>
  );
}

function CodeFact({
  label,
  codes,
  labelOf,
}: {
  label: string;
  codes: readonly string[];
  labelOf: IncidentLabels['type'];
}) {
  const labels = useIncidentLabels();
  if (codes.length === 0) return null;
  return (
    <div>
      <dt>{label}</dt>
      <dd>{labels.list(codes.map(labelOf))}</dd>
    </div>
  );
}

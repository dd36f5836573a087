import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useAuth } from '../../app/auth.tsx';
import { PagedListView } from '../../lib/PagedListView.tsx';
import { useNow } from '../../lib/useNow.ts';
import { usePagedList } from '../../lib/usePagedList.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Alert, Button, ButtonLink, PageHeader, PageSpinner, Select, TextField } from '../../ui/index.ts';
import { isCommunityMember, manageableOrganizations } from './access.ts';
import { ContactCard } from './ContactDetails.tsx';
import { CoverageView } from './CoverageView.tsx';
import { SERVICE_CODES, usePocCodes } from './codes.ts';
import { contactsApi } from './contactsApi.ts';
import { FreshnessPanel } from './FreshnessPanel.tsx';
import { coveragePath, nominatePath } from './paths.ts';
import { FILTER_LANGUAGES, useCountries, useLanguageNames, useRegions } from './reference.ts';
import {
  type ContactQuery,
  type ContactSummary,
  FRESHNESS_STATES,
  type Freshness,
  POC_ROLES,
  type PocRole,
  type PocService,
} from './types.ts';
import './contacts.css';

const FILTERS = ['country', 'region', 'role', 'language', 'service', 'freshness', 'q'] as const;
type FilterName = (typeof FILTERS)[number];

/** /contacts: the directory for the verified community; the public coverage view for everyone else. */
export function DirectoryPage() {
  const { t } = useTranslation();
  const { user, isLoading } = useAuth();
  usePageTitle(t('contacts.title'));
  if (isLoading) return <PageSpinner label={t('common.loading')} />;
  if (!isCommunityMember(user)) {
    return (
      <>
        <PageHeader title={t('contacts.title')} description={t('contacts.intro')} />
        <Alert tone="info" title={t('contacts.communityOnlyTitle')}>
          <p>{user ? t('contacts.communityOnlyUnverified') : t('contacts.communityOnlyAnonymous')}</p>
          {!user && <Link to="/sign-in?next=%2Fcontacts">{t('contacts.signIn')}</Link>}
        </Alert>
        <h2 className="cg-poc-section-heading">{t('contacts.coverage.title')}</h2>
        <CoverageView headingLevel={3} />
      </>
    );
  }
  return <Directory />;
}

function Directory() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [searchParams, setSearchParams] = useSearchParams();
  const now = useNow();
  const countries = useCountries();
  const regions = useRegions();
  const languageName = useLanguageNames();
  const { roleLabel, serviceLabel } = usePocCodes();
  const filter = (name: FilterName) => searchParams.get(name) ?? '';
  const [text, setText] = useState(filter('q'));

  const query: ContactQuery = { limit: 50 };
  if (filter('country')) query.country = [filter('country')];
  if (filter('region')) query.region = [filter('region')];
  if (POC_ROLES.includes(filter('role') as PocRole)) query.role = [filter('role') as PocRole];
  if (filter('language')) query.language = [filter('language')];
  if (SERVICE_CODES.includes(filter('service') as PocService))
    query.service = [filter('service') as PocService];
  if (FRESHNESS_STATES.includes(filter('freshness') as Freshness))
    query.freshness = filter('freshness') as Freshness;
  if (filter('q')) query.q = filter('q');
  const key = `contacts:${FILTERS.map(filter).join('|')}`;
  const list = usePagedList(key, (cursor) => contactsApi.list(cursor ? { ...query, cursor } : query));

  const setFilter = (name: FilterName, value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearchParams(next, { replace: true });
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    setFilter('q', text.trim());
  };
  const hasFilters = FILTERS.some((name) => filter(name) !== '');
  const clearFilters = () => {
    setText('');
    setSearchParams(new URLSearchParams(), { replace: true });
  };

  const languageOptions = FILTER_LANGUAGES.map((code) => ({ value: code, label: languageName(code) })).sort(
    (a, b) => regions.compareNames(a.label, b.label),
  );
  const groups = groupByRegion(list.items, (code) => regions.regionName(code), regions.compareNames);
  const ownOrganizations = manageableOrganizations(user);
  const canNominate = ownOrganizations.length > 0;

  return (
    <>
      <PageHeader
        title={t('contacts.title')}
        description={t('contacts.introCommunity')}
        actions={
          <>
            <ButtonLink to={coveragePath()} variant="secondary">
              {t('contacts.coverage.link')}
            </ButtonLink>
            {canNominate && (
              <ButtonLink
                to={nominatePath(
                  ownOrganizations.length === 1 ? ownOrganizations[0]?.organizationId : undefined,
                )}
              >
                {t('contacts.nominate')}
              </ButtonLink>
            )}
          </>
        }
      />
      <div className="cg-stack">
        <FreshnessPanel />
        <search className="cg-card cg-poc-filter-card" aria-label={t('contacts.filters.label')}>
          <form className="cg-poc-filters" onSubmit={onSearch}>
            <Select
              label={t('contacts.filters.country')}
              value={filter('country')}
              onChange={(value) => setFilter('country', value)}
              options={countries.options}
              emptyOption={t('contacts.filters.anyCountry')}
            />
            <Select
              label={t('contacts.filters.region')}
              value={filter('region')}
              onChange={(value) => setFilter('region', value)}
              options={regions.options}
              emptyOption={t('contacts.filters.anyRegion')}
            />
            <Select
              label={t('contacts.filters.role')}
              value={filter('role')}
              onChange={(value) => setFilter('role', value)}
              options={POC_ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
              emptyOption={t('contacts.filters.anyRole')}
            />
            <Select
              label={t('contacts.filters.language')}
              value={filter('language')}
              onChange={(value) => setFilter('language', value)}
              options={languageOptions}
              emptyOption={t('contacts.filters.anyLanguage')}
            />
            <Select
              label={t('contacts.filters.service')}
              value={filter('service')}
              onChange={(value) => setFilter('service', value)}
              options={SERVICE_CODES.map((code) => ({ value: code, label: serviceLabel(code) }))}
              emptyOption={t('contacts.filters.anyService')}
            />
            <Select
              label={t('contacts.filters.freshness')}
              value={filter('freshness')}
              onChange={(value) => setFilter('freshness', value)}
              options={FRESHNESS_STATES.map((state) => ({
                value: state,
                label: t(`contacts.freshness.${state}`),
              }))}
              emptyOption={t('contacts.filters.anyFreshness')}
            />
            <TextField
              label={t('contacts.filters.text')}
              hint={t('contacts.filters.textHint')}
              type="search"
              value={text}
              onChange={setText}
              maxLength={100}
              dir="auto"
              className="cg-poc-filter-text"
            />
            <div className="cg-cluster cg-poc-filter-actions">
              <Button type="submit">{t('common.search')}</Button>
              {hasFilters && (
                <Button variant="secondary" onClick={clearFilters}>
                  {t('common.clearFilters')}
                </Button>
              )}
            </div>
          </form>
        </search>
        <PagedListView
          list={list}
          loadingStyle="inline"
          emptyTitle={hasFilters ? t('contacts.emptyFiltered') : t('contacts.empty')}
          emptyText={hasFilters ? t('contacts.emptyFilteredHint') : t('contacts.emptyHint')}
        >
          {groups.map((group) => (
            <section key={group.code} className="cg-poc-region" aria-labelledby={`region-${group.code}`}>
              <h2 id={`region-${group.code}`}>
                {group.name || t('contacts.noRegion')}{' '}
                <span className="cg-muted cg-small">
                  {t('contacts.entryCount', { count: group.items.length })}
                </span>
              </h2>
              <div className="cg-poc-cards">
                {group.items.map((contact) => (
                  <ContactCard key={contact.id} contact={contact} now={now} />
                ))}
              </div>
            </section>
          ))}
        </PagedListView>
      </div>
    </>
  );
}

/** Entries by the M49 region of their organization's country, regions in alphabetical order, those without last. */
function groupByRegion(
  items: ContactSummary[],
  regionName: (code: string) => string,
  compare: (a: string, b: string) => number,
) {
  const groups = new Map<string, ContactSummary[]>();
  for (const item of items) {
    const code = item.org.regionCode ?? '';
    groups.set(code, [...(groups.get(code) ?? []), item]);
  }
  return [...groups]
    .map(([code, entries]) => ({ code: code || 'none', name: code ? regionName(code) : '', items: entries }))
    .sort((a, b) => (!a.name ? 1 : !b.name ? -1 : compare(a.name, b.name)));
}

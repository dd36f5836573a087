import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { PagedListView } from '../../../lib/PagedListView.tsx';
import { usePagedList } from '../../../lib/usePagedList.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, ButtonLink, PageHeader, Select, type SelectOption, Tabs } from '../../../ui/index.ts';
import { ParticipationBreadcrumb } from '../processes/ParticipationBreadcrumb.tsx';
import { isolate } from './labels.tsx';
import { OwnSubmissions } from './OwnSubmissions.tsx';
import { moderationPath, statementsPath, submitStatementPath } from './paths.ts';
import { StatementList } from './StatementList.tsx';
import { STATEMENT_KINDS, type StatementKind } from './types.ts';
import './statements.css';

/** How many matches of a kind filter the page tries to show before waiting for "load more". */
const KIND_FILTER_TARGET = 20;

/** /participation/statements: published written contributions, by process, kind and organization. */
export function StatementsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const [searchParams, setSearchParams] = useSearchParams();
  const processId = searchParams.get('processId') ?? '';
  const organizationId = searchParams.get('organizationId') ?? '';
  const requestedKind = searchParams.get('kind') as StatementKind | null;
  const kind = requestedKind && STATEMENT_KINDS.includes(requestedKind) ? requestedKind : '';
  const ownOrganizations = user?.memberships.filter((membership) => membership.isOrgVerified) ?? [];
  const tab = searchParams.get('tab') === 'own' && ownOrganizations.length > 0 ? 'own' : 'published';
  usePageTitle(t('statements.title'));

  const processes = useQuery('participation-processes:all', () =>
    call(api.GET('/api/v1/participation/processes', { params: { query: { limit: 100 } } })),
  );
  // Only the tab on show loads its list.
  const list = usePagedList(
    tab === 'published' ? `statements:${processId}:${organizationId}` : null,
    (cursor) =>
      call(
        api.GET('/api/v1/participation/statements', {
          params: {
            query: {
              status: 'published',
              ...(processId ? { processId } : {}),
              ...(organizationId ? { organizationId } : {}),
              limit: 50,
              cursor,
            },
          },
        }),
      ),
  );

  // The API filters by process and organization; the kind is narrowed here, so keep fetching pages
  // until enough matches show rather than leaving the first screen empty.
  const visibleItems = kind ? list.items.filter((item) => item.kind === kind) : list.items;
  const { hasMore, isLoading, isLoadingMore, loadMore } = list;
  const needsMoreMatches = kind !== '' && visibleItems.length < KIND_FILTER_TARGET;
  useEffect(() => {
    if (needsMoreMatches && hasMore && !isLoading && !isLoadingMore) loadMore();
  }, [needsMoreMatches, hasMore, isLoading, isLoadingMore, loadMore]);
  const visibleList = {
    ...list,
    items: visibleItems,
    isLoading: list.isLoading || (visibleItems.length === 0 && list.hasMore && !list.error),
  };

  const setFilter = (name: 'processId' | 'kind' | 'tab', value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearchParams(next, { replace: true });
  };

  const processOptions: SelectOption[] = (processes.data?.items ?? []).map((process) => ({
    value: process.id,
    label: process.title,
  }));
  const kindOptions: SelectOption[] = STATEMENT_KINDS.map((value) => ({
    value,
    label: t(`statements.kinds.${value}`),
  }));
  const canSubmit = ownOrganizations.length > 0;
  const organizationName = list.items[0]?.organization.name;

  const published = (
    <div className="cg-stack">
      <div className="cg-stmt-filters">
        <Select
          label={t('statements.filters.process')}
          value={processId}
          onChange={(value) => setFilter('processId', value)}
          options={processOptions}
          emptyOption={t('statements.filters.allProcesses')}
        />
        <Select
          label={t('statements.filters.kind')}
          value={kind}
          onChange={(value) => setFilter('kind', value)}
          options={kindOptions}
          emptyOption={t('statements.filters.allKinds')}
        />
      </div>
      {canSubmit && !processId && (
        <p className="cg-muted cg-small">{t('statements.chooseProcessToSubmit')}</p>
      )}
      {organizationId && (
        <Alert tone="info">
          <div className="cg-cluster">
            <span>
              {organizationName
                ? t('statements.byOrganization', { organization: isolate(organizationName) })
                : t('statements.byOneOrganization')}
            </span>
            <Link to={statementsPath(processId ? { processId } : {})}>{t('statements.showAll')}</Link>
          </div>
        </Alert>
      )}
      <PagedListView
        list={visibleList}
        loadingStyle="inline"
        emptyTitle={t('statements.empty')}
        emptyText={t('statements.emptyHint')}
      >
        <StatementList statements={visibleItems} headingLevel={2} />
      </PagedListView>
    </div>
  );

  return (
    <>
      <ParticipationBreadcrumb items={[]} />
      <PageHeader
        title={t('statements.title')}
        description={t('statements.intro')}
        actions={
          <>
            {canSubmit && processId && (
              <ButtonLink to={submitStatementPath(processId)}>{t('statements.submit')}</ButtonLink>
            )}
            {user?.isPlatformAdmin && (
              <ButtonLink to={moderationPath()} variant="secondary">
                {t('statements.moderationQueue')}
              </ButtonLink>
            )}
          </>
        }
      />
      {canSubmit ? (
        <Tabs
          label={t('statements.tabsLabel')}
          tabs={[
            { id: 'published', label: t('statements.tabs.published') },
            { id: 'own', label: t('statements.tabs.own') },
          ]}
          selectedId={tab}
          onSelect={(id) => setFilter('tab', id === 'own' ? 'own' : '')}
        >
          <div className="cg-stmt-tab-panel">
            {tab === 'own' ? <OwnSubmissions organizations={ownOrganizations} /> : published}
          </div>
        </Tabs>
      ) : (
        published
      )}
    </>
  );
}

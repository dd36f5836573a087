import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, call } from '../../api/client.ts';
import { PagedListView } from '../../lib/PagedListView.tsx';
import { usePagedList } from '../../lib/usePagedList.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { ButtonLink, PageHeader, Table } from '../../ui/index.ts';
import { VerificationBadge } from './badges.tsx';
import { type OrganizationFilters, OrganizationFiltersForm } from './OrganizationFiltersForm.tsx';
import { useCountries, useStakeholderKinds } from './reference.ts';

const FILTER_NAMES = ['q', 'kind', 'countryCode', 'verificationStatus'] as const;

export function OrganizationsPage() {
  const { t } = useTranslation();
  const [searchParams, setSearchParams] = useSearchParams();
  const { countryName } = useCountries();
  const { kindName } = useStakeholderKinds();
  usePageTitle(t('organizations.title'));

  const filters: OrganizationFilters = {
    q: searchParams.get('q') ?? '',
    kind: searchParams.get('kind') ?? '',
    countryCode: searchParams.get('countryCode') ?? '',
    verificationStatus: searchParams.get('verificationStatus') ?? '',
  };
  const query = Object.fromEntries(
    FILTER_NAMES.filter((name) => filters[name]).map((name) => [name, filters[name]]),
  );

  const list = usePagedList(`organizations:${searchParams.toString()}`, (cursor) =>
    call(api.GET('/api/v1/organizations', { params: { query: { ...query, cursor } } })),
  );

  const applyFilters = (next: OrganizationFilters) => {
    const params = new URLSearchParams();
    for (const name of FILTER_NAMES) if (next[name]) params.set(name, next[name]);
    setSearchParams(params);
  };

  return (
    <>
      <PageHeader
        title={t('organizations.title')}
        description={t('organizations.intro')}
        actions={<ButtonLink to="/organizations/new">{t('organizations.create')}</ButtonLink>}
      />
      <div className="cg-stack">
        <OrganizationFiltersForm key={searchParams.toString()} initial={filters} onApply={applyFilters} />
        <PagedListView
          list={list}
          emptyTitle={t('organizations.empty')}
          emptyText={t('organizations.emptyHint')}
        >
          <Table
            caption={t('organizations.listCaption')}
            isCaptionHidden
            columns={[
              t('fields.name'),
              t('fields.kind'),
              t('fields.country'),
              t('fields.verification'),
              t('organizations.memberCount'),
            ]}
          >
            {list.items.map((organization) => (
              <tr key={organization.id}>
                <td>
                  <Link to={`/organizations/${organization.id}`}>{organization.name}</Link>
                </td>
                <td>{kindName(organization.kind)}</td>
                <td>{countryName(organization.countryCode)}</td>
                <td>
                  <VerificationBadge status={organization.verificationStatus} />
                </td>
                <td>{organization.memberCount}</td>
              </tr>
            ))}
          </Table>
        </PagedListView>
      </div>
    </>
  );
}

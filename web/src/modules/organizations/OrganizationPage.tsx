import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api, call } from '../../api/client.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useQuery } from '../../lib/useQuery.ts';
import { Alert, PageHeader, PageSpinner, type TabItem, Tabs } from '../../ui/index.ts';
import { AuditTab } from './AuditTab.tsx';
import { OrgRoleBadge, VerificationBadge } from './badges.tsx';
import { InvitationsTab } from './InvitationsTab.tsx';
import { MembersTab } from './MembersTab.tsx';
import { OverviewTab } from './OverviewTab.tsx';
import { useStakeholderKinds } from './reference.ts';
import { WebhooksTab } from './WebhooksTab.tsx';

const MANAGER_TABS = ['overview', 'members', 'invitations', 'webhooks', 'audit'] as const;
type TabId = (typeof MANAGER_TABS)[number];

export function OrganizationPage() {
  const { t } = useTranslation();
  const { organizationId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const user = useCurrentUser();
  const { messageOf } = useErrorMessages();
  const { kindName } = useStakeholderKinds();

  const organization = useQuery(`organization:${organizationId}`, () =>
    call(api.GET('/api/v1/organizations/{id}', { params: { path: { id: organizationId } } })),
  );
  usePageTitle(organization.data?.name ?? t('organizations.title'));

  const membership = user.memberships.find((entry) => entry.organizationId === organizationId);
  const canManage = membership?.role === 'org_admin' || user.isPlatformAdmin;
  const canSeeMembers = membership !== undefined || user.isPlatformAdmin;
  const visibleTabs: TabId[] = canManage
    ? [...MANAGER_TABS]
    : canSeeMembers
      ? ['overview', 'members']
      : ['overview'];
  const requestedTab = searchParams.get('tab') as TabId | null;
  const selectedTab: TabId = requestedTab && visibleTabs.includes(requestedTab) ? requestedTab : 'overview';

  if (organization.isLoading && !organization.data) return <PageSpinner label={t('common.loading')} />;
  if (organization.error || !organization.data) {
    return (
      <>
        <PageHeader title={t('organizations.title')} />
        <Alert tone="danger">
          {organization.error ? messageOf(organization.error) : t('errors.unexpected_error')}
        </Alert>
      </>
    );
  }

  const org = organization.data;
  const tabs: TabItem[] = visibleTabs.map((id) => ({ id, label: t(`organizations.tabs.${id}`) }));
  const panels: Record<TabId, () => ReactNode> = {
    overview: () => <OverviewTab organization={org} canManage={canManage} onChanged={organization.setData} />,
    members: () => <MembersTab organizationId={org.id} canManage={canManage} />,
    invitations: () => <InvitationsTab organizationId={org.id} />,
    webhooks: () => <WebhooksTab organizationId={org.id} />,
    audit: () => <AuditTab organizationId={org.id} />,
  };

  return (
    <>
      <PageHeader
        title={org.name}
        description={kindName(org.kind)}
        meta={
          <>
            <VerificationBadge status={org.verificationStatus} />
            {membership && <OrgRoleBadge role={membership.role} />}
          </>
        }
      />
      <Tabs
        label={t('organizations.sectionsLabel')}
        tabs={tabs}
        selectedId={selectedTab}
        onSelect={(id) => setSearchParams(id === 'overview' ? {} : { tab: id }, { replace: true })}
      >
        {panels[selectedTab]()}
      </Tabs>
    </>
  );
}

import { lazy, type ReactNode, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useToast } from '../../../app/toasts.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import {
  Alert,
  Button,
  ButtonLink,
  Dialog,
  PageHeader,
  PageSpinner,
  type TabItem,
  Tabs,
} from '../../../ui/index.ts';
import { FollowButton } from '../following/FollowButton.tsx';
import { meetingsPath, statementsPath } from '../statements/paths.ts';
import { ProcessStatusBadge } from './badges.tsx';
import { ParticipationBreadcrumb } from './ParticipationBreadcrumb.tsx';
import { ProcessForm } from './ProcessForm.tsx';
import { ProcessOverviewTab } from './ProcessOverviewTab.tsx';
import { draftsPath } from './paths.ts';
import { useDayCount } from './useDayCount.ts';
import { isSecretariat } from './viewer.ts';

// The other tabs load when first opened.
const AccreditedTab = lazy(() =>
  import('../accreditation/AccreditedTab.tsx').then((module) => ({ default: module.AccreditedTab })),
);
const ApplicationsTab = lazy(() =>
  import('../accreditation/ApplicationsTab.tsx').then((module) => ({ default: module.ApplicationsTab })),
);
const GroupsTab = lazy(() =>
  import('../groups/GroupsTab.tsx').then((module) => ({ default: module.GroupsTab })),
);

const TABS = ['overview', 'accredited', 'applications', 'groups'] as const;
type TabId = (typeof TABS)[number];

/** /participation/processes/:processId: the modalities, who takes part, the applications and the groups. */
export function ProcessPage() {
  const { t } = useTranslation();
  const { processId = '' } = useParams();
  const [searchParams, setSearchParams] = useSearchParams();
  const { user } = useAuth();
  const toast = useToast();
  const { messageOf } = useErrorMessages();
  const dayCount = useDayCount();
  const [isEditing, setIsEditing] = useState(false);

  const process = useQuery(`process:${processId}`, () =>
    call(api.GET('/api/v1/participation/processes/{id}', { params: { path: { id: processId } } })),
  );
  usePageTitle(process.data?.title ?? t('processes.title'));

  const requestedTab = searchParams.get('tab') as TabId | null;
  const selectedTab: TabId = requestedTab && TABS.includes(requestedTab) ? requestedTab : 'overview';

  if (process.isLoading && !process.data) return <PageSpinner label={t('common.loading')} />;
  if (process.error || !process.data) {
    return (
      <>
        <ParticipationBreadcrumb items={[]} />
        <PageHeader title={t('processes.title')} />
        <Alert tone="danger">{process.error ? messageOf(process.error) : t('errors.unexpected_error')}</Alert>
      </>
    );
  }

  const current = process.data;
  const tabs: TabItem[] = TABS.map((id) => ({ id, label: t(`processes.tabs.${id}`) }));
  const panels: Record<TabId, () => ReactNode> = {
    overview: () => <ProcessOverviewTab process={current} user={user} />,
    accredited: () => <AccreditedTab processId={current.id} />,
    applications: () => <ApplicationsTab processId={current.id} />,
    groups: () => <GroupsTab processId={current.id} />,
  };

  return (
    <>
      <ParticipationBreadcrumb items={[]} />
      <PageHeader
        title={<span dir="auto">{current.title}</span>}
        meta={
          <>
            <ProcessStatusBadge status={current.status} />
            <span className="cg-muted cg-small">
              {t('processes.objectionPeriodIs', { duration: dayCount(current.objectionPeriodDays) })}
            </span>
          </>
        }
        actions={
          <>
            <ButtonLink to={draftsPath(current.id)}>{t('processes.draftsLink')}</ButtonLink>
            <ButtonLink variant="secondary" to={meetingsPath(current.id)}>
              {t('processes.meetingsLink')}
            </ButtonLink>
            <ButtonLink variant="secondary" to={statementsPath({ processId: current.id })}>
              {t('processes.statementsLink')}
            </ButtonLink>
            <FollowButton subjectType="process" subjectId={current.id} />
            {isSecretariat(user) && (
              <Button variant="secondary" onClick={() => setIsEditing(true)}>
                {t('processes.edit')}
              </Button>
            )}
          </>
        }
      />
      <div className="cg-stack">
        {current.status === 'closed' && <Alert tone="warning">{t('processes.closedNotice')}</Alert>}
        <Tabs
          label={t('processes.sectionsLabel')}
          tabs={tabs}
          selectedId={selectedTab}
          onSelect={(id) => setSearchParams(id === 'overview' ? {} : { tab: id }, { replace: true })}
        >
          <Suspense fallback={<PageSpinner label={t('common.loading')} />}>{panels[selectedTab]()}</Suspense>
        </Tabs>
      </div>
      <Dialog isOpen={isEditing} onClose={() => setIsEditing(false)} title={t('processes.editTitle')} isWide>
        <ProcessForm
          process={current}
          onSaved={(updated) => {
            process.setData(updated);
            setIsEditing(false);
            toast(t('processes.saved'));
          }}
          onCancel={() => setIsEditing(false)}
        />
      </Dialog>
    </>
  );
}

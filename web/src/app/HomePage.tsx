import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { useQuery } from '../lib/useQuery.ts';
import { OrgRoleBadge, VerificationBadge } from '../modules/organizations/badges.tsx';
import { Alert, ButtonLink, Card, EmptyState, PageHeader, PageSpinner } from '../ui/index.ts';
import { useAuth } from './auth.tsx';

function SignedOutHome() {
  const { t } = useTranslation();
  const setup = useQuery('setup-status', () => call(api.GET('/api/v1/setup/status')));
  return (
    <>
      <PageHeader title={t('home.welcomeTitle')} description={t('home.intro')} />
      <div className="cg-stack">
        <ParticipationCard />
        <CooperationCard isSignedIn={false} />
        <DisclosureCard isSignedIn={false} />
        <IncidentsCard />
        {setup.data?.isSetupNeeded ? (
          <Alert tone="info" title={t('home.setupNeededTitle')}>
            <p>{t('home.setupNeededText')}</p>
          </Alert>
        ) : (
          <Card title={t('home.signInTitle')}>
            <p>{t('home.signInText')}</p>
            <div className="cg-cluster">
              <ButtonLink to="/sign-in">{t('shell.signIn')}</ButtonLink>
              <Link to="/password-reset">{t('auth.forgotPassword')}</Link>
            </div>
          </Card>
        )}
      </div>
    </>
  );
}

/** Points of contact and requests for assistance: coverage for everyone, the rest once signed in. */
function CooperationCard({ isSignedIn }: { isSignedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <Card title={t('home.cooperationTitle')}>
      <p>{t('home.cooperationText')}</p>
      <ul className="cg-stack-tight">
        <li>
          <Link to="/contacts">{t('home.directoryLink')}</Link>
        </li>
        <li>
          <Link to="/contacts/coverage">{t('home.coverageLink')}</Link>
        </li>
        {isSignedIn && (
          <li>
            <Link to="/requests">{t('home.requestsLink')}</Link>
          </li>
        )}
      </ul>
    </Card>
  );
}

/** Coordinated vulnerability disclosure: reporting for everyone, the queue and cases once signed in. */
function DisclosureCard({ isSignedIn }: { isSignedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <Card title={t('disclosurePrograms.nav')}>
      <p>{t('disclosurePrograms.homeText')}</p>
      <ul className="cg-stack-tight">
        <li>
          <Link to="/disclose">{t('disclosurePrograms.listTitle')}</Link>
        </li>
        <li>
          <Link to="/advisories">{t('advisories.list.title')}</Link>
        </li>
        {isSignedIn && (
          <li>
            <Link to="/disclosure/reports">{t('triage.queue.title')}</Link>
          </li>
        )}
        {isSignedIn && (
          <li>
            <Link to="/disclosure/cases">{t('cases.list.title')}</Link>
          </li>
        )}
      </ul>
    </Card>
  );
}

/** The incident tracker: published incidents and their statistics for everyone. */
function IncidentsCard() {
  const { t } = useTranslation();
  return (
    <Card title={t('incidents.nav')}>
      <p>{t('incidents.homeText')}</p>
      <ul className="cg-stack-tight">
        <li>
          <Link to="/incidents">{t('incidents.list.title')}</Link>
        </li>
        <li>
          <Link to="/incidents/dashboard">{t('incidentDashboard.title')}</Link>
        </li>
      </ul>
    </Card>
  );
}

/** Where a newcomer learns how to take part, and what became of the contributions. */
function ParticipationCard() {
  const { t } = useTranslation();
  return (
    <Card title={t('home.participationTitle')}>
      <p>{t('home.participationText')}</p>
      <ul className="cg-stack-tight">
        <li>
          <Link to="/participation">{t('home.participationLink')}</Link>
        </li>
        <li>
          <Link to="/participation/transparency">{t('home.transparencyLink')}</Link>
        </li>
        <li>
          <Link to="/participation/measures">{t('home.measuresLink')}</Link>
        </li>
        <li>
          <Link to="/participation/search">{t('home.searchLink')}</Link>
        </li>
      </ul>
    </Card>
  );
}

function MembershipsCard({ user }: { user: Me }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('home.yourOrganizations')}
      actions={
        <ButtonLink to="/organizations/new" variant="secondary" size="small">
          {t('organizations.create')}
        </ButtonLink>
      }
    >
      {user.memberships.length === 0 ? (
        <EmptyState title={t('home.noMembershipsTitle')}>{t('home.noMembershipsText')}</EmptyState>
      ) : (
        <ul className="cg-stack-tight">
          {user.memberships.map((membership) => (
            <li key={membership.organizationId} className="cg-cluster">
              <Link to={`/organizations/${membership.organizationId}`}>{membership.organizationName}</Link>
              <OrgRoleBadge role={membership.role} />
              <VerificationBadge status={membership.isOrgVerified ? 'verified' : 'unverified'} />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

function SignedInHome({ user }: { user: Me }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader
        title={t('home.greeting', { name: user.displayName })}
        description={t('home.signedInIntro')}
      />
      <div className="cg-stack">
        {!user.hasTotp && (
          <Alert tone={user.isPlatformAdmin ? 'warning' : 'info'} title={t('home.totpSuggestionTitle')}>
            <p>{user.isPlatformAdmin ? t('status.adminNeedsTotp') : t('home.totpSuggestionText')}</p>
            <Link to="/profile">{t('home.totpSuggestionLink')}</Link>
          </Alert>
        )}
        <MembershipsCard user={user} />
        <CooperationCard isSignedIn />
        <DisclosureCard isSignedIn />
        <IncidentsCard />
        <ParticipationCard />
        {user.isPlatformAdmin && (
          <Card title={t('home.adminTitle')}>
            <ul className="cg-stack-tight">
              <li>
                <Link to="/admin/organizations">{t('admin.verificationQueue')}</Link>
              </li>
              <li>
                <Link to="/admin/users">{t('admin.users')}</Link>
              </li>
              <li>
                <Link to="/admin/audit">{t('admin.auditLog')}</Link>
              </li>
              <li>
                <Link to="/checks">{t('home.checksLink')}</Link>
              </li>
            </ul>
          </Card>
        )}
      </div>
    </>
  );
}

export function HomePage() {
  const { t } = useTranslation();
  const { user, isLoading } = useAuth();
  usePageTitle(t('shell.home'));
  if (isLoading) return <PageSpinner label={t('common.loading')} />;
  return user ? <SignedInHome user={user} /> : <SignedOutHome />;
}

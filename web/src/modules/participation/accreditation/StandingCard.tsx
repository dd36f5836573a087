import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Me, Membership } from '../../../api/types.ts';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { Alert, Badge, ButtonLink, Card, Spinner } from '../../../ui/index.ts';
import { applicationPath, applyPath, signInPath } from '../processes/paths.ts';
import type { Application, Process } from '../processes/types.ts';
import { LIVE_STATUSES } from '../processes/types.ts';
import { canApplyFor } from '../processes/viewer.ts';
import { ApplicationStatusBadge } from './badges.tsx';
import { currentApplicationOf, useOwnApplications } from './useOwnApplications.ts';
import '../processes/participation.css';

type StandingCardProps = { process: Process; user: Me | null };

/** Where each of the viewer's organizations stands in the process, and the way to apply. */
export function StandingCard({ process, user }: StandingCardProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const { messageOf } = useErrorMessages();
  const nonStates = (user?.memberships ?? []).filter((membership) => membership.organizationKind !== 'state');
  const applications = useOwnApplications(process.id, nonStates);

  if (!user) {
    return (
      <Card title={t('accreditation.standing.title')}>
        <p>{t('accreditation.standing.signedOut')}</p>
        <ButtonLink to={signInPath(`${location.pathname}${location.search}`)} variant="secondary">
          {t('shell.signIn')}
        </ButtonLink>
      </Card>
    );
  }
  if (user.memberships.length === 0) {
    return (
      <Card title={t('accreditation.standing.title')}>
        <p>{t('accreditation.standing.noOrganization')}</p>
        <ButtonLink to="/organizations/new" variant="secondary">
          {t('organizations.create')}
        </ButtonLink>
      </Card>
    );
  }
  return (
    <Card title={t('accreditation.standing.title')} description={t('accreditation.standing.intro')}>
      {applications.error && <Alert tone="danger">{messageOf(applications.error)}</Alert>}
      {applications.isLoading && nonStates.length > 0 ? (
        <Spinner label={t('common.loading')} isLabelVisible />
      ) : (
        <ul className="cg-proc-standing">
          {user.memberships.map((membership) => (
            <li key={membership.organizationId}>
              <Link to={`/organizations/${membership.organizationId}`} className="cg-proc-standing-name">
                <bdi>{membership.organizationName}</bdi>
              </Link>
              <MembershipStanding
                membership={membership}
                process={process}
                application={currentApplicationOf(applications.data?.get(membership.organizationId))}
              />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

type MembershipStandingProps = {
  membership: Membership;
  process: Process;
  application: Application | undefined;
};

function MembershipStanding({ membership, process, application }: MembershipStandingProps) {
  const { t } = useTranslation();
  if (membership.organizationKind === 'state') {
    return membership.isOrgVerified ? (
      <div className="cg-stack-tight">
        <div>
          <Badge tone="success">{t('accreditation.standing.byRight')}</Badge>
        </div>
        <p className="cg-muted cg-small">{t('accreditation.standing.byRightText')}</p>
      </div>
    ) : (
      <div className="cg-stack-tight">
        <div>
          <Badge tone="warning">{t('accreditation.standing.awaitingVerification')}</Badge>
        </div>
        <p className="cg-muted cg-small">{t('accreditation.standing.stateUnverifiedText')}</p>
      </div>
    );
  }

  const isLive = application !== undefined && LIVE_STATUSES.includes(application.status);
  const mayApply = canApplyFor(membership) && !isLive && process.status === 'active';
  return (
    <div className="cg-stack-tight">
      <div className="cg-cluster">
        {application ? (
          <>
            <ApplicationStatusBadge status={application.status} />
            <Link to={applicationPath(application.id)}>
              {t('accreditation.standing.viewApplication')}
              <span className="cg-visually-hidden">{` ${membership.organizationName}`}</span>
            </Link>
          </>
        ) : (
          <Badge tone="neutral">{t('accreditation.standing.notAccredited')}</Badge>
        )}
      </div>
      {!isLive && (
        <p className="cg-muted cg-small">{t(`accreditation.standing.${whyNotKey(membership, process)}`)}</p>
      )}
      {mayApply && (
        <div>
          <ButtonLink to={applyPath(process.id, membership.organizationId)} size="small">
            {application ? t('accreditation.standing.applyAgain') : t('accreditation.apply.action')}
            <span className="cg-visually-hidden">{` ${membership.organizationName}`}</span>
          </ButtonLink>
        </div>
      )}
    </div>
  );
}

/** Why the organization is not (or not yet) accredited, as the key of the sentence that says so. */
function whyNotKey(membership: Membership, process: Process) {
  if (process.status !== 'active') return 'closedText' as const;
  if (!membership.isOrgVerified) return 'unverifiedText' as const;
  if (membership.role !== 'org_admin') return 'askAdminText' as const;
  return 'mayApplyText' as const;
}

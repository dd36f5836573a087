import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { useAuth } from '../../app/auth.tsx';
import { useToast } from '../../app/toasts.tsx';
import { DateTime } from '../../lib/dates.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useQuery } from '../../lib/useQuery.ts';
import { Alert, ButtonLink, Card, PageHeader, PageSpinner } from '../../ui/index.ts';
import { OrgRoleBadge } from '../organizations/badges.tsx';
import { AcceptAsSignedIn, AcceptWithNewAccount } from './AcceptForms.tsx';
import { useInvitationToken } from './pendingInvitation.ts';

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token, forget } = useInvitationToken();
  const { user, isLoading: isAuthLoading, signIn, refresh } = useAuth();
  const navigate = useNavigate();
  const toast = useToast();
  const { messageOf } = useErrorMessages();
  usePageTitle(t('invitations.acceptTitle'));

  const lookup = useQuery(token ? `invitation:${token}` : null, () =>
    call(api.POST('/api/v1/invitations/lookup', { body: { token: token ?? '' } })),
  );

  const onAccepted = async (session: { user: Me | null; csrfToken: string | null }) => {
    forget();
    const { user: signedInUser, csrfToken } = session;
    if (signedInUser && csrfToken) signIn({ user: signedInUser, csrfToken }, { isNewAccount: !user });
    else await refresh();
    const organizationName = lookup.data?.organizationName;
    toast(t('invitations.accepted', { organization: organizationName }));
    const membership = signedInUser?.memberships.find((entry) => entry.organizationName === organizationName);
    navigate(membership ? `/organizations/${membership.organizationId}` : '/');
  };

  if (!token) {
    return (
      <div className="cg-main-narrow">
        <PageHeader title={t('invitations.acceptTitle')} />
        <Alert tone="danger">{t('invitations.linkMissing')}</Alert>
      </div>
    );
  }
  if (lookup.isLoading || isAuthLoading) return <PageSpinner label={t('common.loading')} />;
  if (lookup.error?.code === 'invalid_token') forget();
  if (lookup.error || !lookup.data) {
    return (
      <div className="cg-main-narrow">
        <PageHeader title={t('invitations.acceptTitle')} />
        <Alert tone="danger">{lookup.error ? messageOf(lookup.error) : t('errors.unexpected_error')}</Alert>
      </div>
    );
  }

  const invitation = lookup.data;
  const isForCurrentUser = user?.email.toLowerCase() === invitation.email.toLowerCase();
  return (
    <div className="cg-main-narrow">
      <PageHeader
        title={t('invitations.acceptHeading', { organization: invitation.organizationName })}
        description={t('invitations.acceptIntro')}
      />
      <div className="cg-stack">
        <Card>
          <dl className="cg-details-list">
            <dt>{t('fields.organization')}</dt>
            <dd>{invitation.organizationName}</dd>
            <dt>{t('fields.email')}</dt>
            <dd className="cg-ltr">{invitation.email}</dd>
            <dt>{t('fields.role')}</dt>
            <dd>
              <OrgRoleBadge role={invitation.role} />
            </dd>
            <dt>{t('fields.expiresAt')}</dt>
            <dd>
              <DateTime value={invitation.expiresAt} />
            </dd>
          </dl>
        </Card>
        <Card>
          {user && isForCurrentUser && <AcceptAsSignedIn token={token} user={user} onAccepted={onAccepted} />}
          {user && !isForCurrentUser && (
            <Alert tone="warning">
              <p>{t('invitations.wrongAccount', { invited: invitation.email, current: user.email })}</p>
            </Alert>
          )}
          {!user && invitation.hasAccount && (
            <div className="cg-stack">
              <p>{t('invitations.signInToAccept', { email: invitation.email })}</p>
              <div className="cg-cluster">
                <ButtonLink to={`/sign-in?next=${encodeURIComponent('/invitations/accept')}`}>
                  {t('shell.signIn')}
                </ButtonLink>
                <Link to="/password-reset">{t('auth.forgotPassword')}</Link>
              </div>
            </div>
          )}
          {!user && !invitation.hasAccount && (
            <AcceptWithNewAccount token={token} email={invitation.email} onAccepted={onAccepted} />
          )}
        </Card>
      </div>
    </div>
  );
}

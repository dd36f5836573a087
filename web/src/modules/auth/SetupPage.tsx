import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../api/client.ts';
import { useAuth } from '../../app/auth.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { useFragmentToken } from '../../lib/fragment.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useQuery } from '../../lib/useQuery.ts';
import { Alert, Card, PageHeader, PageSpinner } from '../../ui/index.ts';
import { RecoveryCodesPanel } from './RecoveryCodesPanel.tsx';
import { SetupForm } from './SetupForm.tsx';
import { TotpEnrolmentPanel } from './TotpEnrolmentPanel.tsx';

/** First start: the one-time link from the server's console creates the first platform admin, with 2FA. */
export function SetupPage() {
  const { t } = useTranslation();
  const token = useFragmentToken();
  const navigate = useNavigate();
  const { signIn } = useAuth();
  const { messageOf } = useErrorMessages();
  const [recoveryCodes, setRecoveryCodes] = useState<string[]>();
  usePageTitle(t('setup.title'));

  const status = useQuery('setup-status', () => call(api.GET('/api/v1/setup/status')));
  const isSetupNeeded = status.data?.isSetupNeeded === true;
  const enrolment = useQuery(token && isSetupNeeded ? `setup-totp:${token}` : null, () =>
    call(api.POST('/api/v1/setup/totp', { body: { token: token ?? '' } })),
  );

  const header = <PageHeader title={t('setup.title')} description={t('setup.intro')} />;

  if (recoveryCodes) {
    return (
      <div className="cg-main-narrow">
        {header}
        <Card title={t('setup.doneTitle')}>
          <RecoveryCodesPanel
            codes={recoveryCodes}
            onDone={() => navigate('/')}
            doneLabel={t('setup.continue')}
          />
        </Card>
      </div>
    );
  }
  if (status.isLoading || enrolment.isLoading) return <PageSpinner label={t('common.loading')} />;

  let problem: string | undefined;
  if (status.error) problem = messageOf(status.error);
  else if (!isSetupNeeded) problem = t('setup.alreadyDone');
  else if (!token) problem = t('setup.linkMissing');
  else if (enrolment.error) problem = messageOf(enrolment.error);

  return (
    <div className="cg-main-narrow">
      {header}
      {problem || !enrolment.data || !token ? (
        <Alert tone={isSetupNeeded ? 'danger' : 'info'}>
          <p>{problem}</p>
          {!isSetupNeeded && <Link to="/sign-in">{t('shell.signIn')}</Link>}
        </Alert>
      ) : (
        <div className="cg-stack">
          <Card title={t('setup.totpTitle')} description={t('setup.totpIntro')}>
            <TotpEnrolmentPanel enrolment={enrolment.data} />
          </Card>
          <Card title={t('setup.accountTitle')}>
            <SetupForm
              token={token}
              onDone={(result) => {
                signIn(result, { isNewAccount: true });
                setRecoveryCodes(result.recoveryCodes);
              }}
            />
          </Card>
        </div>
      )}
    </div>
  );
}

import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client.ts';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useFragmentToken } from '../../lib/fragment.ts';
import { useAction } from '../../lib/useAction.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Alert, Button, ButtonLink, Card, PageHeader } from '../../ui/index.ts';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields.tsx';

export function PasswordResetCompletePage() {
  const { t } = useTranslation();
  const token = useFragmentToken();
  const { fieldErrorsOf } = useErrorMessages();
  const newPassword = useNewPassword();
  const [isDone, setIsDone] = useState(false);
  usePageTitle(t('auth.resetCompleteTitle'));

  const complete = useAction(async () => {
    await call(
      api.POST('/api/v1/auth/password-reset/complete', {
        body: { token: token ?? '', password: newPassword.password },
      }),
    );
    return true;
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!newPassword.isConfirmed()) return;
    if (await complete.run()) setIsDone(true);
  };

  if (!token) {
    return (
      <div className="cg-main-narrow">
        <PageHeader title={t('auth.resetCompleteTitle')} />
        <Alert tone="danger" title={t('auth.linkMissingTitle')}>
          <p>{t('auth.linkMissingText')}</p>
          <Link to="/password-reset">{t('auth.requestNewLink')}</Link>
        </Alert>
      </div>
    );
  }

  const fieldErrors = fieldErrorsOf(complete.error, { weak_password: 'password' });
  return (
    <div className="cg-main-narrow">
      <PageHeader title={t('auth.resetCompleteTitle')} description={t('auth.resetCompleteIntro')} />
      <Card>
        {isDone ? (
          <Alert tone="success" title={t('auth.resetDoneTitle')} isLive>
            <p>{t('auth.resetDoneText')}</p>
            <ButtonLink to="/sign-in">{t('shell.signIn')}</ButtonLink>
          </Alert>
        ) : (
          <form className="cg-form" onSubmit={onSubmit} noValidate>
            <FormErrorAlert error={complete.error} />
            {complete.error?.code === 'invalid_token' && (
              <Link to="/password-reset">{t('auth.requestNewLink')}</Link>
            )}
            <NewPasswordFields {...newPassword.fieldProps} error={fieldErrors.password} />
            <div>
              <Button type="submit" isBusy={complete.isBusy}>
                {t('auth.resetSave')}
              </Button>
            </div>
          </form>
        )}
      </Card>
    </div>
  );
}

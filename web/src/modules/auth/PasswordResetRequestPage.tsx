import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Alert, Button, Card, PageHeader, TextField } from '../../ui/index.ts';

export function PasswordResetRequestPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [isSent, setIsSent] = useState(false);
  usePageTitle(t('auth.resetTitle'));

  const request = useAction(async () => {
    await call(api.POST('/api/v1/auth/password-reset', { body: { email } }));
    return true;
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // The server answers 202 whether or not the account exists, so the page says the same either way.
    if (await request.run()) setIsSent(true);
  };

  return (
    <div className="cg-main-narrow">
      <PageHeader title={t('auth.resetTitle')} description={t('auth.resetIntro')} />
      <Card>
        {isSent ? (
          <Alert tone="success" title={t('auth.resetSentTitle')} isLive>
            <p>{t('auth.resetSentText', { email })}</p>
            <Link to="/sign-in">{t('auth.backToSignIn')}</Link>
          </Alert>
        ) : (
          <form className="cg-form" onSubmit={onSubmit} noValidate>
            <FormErrorAlert error={request.error} />
            <TextField
              label={t('fields.email')}
              type="email"
              autoComplete="email"
              value={email}
              onChange={setEmail}
              required
            />
            <div className="cg-cluster">
              <Button type="submit" isBusy={request.isBusy}>
                {t('auth.resetSend')}
              </Button>
              <Link to="/sign-in">{t('auth.backToSignIn')}</Link>
            </div>
          </form>
        )}
      </Card>
    </div>
  );
}

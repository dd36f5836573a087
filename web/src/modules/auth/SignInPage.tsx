import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { useAuth } from '../../app/auth.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Alert, Button, Card, Checkbox, PageHeader, TextField } from '../../ui/index.ts';

type Step = 'credentials' | 'second-factor';

export function SignInPage() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const toast = useToast();
  const { fieldErrorsOf } = useErrorMessages();
  const [step, setStep] = useState<Step>('credentials');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [isUsingRecoveryCode, setIsUsingRecoveryCode] = useState(false);
  const codeFieldRef = useRef<HTMLDivElement>(null);
  usePageTitle(t('auth.signInTitle'));

  const login = useAction(async () => {
    const secondFactor =
      step === 'second-factor'
        ? isUsingRecoveryCode
          ? { recoveryCode: code.trim() }
          : { totpCode: code.trim() }
        : {};
    try {
      return await call(api.POST('/api/v1/auth/login', { body: { email, password, ...secondFactor } }));
    } catch (error) {
      // The account has 2FA: not a failure, the next step. Everything else is shown as an error.
      if (error instanceof ApiError && error.code === 'totp_required') {
        setStep('second-factor');
        return undefined;
      }
      throw error;
    }
  });

  useEffect(() => {
    if (step === 'second-factor') codeFieldRef.current?.querySelector('input')?.focus();
  }, [step]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const session = await login.run();
    if (!session) return;
    toast(t('auth.signedIn'));
    // <RequireSignedOut> around this page then redirects to `?next=`.
    signIn(session);
  };

  const fieldErrors = fieldErrorsOf(login.error, { invalid_totp: 'code' });
  const codeLabel = isUsingRecoveryCode ? t('auth.recoveryCode') : t('auth.totpCode');

  return (
    <div className="cg-main-narrow">
      <PageHeader title={t('auth.signInTitle')} />
      <Card>
        <form className="cg-form" onSubmit={onSubmit} noValidate>
          <FormErrorAlert error={login.error} />
          <TextField
            label={t('fields.email')}
            type="email"
            autoComplete="username"
            value={email}
            onChange={setEmail}
            required
            readOnly={step === 'second-factor'}
            error={fieldErrors.email}
          />
          <TextField
            label={t('fields.password')}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={setPassword}
            required
            readOnly={step === 'second-factor'}
            error={fieldErrors.password}
          />
          {step === 'second-factor' && (
            <div className="cg-stack" ref={codeFieldRef}>
              <Alert tone="info" isLive>
                {t('auth.secondFactorNeeded')}
              </Alert>
              <TextField
                label={codeLabel}
                hint={isUsingRecoveryCode ? t('auth.recoveryCodeHint') : t('auth.totpCodeHint')}
                value={code}
                onChange={setCode}
                autoComplete="one-time-code"
                inputMode={isUsingRecoveryCode ? 'text' : 'numeric'}
                isCode
                required
                error={fieldErrors.code}
              />
              <Checkbox
                label={t('auth.useRecoveryCode')}
                checked={isUsingRecoveryCode}
                onChange={(checked) => {
                  setIsUsingRecoveryCode(checked);
                  setCode('');
                }}
              />
            </div>
          )}
          <div className="cg-cluster">
            <Button type="submit" isBusy={login.isBusy}>
              {t('auth.signInAction')}
            </Button>
            <Link to="/password-reset">{t('auth.forgotPassword')}</Link>
          </div>
        </form>
      </Card>
    </div>
  );
}

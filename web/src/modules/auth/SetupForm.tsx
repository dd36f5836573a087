import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { Button, TextField } from '../../ui/index.ts';
import { NewPasswordFields } from './NewPasswordFields.tsx';

type SetupResult = { user: Me; csrfToken: string; recoveryCodes: string[] };

export function SetupForm({ token, onDone }: { token: string; onDone: (result: SetupResult) => void }) {
  const { t } = useTranslation();
  const { fieldErrorsOf } = useErrorMessages();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [isMismatched, setIsMismatched] = useState(false);

  const setup = useAction(() =>
    call(
      api.POST('/api/v1/setup', {
        body: { token, email, displayName, password, totpCode: totpCode.trim() },
      }),
    ),
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsMismatched(password !== confirmation);
    if (password !== confirmation) return;
    const result = await setup.run();
    if (result) onDone(result);
  };

  const fieldErrors = fieldErrorsOf(setup.error, { weak_password: 'password', invalid_totp: 'totpCode' });
  return (
    <form className="cg-form" onSubmit={onSubmit} noValidate>
      <FormErrorAlert error={setup.error} />
      <TextField
        label={t('fields.email')}
        type="email"
        autoComplete="email"
        value={email}
        onChange={setEmail}
        required
        error={fieldErrors.email}
      />
      <TextField
        label={t('fields.displayName')}
        hint={t('fields.displayNameHint')}
        autoComplete="name"
        value={displayName}
        onChange={setDisplayName}
        required
        error={fieldErrors.displayName}
      />
      <NewPasswordFields
        password={password}
        confirmation={confirmation}
        onPasswordChange={setPassword}
        onConfirmationChange={setConfirmation}
        error={fieldErrors.password}
        isMismatched={isMismatched}
      />
      <TextField
        label={t('auth.totpCode')}
        hint={t('setup.totpCodeHint')}
        value={totpCode}
        onChange={setTotpCode}
        autoComplete="one-time-code"
        inputMode="numeric"
        isCode
        required
        error={fieldErrors.totpCode}
      />
      <div>
        <Button type="submit" isBusy={setup.isBusy}>
          {t('setup.submit')}
        </Button>
      </div>
    </form>
  );
}

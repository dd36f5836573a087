import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { Me } from '../../api/types.ts';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { Button, TextField } from '../../ui/index.ts';
import { DisplayNameField } from './DisplayNameField.tsx';
import { NewPasswordFields, useNewPassword } from './NewPasswordFields.tsx';

type SetupResult = { user: Me; csrfToken: string; recoveryCodes: string[] };

export function SetupForm({ token, onDone }: { token: string; onDone: (result: SetupResult) => void }) {
  const { t } = useTranslation();
  const { fieldErrorsOf } = useErrorMessages();
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const newPassword = useNewPassword();
  const [totpCode, setTotpCode] = useState('');

  const setup = useAction(() =>
    call(
      api.POST('/api/v1/setup', {
        body: { token, email, displayName, password: newPassword.password, totpCode: totpCode.trim() },
      }),
    ),
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!newPassword.isConfirmed()) return;
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
      <DisplayNameField value={displayName} onChange={setDisplayName} error={fieldErrors.displayName} />
      <NewPasswordFields {...newPassword.fieldProps} error={fieldErrors.password} />
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

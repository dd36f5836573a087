import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { useToast } from '../../app/toasts.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { Button, Card, TextField } from '../../ui/index.ts';
import { NewPasswordFields, useNewPassword } from '../auth/NewPasswordFields.tsx';

export function PasswordCard() {
  const { t } = useTranslation();
  const toast = useToast();
  const { fieldErrorsOf } = useErrorMessages();
  const [currentPassword, setCurrentPassword] = useState('');
  const newPassword = useNewPassword();

  const change = useAction(async () => {
    await call(
      api.POST('/api/v1/me/password', { body: { currentPassword, newPassword: newPassword.password } }),
    );
    return true;
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!newPassword.isConfirmed()) return;
    if (!(await change.run())) return;
    setCurrentPassword('');
    newPassword.clear();
    toast(t('profile.passwordChanged'));
  };

  const fieldErrors = fieldErrorsOf(change.error, {
    weak_password: 'newPassword',
    wrong_password: 'currentPassword',
  });
  return (
    <Card title={t('profile.passwordTitle')}>
      <form className="cg-form" onSubmit={onSubmit} noValidate>
        <FormErrorAlert error={change.error} />
        <TextField
          label={t('fields.currentPassword')}
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrentPassword}
          required
          error={fieldErrors.currentPassword}
        />
        <NewPasswordFields {...newPassword.fieldProps} error={fieldErrors.newPassword} />
        <div>
          <Button type="submit" isBusy={change.isBusy}>
            {t('profile.changePassword')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

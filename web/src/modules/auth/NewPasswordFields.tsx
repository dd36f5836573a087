import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/index.ts';

type NewPasswordFieldsProps = {
  password: string;
  confirmation: string;
  onPasswordChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
  /** The server's reason (too short, too common…), shown under the password. */
  error?: string | undefined;
  /** Set by the form after a submit with two different entries. */
  isMismatched: boolean;
};

/** A new password typed twice, with the rules in the hint; the password manager is told it is new. */
export function NewPasswordFields({
  password,
  confirmation,
  onPasswordChange,
  onConfirmationChange,
  error,
  isMismatched,
}: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('fields.newPassword')}
        hint={t('auth.passwordHint')}
        type="password"
        autoComplete="new-password"
        value={password}
        onChange={onPasswordChange}
        required
        error={error}
      />
      <TextField
        label={t('fields.confirmPassword')}
        type="password"
        autoComplete="new-password"
        value={confirmation}
        onChange={onConfirmationChange}
        required
        error={isMismatched ? t('auth.passwordsDoNotMatch') : undefined}
      />
    </>
  );
}

/** The state of `NewPasswordFields`: spread `fieldProps` on them and ask `isConfirmed()` on submit. */
export function useNewPassword() {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [isMismatched, setIsMismatched] = useState(false);

  /** Whether both entries match; when they do not, the confirmation field says so. */
  const isConfirmed = () => {
    const isSame = password === confirmation;
    setIsMismatched(!isSame);
    return isSame;
  };
  const clear = () => {
    setPassword('');
    setConfirmation('');
  };
  const fieldProps = {
    password,
    confirmation,
    onPasswordChange: setPassword,
    onConfirmationChange: setConfirmation,
    isMismatched,
  };
  return { password, isConfirmed, clear, fieldProps };
}

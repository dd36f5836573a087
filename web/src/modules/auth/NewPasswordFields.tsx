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

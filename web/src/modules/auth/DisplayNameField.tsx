import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/index.ts';

type DisplayNameFieldProps = { value: string; onChange: (value: string) => void; error?: string | undefined };

/** The name others see on a person's contributions, as asked at setup, on joining and in the profile. */
export function DisplayNameField({ value, onChange, error }: DisplayNameFieldProps) {
  const { t } = useTranslation();
  return (
    <TextField
      label={t('fields.displayName')}
      hint={t('fields.displayNameHint')}
      autoComplete="name"
      value={value}
      onChange={onChange}
      required
      error={error}
    />
  );
}

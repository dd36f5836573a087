import { useTranslation } from 'react-i18next';
import type { ApiError } from '../api/errors.ts';
import { Alert } from '../ui/index.ts';
import { useErrorMessages } from './errorMessages.ts';

/** The error summary of a form, announced when it appears; field details sit beside their fields. */
export function FormErrorAlert({ error }: { error: ApiError | undefined }) {
  const { t } = useTranslation();
  const { messageOf } = useErrorMessages();
  if (!error) return null;
  return (
    <Alert tone="danger" title={t('common.errorTitle')} isLive>
      <p>{messageOf(error)}</p>
    </Alert>
  );
}

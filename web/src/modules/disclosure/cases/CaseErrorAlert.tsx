import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/errors.ts';
import { Alert } from '../../../ui/index.ts';
import { useCaseErrorMessage } from './errors.ts';

/** A form's error, in the case pages' words, announced when it appears. */
export function CaseErrorAlert({ error }: { error: ApiError | undefined }) {
  const { t } = useTranslation();
  const messageOf = useCaseErrorMessage();
  if (!error) return null;
  return (
    <Alert tone="danger" title={t('common.errorTitle')} isLive>
      <p>{messageOf(error)}</p>
    </Alert>
  );
}

/** Text as its author wrote it: line breaks kept, direction from its own first strong character. */
export function PlainText({ text }: { text: string }) {
  return (
    <p className="cg-vdp-text" dir="auto">
      {text}
    </p>
  );
}

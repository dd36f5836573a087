import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/errors.ts';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { translateDynamic } from '../../../lib/translate.ts';

/** Problem codes of the statistics API that these pages explain in their own words. */
const OWN_CODES = new Set(['not_a_state_program', 'forbidden', 'not_found']);

export function useStatisticsErrorMessage() {
  const { t } = useTranslation();
  const { messageOf } = useErrorMessages();
  return (error: ApiError): string =>
    OWN_CODES.has(error.code)
      ? translateDynamic(t, `disclosureStats.errors.${error.code}`, 'errors.unexpected_error')
      : messageOf(error);
}

import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/errors.ts';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { translateDynamic } from '../../lib/translate.ts';

/** Problem codes of the assistance API that these pages explain in their own words. */
const OWN_CODES = new Set([
  'personal_data_detected',
  'mfa_required',
  'not_a_point_of_contact',
  'no_point_of_contact',
  'invalid_recipient',
  'invalid_deadline',
  'invalid_detected_at',
  'invalid_language',
  'not_a_recipient',
  'invalid_addressee',
  'invalid_transition',
]);

/** The message for an API error: the assistance catalog's own for its codes, the common one otherwise. */
export function useAssistanceErrorMessage() {
  const { t } = useTranslation();
  const { messageOf } = useErrorMessages();
  return (error: ApiError): string =>
    OWN_CODES.has(error.code)
      ? translateDynamic(t, `assistance.errors.${error.code}`, 'errors.unexpected_error')
      : messageOf(error);
}

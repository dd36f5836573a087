import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/errors.ts';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { translateDynamic } from '../../../lib/translate.ts';

/** Problem codes of the advisories API that these pages explain in their own words. */
const OWN_CODES = new Set([
  'review_by_author',
  'invalid_transition',
  'advisory_exists',
  'invalid_csaf_document',
  'invalid_csaf_input',
  'forbidden',
  'not_found',
]);

/** The message for an API error: the advisories catalog's own for its codes, the common one otherwise. */
export function useAdvisoryErrorMessage() {
  const { t } = useTranslation();
  const { messageOf } = useErrorMessages();
  return (error: ApiError): string =>
    OWN_CODES.has(error.code)
      ? translateDynamic(t, `advisories.errors.${error.code}`, 'errors.unexpected_error')
      : messageOf(error);
}

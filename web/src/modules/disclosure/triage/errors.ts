import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/errors.ts';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { translateDynamic } from '../../../lib/translate.ts';

/** Problem codes of the disclosure API that the triage pages explain in their own words. */
const OWN_CODES = new Set([
  'invalid_cvss_vector',
  'invalid_cwe_id',
  'invalid_assignee',
  'invalid_transition',
  'close_reason_required',
  'close_reason_unexpected',
  'invalid_duplicate_of',
  'invalid_ssvc_input',
  'encryption_not_expected',
  'not_found',
]);

/** The message for an API error: the triage catalog's own for its codes, the common one otherwise. */
export function useTriageErrorMessage() {
  const { t } = useTranslation();
  const { messageOf } = useErrorMessages();
  return (error: ApiError): string =>
    OWN_CODES.has(error.code)
      ? translateDynamic(t, `triage.errors.${error.code}`, 'errors.unexpected_error')
      : messageOf(error);
}

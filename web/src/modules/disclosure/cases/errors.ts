import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/errors.ts';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { translateDynamic } from '../../../lib/translate.ts';

/** Problem codes of the case API that these pages explain in their own words. */
const OWN_CODES = new Set([
  'invalid_participant_token',
  'case_exists',
  'case_closed',
  'invalid_target_date',
  'invalid_transition',
  'already_recorded',
  'participant_unreachable',
  'already_participant',
  'already_removed',
  'participant_required',
  'no_link',
  'wrong_role',
  'justification_required',
  'justification_unexpected',
  'embargo_exists',
  'embargo_not_possible',
  'invalid_embargo_end',
]);

/** The message for an API error: the case catalog's own for its codes, the common one otherwise. */
export function useCaseErrorMessage() {
  const { t } = useTranslation();
  const { messageOf } = useErrorMessages();
  return (error: ApiError): string =>
    OWN_CODES.has(error.code)
      ? translateDynamic(t, `cases.errors.${error.code}`, 'errors.unexpected_error')
      : messageOf(error);
}

import { useTranslation } from 'react-i18next';
import type { ApiError, FieldProblem } from '../../../api/errors.ts';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { translateDynamic } from '../../../lib/translate.ts';

/** Problem codes of the program API that these pages explain in their own words. */
const OWN_CODES = new Set([
  'forbidden',
  'not_found',
  'invalid_openpgp_key',
  'invalid_language_tag',
  'invalid_transition',
]);

/** The message for an API error: the program pages' own for their codes, the common one otherwise. */
export function useProgramErrorMessage() {
  const { t } = useTranslation();
  const { messageOf } = useErrorMessages();
  return (error: ApiError): string =>
    OWN_CODES.has(error.code)
      ? translateDynamic(t, `disclosurePrograms.errors.${error.code}`, 'errors.unexpected_error')
      : messageOf(error);
}

/** The top-level body field a validation problem is about: `body/scopeIn/3` → `scopeIn`. */
export function bodyFieldOf(problem: FieldProblem): string | undefined {
  if (problem.field) return problem.field;
  const segments = (problem.path ?? '').split(/[/.]/).filter(Boolean);
  return segments[0] === 'body' ? segments[1] : segments[0];
}

/**
 * Messages by form field, for a refused request: schema problems at their fields, and the codes that are
 * about one field (`invalid_openpgp_key`, `invalid_language_tag`) at that field.
 */
export function useFieldErrors(codeFields: Record<string, string>) {
  const { t } = useTranslation();
  const messageOf = useProgramErrorMessage();
  return (error: ApiError | undefined): Record<string, string> => {
    const fields: Record<string, string> = {};
    if (!error) return fields;
    const codeField = codeFields[error.code];
    if (codeField) {
      fields[codeField] = messageOf(error);
      return fields;
    }
    for (const problem of error.errors) {
      const field = bodyFieldOf(problem);
      if (field && !fields[field]) {
        fields[field] = problem.code
          ? translateDynamic(t, `errors.${problem.code}`, 'errors.invalid_value')
          : t('errors.invalid_value');
      }
    }
    return fields;
  };
}

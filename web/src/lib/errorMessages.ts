import { useTranslation } from 'react-i18next';
import { type ApiError, fieldNameOf } from '../api/errors.ts';
import { translateDynamic } from './translate.ts';

/** Messages for API errors, from the `errors.<code>` keys of the catalogs. */
export function useErrorMessages() {
  const { t } = useTranslation();

  const messageOf = (error: ApiError): string => {
    if (error.code === 'too_many_attempts' && error.retryAfterSeconds !== undefined) {
      return t('errors.too_many_attempts_retry', { seconds: error.retryAfterSeconds });
    }
    return translateDynamic(t, `errors.${error.code}`, 'errors.unexpected_error');
  };

  const problemMessageOf = (code: string | undefined): string =>
    code ? translateDynamic(t, `errors.${code}`, 'errors.invalid_value') : t('errors.invalid_value');

  /**
   * Field messages by field name. `codeFields` sends the details of a whole-request code to one field,
   * e.g. `{ weak_password: 'password' }` puts "too short" under the password field.
   */
  const fieldErrorsOf = (
    error: ApiError | undefined,
    codeFields: Record<string, string> = {},
  ): Record<string, string> => {
    const fields: Record<string, string> = {};
    if (!error) return fields;
    const codeField = codeFields[error.code];
    if (codeField) {
      const details = error.errors.map((problem) => problemMessageOf(problem.code));
      fields[codeField] = details.length > 0 ? details.join(' ') : messageOf(error);
      return fields;
    }
    for (const problem of error.errors) {
      const field = fieldNameOf(problem);
      if (field && !fields[field]) fields[field] = problemMessageOf(problem.code);
    }
    return fields;
  };

  return { messageOf, fieldErrorsOf };
}

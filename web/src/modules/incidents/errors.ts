import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/errors.ts';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { translateDynamic } from '../../lib/translate.ts';
import type { FormProblem } from './form.ts';

/** Problem codes of the incidents API that these pages explain in their own words. */
const OWN_CODES = new Set([
  'invalid_incident',
  'invalid_attribution',
  'correction_required',
  'note_required',
  'invalid_transition',
  'incident_withdrawn',
  'forbidden',
  'not_found',
  'validation_failed',
]);

/**
 * Where a problem of the API belongs in a form: `sources.0.url` for a validator's `body/sources/0/url`, or the
 * field a service names (`endedOn`, `correction`). Undefined when it names no field.
 */
export function problemKeyOf(problem: { field?: string; path?: string }): string | undefined {
  if (problem.field) return problem.field;
  if (!problem.path) return undefined;
  const segments = problem.path.split('/').filter(Boolean);
  if (segments[0] === 'body' || segments[0] === 'querystring') segments.shift();
  return segments.length > 0 ? segments.join('.') : undefined;
}

/** Messages for the incidents API's errors, and for the problems a form finds itself. */
export function useIncidentErrors() {
  const { t } = useTranslation();
  const { messageOf } = useErrorMessages();

  const messageOfError = (error: ApiError): string =>
    OWN_CODES.has(error.code)
      ? translateDynamic(t, `incidents.errors.${error.code}`, 'errors.unexpected_error')
      : messageOf(error);

  const messageOfProblem = (problem: FormProblem): string =>
    translateDynamic(t, `incidents.problems.${problem}`, 'errors.invalid_value');

  /**
   * The API's field problems by form key. A service's 422 names one field; the validator may name several,
   * each by its JSON path. Each gets a message in the reader's language, never the server's English.
   */
  const fieldMessagesOf = (error: ApiError | undefined): Record<string, string> => {
    const messages: Record<string, string> = {};
    if (!error) return messages;
    if (error.field) {
      messages[error.field] = translateDynamic(
        t,
        `incidents.errors.fields.${error.field}`,
        `incidents.errors.${error.code}`,
      );
    }
    for (const problem of error.errors) {
      const key = problemKeyOf(problem);
      if (!key || messages[key]) continue;
      messages[key] = translateDynamic(t, `errors.${problem.code ?? ''}`, 'errors.invalid_value');
    }
    return messages;
  };

  return { messageOfError, messageOfProblem, fieldMessagesOf };
}

import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/errors.ts';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { translateDynamic } from '../../../lib/translate.ts';
import { OpenpgpBrowserError } from '../shared/openpgpBrowser.ts';

/** Problem codes of the report API that the researcher's pages explain in their own words. */
const OWN_CODES = new Set([
  'not_found',
  'authentication_required',
  'invalid_reporter_token',
  'too_many_reports',
  'rate_limited',
  'file_too_large',
  'body_too_large',
  'empty_attachment',
  'invalid_base64',
  'credit_name_required',
  'content_or_ciphertext',
  'program_has_no_key',
  'invalid_ciphertext',
  'not_encrypted_to_program',
  'encryption_not_expected',
  'file_unreadable',
]);

/** The message for an API error, or for an encryption that failed in the browser. */
export function useReporterErrorMessage() {
  const { t } = useTranslation();
  const { messageOf } = useErrorMessages();
  return (error: ApiError | OpenpgpBrowserError): string => {
    if (error instanceof OpenpgpBrowserError)
      return translateDynamic(
        t,
        `reporter.encryptionErrors.${error.reason}`,
        'reporter.encryptionErrors.encryption_failed',
      );
    return OWN_CODES.has(error.code)
      ? translateDynamic(t, `reporter.errors.${error.code}`, 'errors.unexpected_error')
      : messageOf(error);
  };
}

/** The per-file limit the server states in a 413 `file_too_large` ("…limited to 10485760 bytes each."). */
export function fileLimitOf(error: ApiError | undefined): number | null {
  if (error?.code !== 'file_too_large') return null;
  const match = /(\d{3,})\s*bytes/.exec(error.detail ?? '');
  return match ? Number(match[1]) : null;
}

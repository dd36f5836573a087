import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/errors.ts';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { translateDynamic } from '../../lib/translate.ts';

/** The contacts API's own codes, whose messages live under `contacts.errors`, and the field each is about. */
export const CONTACT_ERROR_FIELDS: Record<string, string | null> = {
  invalid_language_tag: 'languages',
  invalid_openpgp_key: 'openpgpKey',
  invalid_time_zone: 'timeZone',
  invalid_working_hours: 'end',
  not_a_member: 'userId',
  organization_not_verified: null,
  invalid_token: null,
  token_used: null,
  token_expired: null,
  contact_removed: null,
};

export const isContactErrorCode = (code: string) => Object.hasOwn(CONTACT_ERROR_FIELDS, code);

/** An API error in words: the directory's own codes first, then the shared `errors.*` messages. */
export function useContactErrorMessage() {
  const { t } = useTranslation();
  const { messageOf } = useErrorMessages();
  return (error: ApiError): string =>
    isContactErrorCode(error.code)
      ? translateDynamic(t, `contacts.errors.${error.code}`, 'errors.unexpected_error')
      : messageOf(error);
}

import { useTranslation } from 'react-i18next';
import codes from '../../../../src/modules/contacts/data/codes.json' with { type: 'json' };
import { matchLanguage } from '../../i18n/languages.ts';
import type { PocRole } from './types.ts';

export const POC_ROLES = codes.pocRoles.map((role) => role.code as PocRole);

/** POC role labels in the interface's language, from the contacts module's code list. */
export function useRoleLabel() {
  const { i18n } = useTranslation();
  const language = matchLanguage(i18n.language) ?? 'en';
  return (code: string) => codes.pocRoles.find((role) => role.code === code)?.labels[language] ?? code;
}

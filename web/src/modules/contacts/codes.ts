import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import codes from '../../../../src/modules/contacts/data/codes.json' with { type: 'json' };
import { matchLanguage } from '../../i18n/languages.ts';
import type { PocService } from './types.ts';

type Texts = Record<string, string>;
type CodeEntry = { code: string; labels: Texts; descriptions?: Texts };

const roles = codes.pocRoles as CodeEntry[];
const services = codes.pocServices as CodeEntry[];

/** The service codes in the order the code list gives them. */
export const SERVICE_CODES: readonly PocService[] = services.map((entry) => entry.code as PocService);

const inLanguage = (texts: Texts | undefined, language: string, fallback: string) =>
  texts?.[language] || texts?.en || fallback;

/** Role and service labels (and service descriptions) from the shared code list, in the UI language. */
export function usePocCodes() {
  const { i18n } = useTranslation();
  const language = matchLanguage(i18n.language) ?? 'en';
  return useMemo(() => {
    const roleByCode = new Map(roles.map((entry) => [entry.code, entry]));
    const serviceByCode = new Map(services.map((entry) => [entry.code, entry]));
    return {
      roleLabel: (code: string) => inLanguage(roleByCode.get(code)?.labels, language, code),
      serviceLabel: (code: string) => inLanguage(serviceByCode.get(code)?.labels, language, code),
      serviceDescription: (code: string) => inLanguage(serviceByCode.get(code)?.descriptions, language, ''),
    };
  }, [language]);
}

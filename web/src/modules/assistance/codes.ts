import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import sectors from '../../../../src/core/reference/data/sectors.json' with { type: 'json' };
import assistanceCodes from '../../../../src/modules/assistance/data/codes.json' with { type: 'json' };
import contactCodes from '../../../../src/modules/contacts/data/codes.json' with { type: 'json' };
import { matchLanguage } from '../../i18n/languages.ts';

type Texts = Partial<Record<string, string>>;
type Entry = { code: string; labels: Texts; descriptions?: Texts };

/** The code lists in the six UN languages, as the server keeps them; no catalog repeats these labels. */
const LISTS = {
  messageTypes: assistanceCodes.messageTypes,
  incidentStatuses: assistanceCodes.incidentStatuses,
  impactLevels: assistanceCodes.impactLevels,
  urgencies: assistanceCodes.urgencies,
  requestStatuses: assistanceCodes.requestStatuses,
  decisions: assistanceCodes.decisions,
  pocRoles: contactCodes.pocRoles,
  services: contactCodes.pocServices,
  sectors,
} satisfies Record<string, Entry[]>;

export type CodeList = keyof typeof LISTS;

const INDEX = new Map<CodeList, Map<string, Entry>>(
  (Object.keys(LISTS) as CodeList[]).map((list) => [
    list,
    new Map((LISTS[list] as Entry[]).map((entry) => [entry.code, entry])),
  ]),
);

/** The codes of a list in the order the server keeps them. */
export const codesOf = (list: CodeList): string[] => (LISTS[list] as Entry[]).map((entry) => entry.code);

/** Labels and descriptions of codes in the UI language, falling back to English, then to the code. */
export function useCodeLabels() {
  const { i18n } = useTranslation();
  const language = matchLanguage(i18n.language) ?? 'en';
  return useMemo(() => {
    const pick = (texts: Texts | undefined, fallback: string) => texts?.[language] || texts?.en || fallback;
    return {
      label: (list: CodeList, code: string) => pick(INDEX.get(list)?.get(code)?.labels, code),
      description: (list: CodeList, code: string) => pick(INDEX.get(list)?.get(code)?.descriptions, ''),
    };
  }, [language]);
}

/** Names of BCP 47 language tags in the UI language; the browser knows them, so no catalog lists them. */
export function useLanguageName() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames([language], { type: 'language' });
    } catch {
      names = undefined;
    }
    return (tag: string): string => {
      try {
        return names?.of(tag) ?? tag;
      } catch {
        return tag;
      }
    };
  }, [language]);
}

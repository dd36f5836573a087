import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type LanguageCode, matchLanguage } from '../i18n/languages.ts';

/** Texts keyed by language code, as the server keeps names and labels in the six UN languages. */
export type LocalizedTexts = Partial<Record<string, string>>;

/** The UI language as one of the six UN languages (English otherwise): the language names come in. */
export function useUiLanguage(): LanguageCode {
  const { i18n } = useTranslation();
  return matchLanguage(i18n.language) ?? 'en';
}

/** The text in `language`, falling back to English, then to `fallback`. */
export function inLanguage(texts: LocalizedTexts | undefined, language: string, fallback: string): string {
  return texts?.[language] || texts?.en || fallback;
}

/** One entry of a code list the server keeps (src/…/data/*.json): a code with its labels in six languages. */
export type CodeEntry = { code: string; labels: LocalizedTexts; descriptions?: LocalizedTexts };

/** Named code lists, each indexed by code. */
export type CodeIndex<List extends string> = ReadonlyMap<List, ReadonlyMap<string, CodeEntry>>;

/** Indexes named code lists by code, once, for {@link useCodeLabels}. */
export function indexCodeLists<List extends string>(
  lists: Readonly<Record<List, readonly CodeEntry[]>>,
): CodeIndex<List> {
  return new Map(
    (Object.keys(lists) as List[]).map((list) => [
      list,
      new Map(lists[list].map((entry) => [entry.code, entry])),
    ]),
  );
}

/** Labels and descriptions of codes in the UI language, falling back to English, then to the code (or ''). */
export function useCodeLabels<List extends string>(index: CodeIndex<List>) {
  const language = useUiLanguage();
  return useMemo(
    () => ({
      label: (list: List, code: string) => inLanguage(index.get(list)?.get(code)?.labels, language, code),
      description: (list: List, code: string) =>
        inLanguage(index.get(list)?.get(code)?.descriptions, language, ''),
    }),
    [index, language],
  );
}

/**
 * Names of languages (BCP 47 tags) in the UI language: "Arabic" on an English page, "árabe" on a Spanish
 * one. The browser knows them all, so no catalog lists them; an unknown tag shows as written.
 */
export function useLanguageNames(): (tag: string) => string {
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

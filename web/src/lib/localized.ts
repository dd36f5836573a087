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

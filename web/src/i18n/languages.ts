/** The six UN languages, listed in the switcher by their own names. */
export const LANGUAGES = [
  { code: 'ar', autonym: 'العربية', direction: 'rtl' },
  { code: 'zh', autonym: '中文', direction: 'ltr' },
  { code: 'en', autonym: 'English', direction: 'ltr' },
  { code: 'es', autonym: 'Español', direction: 'ltr' },
  { code: 'fr', autonym: 'Français', direction: 'ltr' },
  { code: 'ru', autonym: 'Русский', direction: 'ltr' },
] as const;

export type LanguageCode = (typeof LANGUAGES)[number]['code'];

export const DEFAULT_LANGUAGE: LanguageCode = 'en';

const codes = new Set<string>(LANGUAGES.map((language) => language.code));

export const isLanguageCode = (value: string): value is LanguageCode => codes.has(value);

/** The supported language for a BCP 47 tag ("fr-CA" → "fr", "zh-Hant-TW" → "zh"), if any. */
export function matchLanguage(tag: string | null | undefined): LanguageCode | undefined {
  if (!tag) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return isLanguageCode(primary) ? primary : undefined;
}

export function directionOf(code: LanguageCode): 'ltr' | 'rtl' {
  return LANGUAGES.find((language) => language.code === code)?.direction ?? 'ltr';
}

/** The first supported language among the stored choice and the browser's preferences. */
export function pickInitialLanguage(
  stored: string | null,
  browserLanguages: readonly string[],
): LanguageCode {
  return (
    matchLanguage(stored) ??
    browserLanguages.map((tag) => matchLanguage(tag)).find((code) => code !== undefined) ??
    DEFAULT_LANGUAGE
  );
}

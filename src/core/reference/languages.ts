/** The six official languages of the United Nations, as BCP 47 primary language subtags. */
export const UN_LANGUAGE_CODES = ['ar', 'zh', 'en', 'es', 'fr', 'ru'] as const;
export type UnLanguageCode = (typeof UN_LANGUAGE_CODES)[number];

/** One text in each of the six UN languages. */
export type LocalizedText = Readonly<Record<UnLanguageCode, string>>;

export interface UnLanguage {
  code: UnLanguageCode;
  /** The language's name in itself, as a language picker shows it. */
  name: string;
  direction: 'ltr' | 'rtl';
}

export const UN_LANGUAGES: readonly UnLanguage[] = Object.freeze([
  { code: 'ar', name: 'العربية', direction: 'rtl' },
  { code: 'zh', name: '中文', direction: 'ltr' },
  { code: 'en', name: 'English', direction: 'ltr' },
  { code: 'es', name: 'Español', direction: 'ltr' },
  { code: 'fr', name: 'Français', direction: 'ltr' },
  { code: 'ru', name: 'Русский', direction: 'ltr' },
]);

export function isUnLanguageCode(value: unknown): value is UnLanguageCode {
  return typeof value === 'string' && (UN_LANGUAGE_CODES as readonly string[]).includes(value);
}

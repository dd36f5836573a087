import { type ElementType, type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, matchLanguage } from '../../../i18n/languages.ts';
import { formattingLocale } from '../../../lib/dates.tsx';
import type { LocalizedText as LocalizedTextValue } from './types.ts';

export type PickedText = {
  text: string;
  /** The language the text is in. */
  language: string;
  /** True when that is not the interface's language, so the page must say so (and set `lang`). */
  isForeign: boolean;
};

const primaryOf = (tag: string) => tag.toLowerCase().split(/[-_]/)[0] ?? tag;

/**
 * Chooses the text to show: the interface's language, then English, then whatever there is.
 * Seeded measures carry all six UN languages; a community measure usually carries only the one it was
 * proposed in.
 */
export function pickText(texts: LocalizedTextValue, uiLanguage: string): PickedText {
  const entries = Object.entries(texts).filter(([, text]) => text.trim() !== '');
  const ui = primaryOf(uiLanguage);
  const found =
    entries.find(([language]) => primaryOf(language) === ui) ??
    entries.find(([language]) => primaryOf(language) === 'en') ??
    entries[0];
  if (!found) return { text: '', language: uiLanguage, isForeign: false };
  const [language, text] = found;
  return { text, language, isForeign: primaryOf(language) !== ui };
}

/** Names of languages in the interface's language ("French", "français", "法语"…). */
export function useLanguageNames() {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  return useMemo(() => {
    let names: Intl.DisplayNames | undefined;
    try {
      names = new Intl.DisplayNames([locale], { type: 'language' });
    } catch {
      names = undefined;
    }
    const languageName = (tag: string) => {
      try {
        return names?.of(tag) ?? tag;
      } catch {
        return tag;
      }
    };
    /** The six UN languages as select options: the name in the interface's language, then its own. */
    const unLanguageOptions = LANGUAGES.map((language) => {
      const name = languageName(language.code);
      return {
        value: language.code,
        label: name === language.autonym ? name : `${name} (${language.autonym})`,
      };
    });
    return { languageName, unLanguageOptions };
  }, [locale]);
}

/** The picker bound to the interface's current language. */
export function useTextPicker() {
  const { i18n } = useTranslation();
  const uiLanguage = matchLanguage(i18n.language) ?? 'en';
  return useMemo(
    () => ({ uiLanguage, pick: (texts: LocalizedTextValue) => pickText(texts, uiLanguage) }),
    [uiLanguage],
  );
}

type TextElementProps = {
  /** The element to render; `span` by default. */
  as?: ElementType;
  className?: string;
  /** Shows "(in French)" after a text that is not in the interface's language. */
  isLanguageMarked?: boolean;
};

/**
 * A title or summary in the best available language. Text in another language than the page's carries
 * its own `lang`, so screen readers switch voice and browsers pick the right fonts and hyphenation.
 */
export function LocalizedText({ texts, ...rest }: TextElementProps & { texts: LocalizedTextValue }) {
  const { pick } = useTextPicker();
  const picked = pick(texts);
  return (
    <InLanguage language={picked.language} {...rest}>
      {picked.text}
    </InLanguage>
  );
}

/** Text that people wrote in a known language (a proposal, an example), marked when it is not the page's. */
export function InLanguage({
  language,
  as: Element = 'span',
  className,
  isLanguageMarked = false,
  children,
}: TextElementProps & { language: string; children: ReactNode }) {
  const { uiLanguage } = useTextPicker();
  if (primaryOf(language) === uiLanguage) {
    return (
      <Element className={className} dir="auto">
        {children}
      </Element>
    );
  }
  return (
    <Element className={className} lang={language} dir="auto">
      {children}
      {isLanguageMarked && <LanguageMark language={language} />}
    </Element>
  );
}

/** A short note in the interface's language saying which language the text before it is in. */
export function LanguageMark({ language }: { language: string }) {
  const { t, i18n } = useTranslation();
  const { languageName } = useLanguageNames();
  return (
    <>
      {' '}
      <span className="cg-cbm-language" lang={i18n.language} dir={i18n.dir(i18n.language)}>
        {t('measures.inLanguage', { language: languageName(language) })}
      </span>
    </>
  );
}

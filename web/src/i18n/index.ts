import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json' with { type: 'json' };
import { DEFAULT_LANGUAGE, directionOf, type LanguageCode, pickInitialLanguage } from './languages.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}

const STORAGE_KEY = 'commonground.language';

// English ships in the main bundle as the fallback; the other catalogs load when chosen.
const catalogLoaders = import.meta.glob<{ default: Record<string, unknown> }>(['./*.json', '!./en.json']);

async function ensureCatalog(code: LanguageCode): Promise<void> {
  if (i18n.hasResourceBundle(code, 'translation')) return;
  const load = catalogLoaders[`./${code}.json`];
  if (!load) return;
  const catalog = await load();
  i18n.addResourceBundle(code, 'translation', catalog.default, true, true);
}

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeLanguage(code: LanguageCode): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // Private browsing may refuse storage; the choice then lasts for this page only.
  }
}

function applyToDocument(code: LanguageCode): void {
  document.documentElement.lang = code;
  document.documentElement.dir = directionOf(code);
}

/** Loads the catalog, switches the UI and the document's lang and dir, and remembers the choice. */
export async function changeLanguage(code: LanguageCode): Promise<void> {
  try {
    await ensureCatalog(code);
  } catch {
    // Offline or a failed chunk: stay usable in English.
    code = DEFAULT_LANGUAGE;
  }
  await i18n.changeLanguage(code);
  applyToDocument(code);
  storeLanguage(code);
}

export async function initI18n(): Promise<void> {
  await i18n.use(initReactI18next).init({
    resources: { en: { translation: en } },
    lng: DEFAULT_LANGUAGE,
    fallbackLng: DEFAULT_LANGUAGE,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  await changeLanguage(
    pickInitialLanguage(readStoredLanguage(), navigator.languages ?? [navigator.language]),
  );
}

export { i18n };

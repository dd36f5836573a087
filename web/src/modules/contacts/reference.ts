import { useMemo } from 'react';
import { useUiLanguage } from '../../lib/localized.ts';
import { namesByCode, useCountryList, useRegionList } from '../../lib/reference.ts';

/** The UN M49 top-level regions (Africa, Americas, Asia, Europe, Oceania), named in the UI language. */
export function useRegions() {
  const language = useUiLanguage();
  const regions = useRegionList();
  return useMemo(() => {
    const names = namesByCode(regions, language);
    const collator = new Intl.Collator(language);
    const options = regions
      .filter((region) => region.level === 'region')
      .map((region) => ({ value: region.code, label: names.get(region.code) ?? region.code }))
      .sort((a, b) => collator.compare(a.label, b.label));
    return {
      options,
      regionName: (code: string | null | undefined) => (code ? (names.get(code) ?? code) : ''),
      compareNames: (a: string, b: string) => collator.compare(a, b),
    };
  }, [regions, language]);
}

/** Language names in the UI language. */
export { useLanguageNames } from '../../lib/localized.ts';

/** Widely used languages a directory search offers by name; the API matches on the primary subtag. */
export const FILTER_LANGUAGES = [
  'ar',
  'zh',
  'en',
  'fr',
  'ru',
  'es',
  'pt',
  'de',
  'it',
  'nl',
  'pl',
  'uk',
  'tr',
  'fa',
  'ur',
  'hi',
  'bn',
  'id',
  'ms',
  'th',
  'vi',
  'ja',
  'ko',
  'sw',
  'am',
  'ha',
  'he',
  'el',
  'ro',
  'sr',
  'hr',
  'ka',
  'hy',
  'kk',
  'uz',
] as const;

/** Countries named and sorted in the UI language, with their M49 region. */
export function useCountries() {
  const language = useUiLanguage();
  const countries = useCountryList();
  return useMemo(() => {
    const collator = new Intl.Collator(language);
    const byCode = new Map(countries.map((country) => [country.code, country]));
    const names = namesByCode(countries, language);
    const options = countries
      .map((country) => ({ value: country.code, label: names.get(country.code) ?? country.code }))
      .sort((a, b) => collator.compare(a.label, b.label));
    return {
      options,
      countryName: (code: string | null | undefined) => (code ? (names.get(code) ?? code) : ''),
      regionOf: (code: string | null | undefined) => (code ? (byCode.get(code)?.regionCode ?? null) : null),
    };
  }, [countries, language]);
}

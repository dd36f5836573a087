import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { matchLanguage } from '../../i18n/languages.ts';
import { formattingLocale } from '../../lib/dates.tsx';

const fetchRegions = () => call(api.GET('/api/v1/reference/regions')).then((result) => result.items);
type Region = Awaited<ReturnType<typeof fetchRegions>>[number];

// The M49 regions do not change while the page is open: fetch them once.
let regionsRequest: Promise<Region[]> | undefined;

function loadRegions(): Promise<Region[]> {
  regionsRequest ??= fetchRegions();
  regionsRequest.catch(() => {
    regionsRequest = undefined;
  });
  return regionsRequest;
}

/** The UN M49 top-level regions (Africa, Americas, Asia, Europe, Oceania), named in the UI language. */
export function useRegions() {
  const { i18n } = useTranslation();
  const language = matchLanguage(i18n.language) ?? 'en';
  const [regions, setRegions] = useState<Region[]>([]);
  useEffect(() => {
    let isCurrent = true;
    loadRegions().then(
      (loaded) => isCurrent && setRegions(loaded),
      () => {
        // Without names the codes show; the data stays readable.
      },
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return useMemo(() => {
    const names = new Map(regions.map((region) => [region.code, region.names[language] || region.names.en]));
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

/** Language names in the UI language (`fr-CA` → "French (Canada)" / "français (Canada)"). */
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
    return (tag: string): string => {
      try {
        return names?.of(tag) ?? tag;
      } catch {
        return tag;
      }
    };
  }, [locale]);
}

/** The current time, updated every minute, for "local time now" on contact cards. */
export function useNow(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(new Date()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

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

const fetchCountries = () => call(api.GET('/api/v1/reference/countries')).then((result) => result.items);
type Country = Awaited<ReturnType<typeof fetchCountries>>[number];
let countriesRequest: Promise<Country[]> | undefined;

function loadCountries(): Promise<Country[]> {
  countriesRequest ??= fetchCountries();
  countriesRequest.catch(() => {
    countriesRequest = undefined;
  });
  return countriesRequest;
}

/** Countries named and sorted in the UI language, with their M49 region. */
export function useCountries() {
  const { i18n } = useTranslation();
  const language = matchLanguage(i18n.language) ?? 'en';
  const [countries, setCountries] = useState<Country[]>([]);
  useEffect(() => {
    let isCurrent = true;
    loadCountries().then(
      (loaded) => isCurrent && setCountries(loaded),
      () => {
        // Without names the ISO codes show.
      },
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return useMemo(() => {
    const collator = new Intl.Collator(language);
    const byCode = new Map(countries.map((country) => [country.code, country]));
    const options = countries
      .map((country) => ({ value: country.code, label: country.names[language] || country.names.en }))
      .sort((a, b) => collator.compare(a.label, b.label));
    const names = new Map(options.map((option) => [option.value, option.label]));
    return {
      options,
      countryName: (code: string | null | undefined) => (code ? (names.get(code) ?? code) : ''),
      regionOf: (code: string | null | undefined) => (code ? (byCode.get(code)?.regionCode ?? null) : null),
    };
  }, [countries, language]);
}

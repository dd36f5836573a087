import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { Country, StakeholderKind } from '../../api/types.ts';
import { matchLanguage } from '../../i18n/languages.ts';
import type { SelectOption } from '../../ui/index.ts';

type Names = Country['names'];

// Reference data does not change while the page is open: fetch each list once and share it.
let countriesRequest: Promise<Country[]> | undefined;
let kindsRequest: Promise<StakeholderKind[]> | undefined;

function loadCountries(): Promise<Country[]> {
  countriesRequest ??= call(api.GET('/api/v1/reference/countries')).then((result) => result.items);
  countriesRequest.catch(() => {
    countriesRequest = undefined;
  });
  return countriesRequest;
}

function loadKinds(): Promise<StakeholderKind[]> {
  kindsRequest ??= call(api.GET('/api/v1/reference/stakeholder-kinds')).then((result) => result.items);
  kindsRequest.catch(() => {
    kindsRequest = undefined;
  });
  return kindsRequest;
}

function useLoaded<T>(load: () => Promise<T[]>): T[] {
  const [items, setItems] = useState<T[]>([]);
  useEffect(() => {
    let isCurrent = true;
    load().then(
      (loaded) => isCurrent && setItems(loaded),
      () => {
        // Without reference data the selects stay empty; the form still shows the server's validation.
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [load]);
  return items;
}

function useNameIn() {
  const { i18n } = useTranslation();
  const language = matchLanguage(i18n.language) ?? 'en';
  return useMemo(() => {
    const collator = new Intl.Collator(language);
    return {
      language,
      nameOf: (names: Names) => names[language] || names.en,
      compare: (a: string, b: string) => collator.compare(a, b),
    };
  }, [language]);
}

/** Countries as select options, named and sorted in the UI language. */
export function useCountries() {
  const countries = useLoaded(loadCountries);
  const { nameOf, compare } = useNameIn();
  return useMemo(() => {
    const options: SelectOption[] = countries
      .map((country) => ({ value: country.code, label: nameOf(country.names) }))
      .sort((a, b) => compare(a.label, b.label));
    const names = new Map(options.map((option) => [option.value, option.label]));
    return { options, countryName: (code: string | null) => (code ? (names.get(code) ?? code) : '') };
  }, [countries, nameOf, compare]);
}

/** Stakeholder kinds as select options, with their names and descriptions in the UI language. */
export function useStakeholderKinds() {
  const kinds = useLoaded(loadKinds);
  const { nameOf } = useNameIn();
  return useMemo(() => {
    const options: SelectOption[] = kinds.map((kind) => ({ value: kind.code, label: nameOf(kind.names) }));
    const byCode = new Map(kinds.map((kind) => [kind.code, kind]));
    return {
      options,
      kindName: (code: string) => {
        const kind = byCode.get(code);
        return kind ? nameOf(kind.names) : code;
      },
      kindDescription: (code: string) => {
        const kind = byCode.get(code);
        return kind ? nameOf(kind.descriptions) : '';
      },
    };
  }, [kinds, nameOf]);
}

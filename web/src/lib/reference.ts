import { useEffect, useState } from 'react';
import { api, call } from '../api/client.ts';
import { inLanguage, type LocalizedTexts } from './localized.ts';

const fetchRegions = () => call(api.GET('/api/v1/reference/regions')).then((result) => result.items);
const fetchCountries = () => call(api.GET('/api/v1/reference/countries')).then((result) => result.items);

/** A UN M49 region or sub-region, with its names in the six UN languages. */
export type Region = Awaited<ReturnType<typeof fetchRegions>>[number];
/** An ISO 3166-1 country, with its names in the six UN languages and its M49 region. */
export type Country = Awaited<ReturnType<typeof fetchCountries>>[number];

/** Fetches on first use and shares the answer; a failed request is forgotten so that a later use retries. */
function fetchOnce<T>(fetch: () => Promise<T>): () => Promise<T> {
  let request: Promise<T> | undefined;
  return () => {
    const pending = request ?? fetch();
    request = pending;
    pending.catch(() => {
      if (request === pending) request = undefined;
    });
    return pending;
  };
}

// Countries and M49 regions do not change while the page is open: each list is fetched once.
const loadRegions = fetchOnce(fetchRegions);
const loadCountries = fetchOnce(fetchCountries);

function useLoaded<T>(load: () => Promise<T[]>): T[] {
  const [items, setItems] = useState<T[]>([]);
  useEffect(() => {
    let isCurrent = true;
    load().then(
      (loaded) => isCurrent && setItems(loaded),
      () => {
        // Without the list, pages show the codes, which still identify the place.
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [load]);
  return items;
}

/** The M49 regions and sub-regions; empty until they load. */
export const useRegionList = (): Region[] => useLoaded(loadRegions);

/** The countries; empty until they load. */
export const useCountryList = (): Country[] => useLoaded(loadCountries);

/** Code → name in `language` (in English where that name is missing). */
export function namesByCode(
  items: readonly { code: string; names: LocalizedTexts }[],
  language: string,
): Map<string, string> {
  return new Map(items.map((item) => [item.code, inLanguage(item.names, language, item.code)]));
}

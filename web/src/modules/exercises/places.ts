import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { matchLanguage } from '../../i18n/languages.ts';

const fetchPlaces = () =>
  Promise.all([
    call(api.GET('/api/v1/reference/countries')).then((result) => result.items),
    call(api.GET('/api/v1/reference/regions')).then((result) => result.items),
  ]).then(([countries, regions]) => ({ countries, regions }));
type Places = Awaited<ReturnType<typeof fetchPlaces>>;
export type Country = Places['countries'][number];
export type Region = Places['regions'][number];

// Countries and M49 regions do not change while the page is open: fetch them once.
let placesRequest: Promise<Places> | undefined;

function loadPlaces() {
  placesRequest ??= fetchPlaces();
  placesRequest.catch(() => {
    placesRequest = undefined;
  });
  return placesRequest;
}

/**
 * Countries and regions with their names in the interface's language. Until they load (or if they
 * cannot), names fall back to the codes, which still identify the place.
 */
export function usePlaces() {
  const { i18n } = useTranslation();
  const language = matchLanguage(i18n.language) ?? 'en';
  const [places, setPlaces] = useState<Places>({ countries: [], regions: [] });
  useEffect(() => {
    let isCurrent = true;
    loadPlaces().then(
      (loaded) => isCurrent && setPlaces(loaded),
      () => {
        // The codes remain, which still read correctly.
      },
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return useMemo(() => {
    const collator = new Intl.Collator(language);
    const countryNames = new Map(places.countries.map((country) => [country.code, country.names[language]]));
    const regionNames = new Map(places.regions.map((region) => [region.code, region.names[language]]));
    const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
    return {
      countryName: (code: string | null) => (code ? (countryNames.get(code) ?? code) : null),
      regionName: (code: string | null) => (code ? (regionNames.get(code) ?? code) : null),
      /** Every country, by name in the interface's language. */
      countries: places.countries
        .map((country) => ({ code: country.code, name: country.names[language] }))
        .sort(byName),
      /** The top-level regions by name, each with its sub-regions by name. */
      regionTree: places.regions
        .filter((region) => region.level === 'region')
        .map((region) => ({
          code: region.code,
          name: region.names[language],
          subregions: places.regions
            .filter((child) => child.parentCode === region.code && child.level === 'subregion')
            .map((child) => ({ code: child.code, name: child.names[language] }))
            .sort(byName),
        }))
        .sort(byName),
    };
  }, [places, language]);
}

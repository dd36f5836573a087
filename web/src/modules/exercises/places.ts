import { useMemo } from 'react';
import { useUiLanguage } from '../../lib/localized.ts';
import { namesByCode, useCountryList, useRegionList } from '../../lib/reference.ts';

/**
 * Countries and regions with their names in the interface's language. Until they load (or if they
 * cannot), names fall back to the codes, which still identify the place.
 */
export function usePlaces() {
  const language = useUiLanguage();
  const countries = useCountryList();
  const regions = useRegionList();
  return useMemo(() => {
    const collator = new Intl.Collator(language);
    const countryNames = namesByCode(countries, language);
    const regionNames = namesByCode(regions, language);
    const named = (code: string, names: Map<string, string>) => ({ code, name: names.get(code) ?? code });
    const byName = (a: { name: string }, b: { name: string }) => collator.compare(a.name, b.name);
    return {
      countryName: (code: string | null) => (code ? (countryNames.get(code) ?? code) : null),
      regionName: (code: string | null) => (code ? (regionNames.get(code) ?? code) : null),
      /** Every country, by name in the interface's language. */
      countries: countries.map((country) => named(country.code, countryNames)).sort(byName),
      /** The top-level regions by name, each with its sub-regions by name. */
      regionTree: regions
        .filter((region) => region.level === 'region')
        .map((region) => ({
          ...named(region.code, regionNames),
          subregions: regions
            .filter((child) => child.parentCode === region.code && child.level === 'subregion')
            .map((child) => named(child.code, regionNames))
            .sort(byName),
        }))
        .sort(byName),
    };
  }, [countries, regions, language]);
}

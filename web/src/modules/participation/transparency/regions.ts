import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client.ts';
import { matchLanguage } from '../../../i18n/languages.ts';

const fetchRegions = () => call(api.GET('/api/v1/reference/regions')).then((result) => result.items);
type Region = Awaited<ReturnType<typeof fetchRegions>>[number];

// The M49 regions do not change while the page is open: fetch them once.
let regionsRequest: ReturnType<typeof fetchRegions> | undefined;

function loadRegions() {
  regionsRequest ??= fetchRegions();
  regionsRequest.catch(() => {
    regionsRequest = undefined;
  });
  return regionsRequest;
}

/** Region names in the interface's language; until they load, the server's English label stands in. */
export function useRegionNames() {
  const { i18n } = useTranslation();
  const language = matchLanguage(i18n.language) ?? 'en';
  const [regions, setRegions] = useState<Region[]>([]);
  useEffect(() => {
    let isCurrent = true;
    loadRegions().then(
      (loaded) => isCurrent && setRegions(loaded),
      () => {
        // Without them the English labels from the statistics remain, which still read correctly.
      },
    );
    return () => {
      isCurrent = false;
    };
  }, []);
  return useMemo(() => {
    const byCode = new Map(regions.map((region) => [region.code, region.names[language]]));
    return (code: string, fallback: string) => byCode.get(code) ?? fallback;
  }, [regions, language]);
}

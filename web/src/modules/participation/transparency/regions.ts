import { useMemo } from 'react';
import { useUiLanguage } from '../../../lib/localized.ts';
import { namesByCode, useRegionList } from '../../../lib/reference.ts';

/** Region names in the interface's language; until they load, the server's English label stands in. */
export function useRegionNames() {
  const language = useUiLanguage();
  const regions = useRegionList();
  return useMemo(() => {
    const byCode = namesByCode(regions, language);
    return (code: string, fallback: string) => byCode.get(code) ?? fallback;
  }, [regions, language]);
}

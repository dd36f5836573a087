import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { translateDynamic } from '../../../lib/translate.ts';

/**
 * Labels of the disclosure code lists, in the UI language. They live in the catalogs under
 * `reporter.status.*`, `reporter.closeReason.*`, `reporter.tristate.*`, `disclosurePrograms.safeHarbor.*`
 * and `disclosurePrograms.policy.*`; a code the catalog does not know shows as written.
 */
export function useDisclosureLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const label = (prefix: string, code: string) =>
      translateDynamic(t, `${prefix}.${code}`, `${prefix}.${code}`, { defaultValue: code });
    return {
      reportStatus: (status: string) => label('reporter.status', status),
      closeReason: (reason: string) => label('reporter.closeReason', reason),
      tristate: (value: string) => label('reporter.tristate', value),
      programStatus: (status: string) => label('disclosurePrograms.status', status),
      safeHarbor: (level: string) => label('disclosurePrograms.safeHarbor', level),
      disclosurePolicy: (policy: string) => label('disclosurePrograms.policy', policy),
    };
  }, [t]);
}

/** "3 days", "1 day", "٣ أيام": a number of days in the UI language, with the language's own plural rules. */
export function useDayCount(): (count: number) => string {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => {
    const format = new Intl.NumberFormat(language, { style: 'unit', unit: 'day', unitDisplay: 'long' });
    return (count: number) => format.format(count);
  }, [language]);
}

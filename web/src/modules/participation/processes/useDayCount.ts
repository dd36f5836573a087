import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formattingLocale } from '../../../lib/dates.tsx';

/**
 * "1 day", "14 days" in the UI language. Intl knows each language's plural forms, which one
 * catalog key with a count placeholder cannot express for Arabic or Russian.
 */
export function useDayCount(): (days: number) => string {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' });
    return (days: number) => format.format(days);
  }, [locale]);
}

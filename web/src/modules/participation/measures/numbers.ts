import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formattingLocale } from '../../../lib/dates.tsx';

/** Counts and shares in the interface's language, with the digits that go with its dates. */
export function useNumberFormatters() {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  return useMemo(() => {
    const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
    return {
      formatCount: (value: number) => integer.format(value),
      /** A share between 0 and 1 as a whole percentage. */
      formatShare: (value: number) => percent.format(value),
    };
  }, [locale]);
}

import { useTranslation } from 'react-i18next';
import type { TlpLabel } from '../../ui/index.ts';

/** One line per TLP 2.0 label on who may receive it, in the UI language; the labels themselves stay in English. */
export function useTlpMeanings(): Record<TlpLabel, string> {
  const { t } = useTranslation();
  return {
    'TLP:RED': t('assistance.tlp.red'),
    'TLP:AMBER+STRICT': t('assistance.tlp.amberStrict'),
    'TLP:AMBER': t('assistance.tlp.amber'),
    'TLP:GREEN': t('assistance.tlp.green'),
    'TLP:CLEAR': t('assistance.tlp.clear'),
  };
}

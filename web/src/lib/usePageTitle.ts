import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title, which screen readers announce on navigation and browsers show in tabs. */
export function usePageTitle(title: string | undefined): void {
  const { t } = useTranslation();
  const productName = t('app.name');
  useEffect(() => {
    document.title = title ? t('app.documentTitle', { page: title, product: productName }) : productName;
  }, [title, productName, t]);
}

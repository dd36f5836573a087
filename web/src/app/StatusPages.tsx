import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../lib/usePageTitle.ts';
import { Alert, ButtonLink, PageHeader } from '../ui/index.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  usePageTitle(t('status.notFoundTitle'));
  return (
    <>
      <PageHeader title={t('status.notFoundTitle')} description={t('status.notFoundText')} />
      <ButtonLink to="/">{t('status.goHome')}</ButtonLink>
    </>
  );
}

export function ForbiddenPage({ needsTotp = false }: { needsTotp?: boolean | undefined }) {
  const { t } = useTranslation();
  usePageTitle(t('status.forbiddenTitle'));
  return (
    <>
      <PageHeader title={t('status.forbiddenTitle')} description={t('status.forbiddenText')} />
      {needsTotp && (
        <Alert tone="warning">
          <p>{t('status.adminNeedsTotp')}</p>
          <ButtonLink to="/profile" variant="secondary">
            {t('status.goToProfile')}
          </ButtonLink>
        </Alert>
      )}
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../app/auth.tsx';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { PageHeader } from '../../ui/index.ts';
import { isCommunityMember } from './access.ts';
import { CoverageView } from './CoverageView.tsx';
import { directoryPath } from './paths.ts';
import './contacts.css';

/** /contacts/coverage: which States have named points of contact. Public. */
export function CoveragePage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  usePageTitle(t('contacts.coverage.title'));
  return (
    <>
      <nav aria-label={t('contacts.breadcrumb')} className="cg-poc-breadcrumb">
        <Link to={directoryPath()}>{t('contacts.title')}</Link>
      </nav>
      <PageHeader title={t('contacts.coverage.title')} description={t('contacts.coverage.intro')} />
      {!isCommunityMember(user) && <p className="cg-muted">{t('contacts.communityOnlyShort')}</p>}
      <CoverageView />
    </>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { ApiError } from '../../../api/errors.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, PageHeader, PageSpinner } from '../../../ui/index.ts';
import { type CaseAuth, isLinkAuth, SESSION_AUTH } from './auth.ts';
import { CaseView } from './CaseView.tsx';
import { getCase } from './casesApi.ts';
import { useCaseErrorMessage } from './errors.ts';
import { casesPath } from './paths.ts';

/** /disclosure/cases/:id: a case for a signed-in coordinator or participant. */
export function CasePage() {
  const { id = '' } = useParams();
  return <CaseScreen caseId={id} auth={SESSION_AUTH} />;
}

type CaseScreenProps = {
  caseId: string;
  auth: CaseAuth;
  /** Shown instead of the generic error when the case cannot be read (the join page explains links). */
  renderError?: (error: ApiError) => ReactNode;
};

/** Loads a case with the given auth and shows it; each change answers with the whole case, shown at once. */
export function CaseScreen({ caseId, auth, renderError }: CaseScreenProps) {
  const { t } = useTranslation();
  const messageOf = useCaseErrorMessage();
  const token = auth.kind === 'session' ? '' : auth.token;
  const query = useQuery(`case:${caseId}:${auth.kind}:${token}`, () => getCase(caseId, auth));
  usePageTitle(query.data?.title ?? t('cases.page.title'));

  if (query.isLoading && !query.data) return <PageSpinner label={t('common.loading')} />;
  if (!query.data) {
    if (query.error && renderError) return renderError(query.error);
    return (
      <>
        <PageHeader title={t('cases.page.title')} />
        <Alert tone="danger">{query.error ? messageOf(query.error) : t('errors.not_found')}</Alert>
        {!isLinkAuth(auth) && <Link to={casesPath()}>{t('cases.page.backToList')}</Link>}
      </>
    );
  }
  return (
    <>
      {!isLinkAuth(auth) && (
        <nav aria-label={t('cases.page.breadcrumb')} className="cg-small">
          <Link to={casesPath()}>{t('cases.page.backToList')}</Link>
        </nav>
      )}
      <CaseView caseRecord={query.data} auth={auth} onChanged={query.setData} />
    </>
  );
}

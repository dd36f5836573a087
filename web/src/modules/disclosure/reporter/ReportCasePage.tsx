import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { Alert, PageHeader } from '../../../ui/index.ts';
import { CaseScreen } from '../cases/CasePage.tsx';
import { readStoredToken } from './token.ts';

/**
 * /reports/track/case?case=…: the case a report became, as its reporter sees it through the report's secret
 * link (kept in this tab by the tracking page): the shared thread, the reporter's private thread with the
 * coordinators, the embargo, and, once published, the statuses and statements.
 */
export function ReportCasePage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const caseId = search.get('case');
  const token = readStoredToken();
  usePageTitle(t('reporter.case.title'));
  if (!token || !caseId || !/^case_[0-9a-z]{26}$/.test(caseId)) {
    return (
      <>
        <PageHeader title={t('reporter.case.title')} />
        <Alert tone="warning">
          <p>{t('reporter.case.noLink')}</p>
          <Link to="/reports/track">{t('reporter.case.backToReport')}</Link>
        </Alert>
      </>
    );
  }
  return (
    <>
      <nav className="cg-small" aria-label={t('reporter.case.breadcrumb')}>
        <Link to="/reports/track">{t('reporter.case.backToReport')}</Link>
      </nav>
      <CaseScreen caseId={caseId} auth={{ kind: 'reporter', token }} />
    </>
  );
}

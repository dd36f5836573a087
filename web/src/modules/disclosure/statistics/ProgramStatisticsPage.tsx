import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, PageHeader, PageSpinner } from '../../../ui/index.ts';
import { useStatisticsErrorMessage } from './errors.ts';
import { ProgramStatisticsPanel } from './ProgramStatisticsPanel.tsx';
import { getProgram } from './statisticsApi.ts';

/** /advisories/programs/:programId/statistics: a program's transparency figures on a page of their own. */
export function ProgramStatisticsPage() {
  const { t } = useTranslation();
  const { programId = '' } = useParams();
  const errorMessage = useStatisticsErrorMessage();
  const program = useQuery(`disclosure-program-for-statistics:${programId}`, () => getProgram(programId));
  usePageTitle(
    program.data
      ? t('disclosureStats.pageTitle', { program: program.data.name })
      : t('disclosureStats.title'),
  );

  if (program.error) {
    return (
      <>
        <PageHeader title={t('disclosureStats.title')} />
        <Alert tone="danger" title={t('common.errorTitle')} isLive>
          <p>{errorMessage(program.error)}</p>
        </Alert>
      </>
    );
  }
  if (!program.data) return <PageSpinner label={t('common.loading')} />;
  return (
    <>
      <nav aria-label={t('disclosureStats.breadcrumb')} className="cg-small">
        <Link to={`/disclose/${encodeURIComponent(program.data.id)}`}>
          {t('disclosureStats.backToProgram')}
        </Link>
      </nav>
      <PageHeader
        title={<span dir="auto">{program.data.name}</span>}
        description={<bdi>{program.data.orgName}</bdi>}
      />
      <ProgramStatisticsPanel
        programId={program.data.id}
        isStateProgram={program.data.isStateProgram}
        canManage={program.data.canManage}
      />
    </>
  );
}

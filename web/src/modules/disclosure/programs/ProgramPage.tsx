import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DateTime } from '../../../lib/dates.tsx';
import { useLanguageNames, useUiLanguage } from '../../../lib/localized.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, ButtonLink, Card, PageHeader, PageSpinner } from '../../../ui/index.ts';
import { useDayCount, useDisclosureLabels } from '../shared/codes.ts';
import { Fingerprint } from '../shared/Fingerprint.tsx';
import { PolicyText } from '../shared/PolicyText.tsx';
import type { Program } from '../shared/types.ts';
import { ProgramStatisticsPanel } from '../statistics/ProgramStatisticsPanel.tsx';
import { useProgramErrorMessage } from './errors.ts';
import { ProgramMarks, ProgramStatusBadge } from './ProgramMarks.tsx';
import {
  editProgramPath,
  programKeyUrl,
  programSecurityTxtUrl,
  programsPath,
  reportFormPath,
} from './paths.ts';
import { getProgram } from './programsApi.ts';
import './programs.css';

/** /disclose/:id: a program's public page, its policy in the reader's language and the way to report. */
export function ProgramPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const language = useUiLanguage();
  const errorMessage = useProgramErrorMessage();
  const program = useQuery(`disclosure-program:${id}:${language}`, () => getProgram(id, language));
  usePageTitle(program.data?.name ?? t('disclosurePrograms.programTitle'));

  if (program.error) {
    return (
      <>
        <PageHeader title={t('disclosurePrograms.programTitle')} />
        <Alert tone="danger" title={t('common.errorTitle')} isLive>
          <p>{errorMessage(program.error)}</p>
          <Link to={programsPath()}>{t('disclosurePrograms.backToList')}</Link>
        </Alert>
      </>
    );
  }
  if (!program.data) return <PageSpinner label={t('common.loading')} />;
  return <ProgramView program={program.data} />;
}

function ProgramView({ program }: { program: Program }) {
  const { t } = useTranslation();
  const labels = useDisclosureLabels();
  const languageName = useLanguageNames();
  const isOpen = program.status === 'published';
  const days = useDayCount();
  const separator = t('disclosurePrograms.listSeparator');

  return (
    <>
      <PageHeader
        title={<span dir="auto">{program.name}</span>}
        description={<bdi>{program.orgName}</bdi>}
        meta={
          <>
            <ProgramStatusBadge status={program.status} />
            <ProgramMarks isStateProgram={program.isStateProgram} hasKey={program.openpgp !== null} />
          </>
        }
        actions={
          program.canManage ? (
            <ButtonLink to={editProgramPath(program.id)} variant="secondary">
              {t('disclosurePrograms.edit')}
            </ButtonLink>
          ) : null
        }
      />
      {!isOpen && (
        <Alert tone="warning">
          {program.status === 'draft'
            ? t('disclosurePrograms.draftNotice')
            : t('disclosurePrograms.retiredNotice')}
        </Alert>
      )}
      <div className="cg-vdp-program-layout">
        <Card className="cg-vdp-policy-card" title={t('disclosurePrograms.policyTitle')}>
          <PolicyText
            markdown={program.policyText}
            lang={program.policyLanguage}
            topHeadingLevel={3}
            isTitleShown={false}
          />
        </Card>
        <aside className="cg-vdp-program-aside" aria-label={t('disclosurePrograms.summaryLabel')}>
          {isOpen && (
            <div className="cg-card cg-vdp-report-cta">
              <ButtonLink to={reportFormPath(program.id)}>
                {t('disclosurePrograms.reportVulnerability')}
              </ButtonLink>
              <p className="cg-small cg-muted">
                {program.openpgp
                  ? t('disclosurePrograms.reportHintEncrypted')
                  : t('disclosurePrograms.reportHint')}
              </p>
            </div>
          )}
          <Card title={t('disclosurePrograms.summaryTitle')}>
            <dl className="cg-vdp-stacked">
              <dt>{t('disclosurePrograms.fields.organization')}</dt>
              <dd>
                <bdi>{program.orgName}</bdi>
              </dd>
              <dt>{t('disclosurePrograms.fields.languages')}</dt>
              <dd>{program.languages.map(languageName).join(separator)}</dd>
              <dt>{t('disclosurePrograms.fields.safeHarbor')}</dt>
              <dd>{labels.safeHarbor(program.safeHarbor)}</dd>
              <dt>{t('disclosurePrograms.fields.disclosurePolicy')}</dt>
              <dd>
                {labels.disclosurePolicy(program.disclosurePolicy)}
                {program.disclosurePolicy === 'coordinated' && <> ({days(program.disclosureDays)})</>}
              </dd>
              <dt>{t('disclosurePrograms.fields.anonymous')}</dt>
              <dd>{program.acceptsAnonymous ? t('disclosurePrograms.yes') : t('disclosurePrograms.no')}</dd>
              <dt>{t('disclosurePrograms.fields.credit')}</dt>
              <dd>{program.offersCredit ? t('disclosurePrograms.yes') : t('disclosurePrograms.no')}</dd>
            </dl>
          </Card>
          <Card title={t('disclosurePrograms.responseTargetsTitle')}>
            <dl className="cg-vdp-stacked">
              <dt>{t('disclosurePrograms.fields.acknowledgeDays')}</dt>
              <dd>{days(program.responseTargets.acknowledgeDays)}</dd>
              <dt>{t('disclosurePrograms.fields.triageDays')}</dt>
              <dd>{days(program.responseTargets.triageDays)}</dd>
              <dt>{t('disclosurePrograms.fields.resolveDays')}</dt>
              <dd>{days(program.responseTargets.resolveDays)}</dd>
            </dl>
          </Card>
          <Card title={t('disclosurePrograms.scopeTitle')}>
            <h3 className="cg-small">{t('disclosurePrograms.fields.scopeIn')}</h3>
            <ul dir="auto">
              {program.scopeIn.map((line) => (
                <li key={line}>
                  <bdi>{line}</bdi>
                </li>
              ))}
            </ul>
            <h3 className="cg-small">{t('disclosurePrograms.fields.scopeOut')}</h3>
            {program.scopeOut.length > 0 ? (
              <ul dir="auto">
                {program.scopeOut.map((line) => (
                  <li key={line}>
                    <bdi>{line}</bdi>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="cg-muted">{t('disclosurePrograms.noExclusions')}</p>
            )}
          </Card>
          <Card title={t('disclosurePrograms.keyTitle')}>
            {program.openpgp ? (
              <div className="cg-stack-tight">
                <span className="cg-small cg-muted">{t('disclosurePrograms.fingerprint')}</span>
                <Fingerprint value={program.openpgp.fingerprint} />
                <span className="cg-small">
                  {program.openpgp.expiresAt ? (
                    <>
                      {t('disclosurePrograms.keyExpires')}{' '}
                      <DateTime value={program.openpgp.expiresAt} isDateOnly />
                    </>
                  ) : (
                    t('disclosurePrograms.keyNoExpiry')
                  )}
                </span>
                <a href={programKeyUrl(program.id)} download>
                  {t('disclosurePrograms.downloadKey')}
                </a>
              </div>
            ) : (
              <p className="cg-muted">{t('disclosurePrograms.noKey')}</p>
            )}
          </Card>
          {program.canManage && (
            <Card title={t('disclosurePrograms.manageTitle')}>
              <div className="cg-stack-tight">
                <Link to={editProgramPath(program.id)}>{t('disclosurePrograms.edit')}</Link>
                <a href={programSecurityTxtUrl(program.id)}>{t('disclosurePrograms.securityTxt')}</a>
                <span className="cg-small cg-muted">{t('disclosurePrograms.securityTxtHint')}</span>
              </div>
            </Card>
          )}
        </aside>
      </div>
      {program.status !== 'draft' && (
        <ProgramStatisticsPanel
          programId={program.id}
          isStateProgram={program.isStateProgram}
          canManage={program.canManage}
          headingLevel={2}
        />
      )}
    </>
  );
}

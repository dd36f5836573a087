import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DateTime } from '../../../lib/dates.tsx';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, ButtonLink, Card, PageHeader, PageSpinner } from '../../../ui/index.ts';
import { casePath, newCasePath } from '../cases/paths.ts';
import { AttachmentList } from './Attachments.tsx';
import { ContentFields, PlainText } from './ContentFields.tsx';
import { type DecryptedReport, DecryptPanel } from './DecryptPanel.tsx';
import { useTriageErrorMessage } from './errors.ts';
import { viewerTimeZone } from './format.ts';
import { OverdueBadge, StatusBadge, useTriageLabels } from './labels.tsx';
import type { UnlockedKeys } from './openpgp.ts';
import { reportPath, reportsPath } from './paths.ts';
import { ReplyForm, ThreadView } from './ReportThread.tsx';
import { SsvcPanel } from './SsvcPanel.tsx';
import { StatusActions } from './StatusActions.tsx';
import { TriageForm, type TriagePrefill } from './TriageForm.tsx';
import { getReport } from './triageApi.ts';
import type { Report } from './types.ts';
import './triage.css';

/** /disclosure/reports/:id: a report as its program's coordinators work it, or as its signed-in reporter follows it. */
export function ReportPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const errorMessage = useTriageErrorMessage();
  const report = useQuery(`triage-report:${id}`, () => getReport(id));
  const data = report.data;
  usePageTitle(
    data
      ? (data.triage?.title ?? data.content?.title ?? `${t('triage.encryptedReport')} ${data.id}`)
      : t('triage.report.title'),
  );

  if (report.isLoading && !data) return <PageSpinner label={t('common.loading')} />;
  if (!data) {
    return (
      <>
        <PageHeader title={t('triage.report.title')} />
        <Alert tone="danger">{report.error ? errorMessage(report.error) : t('errors.not_found')}</Alert>
        <p>
          <Link to={reportsPath()}>{t('triage.backToQueue')}</Link>
        </p>
      </>
    );
  }
  return data.viewerRole === 'coordinator' ? (
    <CoordinatorView key={data.id} report={data} onChanged={report.setData} />
  ) : (
    <ReporterView report={data} onChanged={report.setData} />
  );
}

type ViewProps = { report: Report; onChanged: (report: Report) => void };

function useReportName(report: Report): string {
  const { t } = useTranslation();
  return (
    report.triage?.title ??
    report.content?.title ??
    (report.isEncrypted ? t('triage.encryptedReport') : t('triage.untitledReport'))
  );
}

/** Status, dates and the acknowledgement promise, for either side. */
function StatusDetails({ report }: { report: Report }) {
  const { t } = useTranslation();
  const labels = useTriageLabels();
  const triage = report.triage;
  const isOverdue = triage?.isAcknowledgeOverdue ?? false;
  return (
    <dl className="cg-details-list">
      <dt>{t('triage.report.program')}</dt>
      <dd>
        <bdi>{report.programName}</bdi> · <bdi>{report.orgName}</bdi>
      </dd>
      <dt>{t('triage.report.status')}</dt>
      <dd>
        <span className="cg-cluster">
          <StatusBadge status={report.status} />
          {report.closeReason && <span>{labels.closeReason(report.closeReason)}</span>}
          {report.duplicateOf && (
            <span>
              {t('triage.report.duplicateOf')}{' '}
              <Link to={reportPath(report.duplicateOf)}>
                <code>{report.duplicateOf}</code>
              </Link>
            </span>
          )}
        </span>
      </dd>
      <dt>{t('triage.report.received')}</dt>
      <dd>
        <DateTime value={report.createdAt} />
      </dd>
      {triage && !report.acknowledgedAt && (
        <>
          <dt>{t('triage.report.acknowledgeBy')}</dt>
          <dd>
            <span className="cg-cluster">
              <DateTime value={triage.acknowledgeBy} />
              <span className="cg-small cg-muted">
                {t('triage.report.timeZone', { zone: viewerTimeZone() })}
              </span>
              {isOverdue && report.status !== 'closed' && <OverdueBadge />}
            </span>
            {isOverdue && report.status !== 'closed' && (
              <p className="cg-small">{t('triage.report.overdueText')}</p>
            )}
          </dd>
        </>
      )}
      <dt>{t('triage.report.acknowledged')}</dt>
      <dd>
        <DateTime value={report.acknowledgedAt} emptyText={t('triage.report.notYet')} />
      </dd>
      {report.closedAt && (
        <>
          <dt>{t('triage.report.closed')}</dt>
          <dd>
            <DateTime value={report.closedAt} />
          </dd>
        </>
      )}
      {triage && (
        <>
          <dt>{t('triage.report.credit')}</dt>
          <dd>
            {report.credit.choice === 'name' && report.credit.name ? (
              <bdi>{report.credit.name}</bdi>
            ) : report.credit.choice === 'anonymous' ? (
              t('triage.report.creditAnonymous')
            ) : (
              t('triage.report.creditNone')
            )}
          </dd>
          <dt>{t('triage.report.reporterContact')}</dt>
          <dd>
            {triage.reporterEmail ? (
              <a href={`mailto:${triage.reporterEmail}`} dir="ltr">
                {triage.reporterEmail}
              </a>
            ) : triage.reporterUserId ? (
              t('triage.report.reporterAccount')
            ) : (
              t('triage.report.reporterLinkOnly')
            )}
          </dd>
        </>
      )}
      {report.language && (
        <>
          <dt>{t('triage.report.language')}</dt>
          <dd>
            <code>{report.language}</code>
          </dd>
        </>
      )}
    </dl>
  );
}

function CoordinatorView({ report, onChanged }: ViewProps) {
  const { t } = useTranslation();
  const name = useReportName(report);
  const [keys, setKeys] = useState<UnlockedKeys>();
  const [decrypted, setDecrypted] = useState<DecryptedReport>();
  const [prefill, setPrefill] = useState<TriagePrefill>();
  const forgetKey = () => {
    setKeys(undefined);
    setDecrypted(undefined);
  };
  return (
    <>
      <nav aria-label={t('triage.breadcrumb')} className="cg-small">
        <Link to={reportsPath()}>{t('triage.backToQueue')}</Link>
      </nav>
      <PageHeader
        title={<span dir="auto">{name}</span>}
        meta={
          <>
            <code className="cg-small">{report.id}</code>
            <bdi>{report.programName}</bdi>
            <StatusBadge status={report.status} />
            {report.triage?.isAcknowledgeOverdue && report.status !== 'closed' && <OverdueBadge />}
            {report.isEncrypted && <span className="cg-small">{t('triage.encryptedMark')}</span>}
          </>
        }
      />
      <div className="cg-stack">
        <Card title={t('triage.report.statusTitle')}>
          <div className="cg-stack">
            <StatusDetails report={report} />
            <StatusActions report={report} onChanged={onChanged} />
          </div>
        </Card>
        {(report.caseId || report.status !== 'closed') && (
          <Card title={t('triage.coordination.title')}>
            {report.caseId ? (
              <ul className="cg-stack-tight">
                <li>
                  <Link to={casePath(report.caseId)}>{t('triage.coordination.goTo')}</Link>
                </li>
                {report.advisory && (
                  <li>
                    <Link to={`/advisories/${report.advisory.id}`}>
                      {t('triage.coordination.advisory', { trackingId: report.advisory.trackingId })}
                    </Link>
                  </li>
                )}
              </ul>
            ) : (
              <div className="cg-stack-tight">
                <p>{t('triage.coordination.explain')}</p>
                <div>
                  <ButtonLink to={newCasePath(report.id)}>{t('triage.coordination.open')}</ButtonLink>
                </div>
              </div>
            )}
          </Card>
        )}
        <Card title={t('triage.report.contentTitle')}>
          {report.isEncrypted && report.ciphertext ? (
            <DecryptPanel
              ciphertext={report.ciphertext}
              keys={keys}
              decrypted={decrypted}
              onUnlocked={(unlocked, result) => {
                setKeys(unlocked);
                setDecrypted(result);
              }}
              onForget={forgetKey}
              onCopyToTriage={(content) =>
                setPrefill((previous) => ({
                  title: content.title.trim().slice(0, 200),
                  product: content.product.trim().slice(0, 200),
                  serial: (previous?.serial ?? 0) + 1,
                }))
              }
            />
          ) : report.content ? (
            <ContentFields content={report.content} showTitle />
          ) : (
            <p className="cg-muted">{t('triage.report.noContent')}</p>
          )}
        </Card>
        {report.attachments.length > 0 && (
          <Card title={t('triage.attachments.title')}>
            <AttachmentList
              reportId={report.id}
              attachments={report.attachments}
              keys={keys}
              canDecrypt={report.isEncrypted}
            />
          </Card>
        )}
        <Card title={t('triage.form.heading')}>
          <TriageForm report={report} prefill={prefill} onSaved={onChanged} />
        </Card>
        <Card title={t('triage.ssvc.heading')} description={t('triage.ssvc.intro')}>
          <SsvcPanel report={report} onRecorded={onChanged} />
        </Card>
        <Card title={t('triage.thread.heading')}>
          <div className="cg-stack">
            <ThreadView report={report} keys={keys} />
            <ReplyForm report={report} onSent={onChanged} />
          </div>
        </Card>
      </div>
    </>
  );
}

/** A signed-in researcher's own report: where it stands, what they sent, and the exchange with the program. */
function ReporterView({ report, onChanged }: ViewProps) {
  const { t } = useTranslation();
  const name = useReportName(report);
  return (
    <>
      <nav aria-label={t('triage.breadcrumb')} className="cg-small">
        <Link to={reportsPath('mine')}>{t('triage.backToMine')}</Link>
      </nav>
      <PageHeader
        title={<span dir="auto">{name}</span>}
        meta={
          <>
            <code className="cg-small">{report.id}</code>
            <bdi>{report.programName}</bdi>
            <StatusBadge status={report.status} />
          </>
        }
      />
      <div className="cg-stack">
        <Card title={t('triage.report.statusTitle')}>
          <StatusDetails report={report} />
        </Card>
        <Card title={t('triage.report.yourReport')}>
          {report.content ? (
            <ContentFields content={report.content} showTitle />
          ) : (
            <PlainText text={t('triage.report.sentEncrypted')} />
          )}
        </Card>
        {report.attachments.length > 0 && (
          <Card title={t('triage.attachments.title')}>
            <AttachmentList reportId={report.id} attachments={report.attachments} canDecrypt={false} />
          </Card>
        )}
        <Card title={t('triage.thread.headingReporter')}>
          <div className="cg-stack">
            <ThreadView report={report} />
            <ReplyForm report={report} onSent={onChanged} />
          </div>
        </Card>
      </div>
    </>
  );
}

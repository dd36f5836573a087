import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Badge, Card, PageHeader } from '../../../ui/index.ts';
import { advisoryPath, newAdvisoryPath } from '../advisories/paths.ts';
import { useDayCount } from '../shared/codes.ts';
import { PlainText } from './CaseErrorAlert.tsx';
import { CaseStatusBadge, useCaseLabels } from './labels.tsx';
import type { Case } from './types.ts';
import { ZonedTime } from './ZonedTime.tsx';

/** What everyone in the case must know first: whether an embargo holds, and until when. */
export function EmbargoBanner({ caseRecord }: { caseRecord: Case }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const embargo = caseRecord.embargo;
  if (!embargo || embargo.state === 'none') return null;
  const end = <ZonedTime value={embargo.endsAt} withUtc />;
  if (embargo.state === 'active' || embargo.state === 'revise') {
    return (
      <Alert tone="warning" title={t('cases.banner.activeTitle')} className="cg-case-banner">
        <p>
          {t('cases.banner.activeUntil')} <strong>{end}</strong>
        </p>
        {embargo.state === 'revise' && embargo.proposedEndsAt && (
          <p>
            {t('cases.banner.revisionProposed')} <ZonedTime value={embargo.proposedEndsAt} withUtc />
          </p>
        )}
        <p className="cg-small">{t('cases.banner.activeRule')}</p>
      </Alert>
    );
  }
  if (embargo.state === 'proposed') {
    return (
      <Alert tone="info" title={t('cases.banner.proposedTitle')} className="cg-case-banner">
        <p>
          {t('cases.banner.proposedUntil')} {end}
        </p>
      </Alert>
    );
  }
  return (
    <Alert tone="info" className="cg-case-banner">
      <p>
        {t('cases.banner.exited')}{' '}
        {embargo.exitReason ? labels.exitReason(embargo.exitReason) : labels.embargoState(embargo.state)}
        {embargo.exitedAt && (
          <>
            {' · '}
            <ZonedTime value={embargo.exitedAt} />
          </>
        )}
      </p>
    </Alert>
  );
}

/** The case's title with its status and the marks that change how it is handled. */
export function CaseTitle({ caseRecord }: { caseRecord: Case }) {
  const { t } = useTranslation();
  return (
    <PageHeader
      title={<span dir="auto">{caseRecord.title}</span>}
      meta={
        <>
          <CaseStatusBadge status={caseRecord.status} />
          <code className="cg-small">{caseRecord.id}</code>
          {caseRecord.cveId && (
            <code className="cg-small" translate="no">
              {caseRecord.cveId}
            </code>
          )}
          {caseRecord.exploitedAt && <Badge tone="danger">{t('cases.marks.exploited')}</Badge>}
          {caseRecord.publicAt && <Badge tone="warning">{t('cases.marks.public')}</Badge>}
          {caseRecord.publishedAt && <Badge tone="success">{t('cases.marks.published')}</Badge>}
        </>
      }
    />
  );
}

/** The facts of the case: who coordinates, the target date, identifiers and scores, and the summary. */
export function CaseDetails({ caseRecord }: { caseRecord: Case }) {
  const { t } = useTranslation();
  const dayCount = useDayCount();
  const { cvss } = caseRecord;
  return (
    <Card title={t('cases.details.title')}>
      <dl className="cg-details-list">
        <dt>{t('cases.details.coordinator')}</dt>
        <dd>
          <bdi>{caseRecord.coordinatorName}</bdi>
        </dd>
        <dt>{t('cases.details.target')}</dt>
        <dd>
          <ZonedTime value={caseRecord.targetDate} withUtc />
          {caseRecord.targetDays !== null && (
            <span className="cg-muted cg-small">
              {' '}
              · {t('cases.details.targetDays', { days: dayCount(caseRecord.targetDays) })}
            </span>
          )}
        </dd>
        <dt>{t('cases.details.advisory')}</dt>
        <dd>
          {caseRecord.advisory ? (
            <Link to={advisoryPath(caseRecord.advisory.id)}>
              <code translate="no">{caseRecord.advisory.trackingId}</code>
            </Link>
          ) : caseRecord.viewer.isCoordinator ? (
            <Link to={newAdvisoryPath(caseRecord.id)}>{t('cases.details.draftAdvisory')}</Link>
          ) : (
            <span className="cg-muted">{t('cases.details.noAdvisory')}</span>
          )}
        </dd>
        <dt>{t('cases.details.cve')}</dt>
        <dd>
          {caseRecord.cveId ? (
            <code translate="no">{caseRecord.cveId}</code>
          ) : (
            <span className="cg-muted">{t('cases.details.noCve')}</span>
          )}
        </dd>
        <dt>{t('cases.details.cvss')}</dt>
        <dd>
          {cvss.v3 || cvss.v4 ? (
            <ul className="cg-case-plain-list">
              {[cvss.v4 && { label: 'CVSS 4.0', ...cvss.v4 }, cvss.v3 && { label: 'CVSS 3.1', ...cvss.v3 }]
                .filter((score) => score !== null)
                .map((score) => (
                  <li key={score.label}>
                    <span lang="en">{score.label}</span> <strong>{score.baseScore.toFixed(1)}</strong>{' '}
                    <code className="cg-case-vector" dir="ltr" translate="no">
                      {score.vector}
                    </code>
                  </li>
                ))}
            </ul>
          ) : (
            <span className="cg-muted">{t('cases.details.notScored')}</span>
          )}
        </dd>
        <dt>{t('cases.details.cwe')}</dt>
        <dd>
          {caseRecord.cweIds.length > 0 ? (
            <span className="cg-cluster">
              {caseRecord.cweIds.map((id) => (
                <code key={id} translate="no">
                  {id}
                </code>
              ))}
            </span>
          ) : (
            <span className="cg-muted">{t('cases.details.notScored')}</span>
          )}
        </dd>
        <dt>{t('cases.details.exploited')}</dt>
        <dd>
          {caseRecord.exploitedAt ? (
            <span>
              {t('cases.details.since')} <ZonedTime value={caseRecord.exploitedAt} />
            </span>
          ) : (
            <span className="cg-muted">{t('cases.details.notKnown')}</span>
          )}
        </dd>
        <dt>{t('cases.details.public')}</dt>
        <dd>
          {caseRecord.publicAt ? (
            <span>
              {t('cases.details.since')} <ZonedTime value={caseRecord.publicAt} />
            </span>
          ) : (
            <span className="cg-muted">{t('cases.details.notPublic')}</span>
          )}
        </dd>
        {caseRecord.closedAt && (
          <>
            <dt>{t('cases.details.closed')}</dt>
            <dd>
              <ZonedTime value={caseRecord.closedAt} />
            </dd>
          </>
        )}
      </dl>
      <h3 className="cg-case-subheading">{t('cases.details.summary')}</h3>
      {caseRecord.summary.trim() ? (
        <PlainText text={caseRecord.summary} />
      ) : (
        <p className="cg-muted">{t('cases.details.noSummary')}</p>
      )}
    </Card>
  );
}

import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Card, CopyButton, PageHeader } from '../../../ui/index.ts';
import { programPath } from '../programs/paths.ts';
import { useDayCount } from '../shared/codes.ts';
import type { CreatedReport, Program } from '../shared/types.ts';
import { trackLinkPath } from './paths.ts';

/**
 * What a researcher must keep after sending: the secret link, shown this once. It lives only in this
 * component's props, never in the address bar or the history, and the server keeps only its hash.
 */
export function ReportSentPanel({ created, program }: { created: CreatedReport; program: Program }) {
  const { t } = useTranslation();
  const days = useDayCount();
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    heading.current?.focus();
  }, []);

  return (
    <>
      <PageHeader
        title={t('reporter.sent.title')}
        description={t('reporter.sent.intro', { program: program.name })}
      />
      <div className="cg-stack">
        <section className="cg-vdp-save-link" aria-labelledby="report-save-link">
          <Alert tone="warning" isLive>
            <h2 id="report-save-link" className="cg-vdp-save-title" ref={heading} tabIndex={-1}>
              {t('reporter.sent.saveTitle')}
            </h2>
            <p>{t('reporter.sent.saveText')}</p>
            <div className="cg-secret cg-vdp-secret">
              <code dir="ltr" translate="no">
                {created.reporterUrl}
              </code>
              <CopyButton
                text={created.reporterUrl}
                label={t('reporter.sent.copyLink')}
                copiedLabel={t('common.copied')}
                failedLabel={t('common.copyFailed')}
              />
            </div>
            <p className="cg-small">{t('reporter.sent.neverMailed')}</p>
            <p>
              <a href={trackLinkPath(created.reporterToken)} target="_blank" rel="noopener noreferrer">
                {t('reporter.sent.openLink')}
              </a>
            </p>
          </Alert>
        </section>
        <Card title={t('reporter.sent.detailsTitle')}>
          <dl className="cg-details-list">
            <dt>{t('reporter.sent.trackingId')}</dt>
            <dd>
              <code dir="ltr" translate="no">
                {created.id}
              </code>
            </dd>
            <dt>{t('reporter.fields.program')}</dt>
            <dd>
              <Link to={programPath(program.id)} dir="auto">
                {program.name}
              </Link>
            </dd>
            <dt>{t('reporter.sent.next')}</dt>
            <dd>
              {t('reporter.sent.acknowledgeWithin', { days: days(program.responseTargets.acknowledgeDays) })}
            </dd>
          </dl>
        </Card>
      </div>
    </>
  );
}

import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../lib/dates.tsx';
import { Button, TlpBadge } from '../../../ui/index.ts';
import { CSAF_DIRECTORY_URL, csafUrl, PROVIDER_METADATA_URL } from './advisoriesApi.ts';
import { cvssSeverity, cweNumberOf, tlpLabelOf } from './format.ts';
import { AdvisoryStatusBadge, SeverityBadge, useAdvisoryLabels } from './labels.tsx';
import { ProductsTable } from './ProductsTable.tsx';
import type { Advisory, CvssScore } from './types.ts';

/**
 * The advisory as its readers see it, on screen and on paper: what it is about, how severe, who is affected
 * and what to do, with the CSAF documents to download. The same component shows the coordinators' draft.
 */
export function AdvisoryDocument({
  advisory,
  afterHeader,
}: {
  advisory: Advisory;
  /** Shown between the header and the text: the coordinators' next step, which never prints. */
  afterHeader?: ReactNode;
}) {
  const { t } = useTranslation();
  const labels = useAdvisoryLabels();
  const text = advisory.current;
  const tlpLabel = tlpLabelOf(advisory.tlp);
  const latestVersion = advisory.versions[advisory.versions.length - 1];
  // A published advisory stays published while its next version is drafted, reviewed and approved.
  const isPublished = advisory.publishedAt !== null;

  return (
    <article className="cg-adv-document" aria-labelledby="cg-adv-title">
      <header className="cg-adv-header">
        <p className="cg-adv-tlp-line">
          {tlpLabel ? <TlpBadge label={tlpLabel} /> : <span lang="en">TLP:{advisory.tlp}</span>}
          <span>{labels.tlpMeaning(advisory.tlp)}</span>
        </p>
        <p className="cg-adv-eyebrow">
          <span className="cg-mono cg-adv-tracking">{advisory.trackingId}</span>
          <span aria-hidden="true"> · </span>
          <bdi>{advisory.publisherName}</bdi>
        </p>
        <h1 id="cg-adv-title" dir="auto">
          {text.title}
        </h1>
        <div className="cg-cluster cg-adv-header-meta">
          {isPublished ? (
            <AdvisoryStatusBadge status="published" />
          ) : (
            <AdvisoryStatusBadge status={advisory.status} isScheduled={advisory.publishOnEmbargoExit} />
          )}
          {isPublished && advisory.canEdit && advisory.status !== 'published' && (
            <span className="cg-small">
              {t('advisories.status.nextVersion', {
                status: labels.status(
                  advisory.status === 'approved' && advisory.publishOnEmbargoExit
                    ? 'scheduled'
                    : advisory.status,
                ),
              })}
            </span>
          )}
          {latestVersion && (
            <span className="cg-small">
              {t('advisories.document.version', { number: latestVersion.number })}
            </span>
          )}
          <Button variant="secondary" size="small" className="cg-adv-no-print" onClick={() => window.print()}>
            {t('advisories.document.print')}
          </Button>
        </div>
      </header>
      {afterHeader}

      <Section title={t('advisories.document.facts')}>
        <dl className="cg-details-list cg-adv-facts">
          <dt>{t('advisories.fields.trackingId')}</dt>
          <dd className="cg-mono">{advisory.trackingId}</dd>
          <dt>{t('advisories.fields.publisher')}</dt>
          <dd>
            <bdi>{advisory.publisherName}</bdi>
          </dd>
          <dt>{t('advisories.fields.initialRelease')}</dt>
          <dd>
            <DateTime value={advisory.initialReleaseDate} emptyText={t('advisories.document.notReleased')} />
          </dd>
          <dt>{t('advisories.fields.currentRelease')}</dt>
          <dd>
            <DateTime value={advisory.currentReleaseDate} emptyText={t('advisories.document.notReleased')} />
          </dd>
          <dt>{t('advisories.fields.cve')}</dt>
          <dd>
            {advisory.cveId ? (
              <a
                href={`https://www.cve.org/CVERecord?id=${encodeURIComponent(advisory.cveId)}`}
                className="cg-mono"
              >
                {advisory.cveId}
              </a>
            ) : (
              <span className="cg-muted">{t('advisories.document.noCve')}</span>
            )}
          </dd>
          <dt>{t('advisories.fields.cvssV3')}</dt>
          <dd>
            <Cvss score={advisory.cvss.v3} />
          </dd>
          <dt>{t('advisories.fields.cvssV4')}</dt>
          <dd>
            <Cvss score={advisory.cvss.v4} />
          </dd>
          <dt>{t('advisories.fields.cwe')}</dt>
          <dd>
            {advisory.cweIds.length === 0 ? (
              <span className="cg-muted">{t('advisories.document.noCwe')}</span>
            ) : (
              <ul className="cg-adv-inline-list">
                {advisory.cweIds.map((id) => {
                  const number = cweNumberOf(id);
                  return (
                    <li key={id}>
                      {number ? (
                        <a href={`https://cwe.mitre.org/data/definitions/${number}.html`} className="cg-mono">
                          {id}
                        </a>
                      ) : (
                        <span className="cg-mono">{id}</span>
                      )}
                    </li>
                  );
                })}
              </ul>
            )}
          </dd>
          <dt>{t('advisories.fields.credit')}</dt>
          <dd>
            {advisory.credit === 'anonymous' ? (
              t('advisories.document.anonymousCredit')
            ) : advisory.credit ? (
              <bdi>{advisory.credit}</bdi>
            ) : (
              <span className="cg-muted">{t('advisories.document.noCredit')}</span>
            )}
          </dd>
        </dl>
      </Section>

      <Section title={t('advisories.fields.summary')}>
        <PlainText text={text.summary} />
      </Section>
      {text.details.trim() && (
        <Section title={t('advisories.fields.details')}>
          <PlainText text={text.details} />
        </Section>
      )}
      {text.remediation.trim() && (
        <Section title={t('advisories.fields.remediation')}>
          <PlainText text={text.remediation} />
        </Section>
      )}

      <Section title={t('advisories.products.title')}>
        {advisory.products.length > 0 ? (
          <ProductsTable products={advisory.products} />
        ) : (
          <p className="cg-muted">
            {isPublished || advisory.canEdit
              ? t('advisories.products.none')
              : t('advisories.products.afterPublication')}
          </p>
        )}
      </Section>

      {advisory.statements.length > 0 && (
        <Section title={t('advisories.document.statements')}>
          <p className="cg-small cg-muted">{t('advisories.document.statementsHint')}</p>
          <div className="cg-adv-statements">
            {advisory.statements.map((statement) => (
              <figure key={`${statement.vendor} ${statement.body}`} className="cg-adv-statement">
                <blockquote className="cg-adv-text" dir="auto">
                  {statement.body}
                </blockquote>
                <figcaption>
                  <bdi>{statement.vendor}</bdi>
                </figcaption>
              </figure>
            ))}
          </div>
        </Section>
      )}

      {text.references.length > 0 && (
        <Section title={t('advisories.fields.references')}>
          <ul className="cg-adv-references-list">
            {text.references.map((reference) => (
              <li key={`${reference.url} ${reference.summary}`}>
                <a href={reference.url} rel="noreferrer noopener" className="cg-adv-external">
                  <span dir="auto">{reference.summary}</span>
                </a>
                <span className="cg-adv-url cg-mono">
                  <bdi dir="ltr">{reference.url}</bdi>
                </span>
              </li>
            ))}
          </ul>
        </Section>
      )}

      <Section title={t('advisories.document.history')}>
        {advisory.versions.length === 0 ? (
          <p className="cg-muted">{t('advisories.document.noVersions')}</p>
        ) : (
          <ol className="cg-adv-versions">
            {advisory.versions.map((version) => (
              <li key={version.number}>
                <span className="cg-adv-version-number">
                  {t('advisories.document.version', { number: version.number })}
                </span>{' '}
                <DateTime value={version.date} /> — <span dir="auto">{version.summary}</span>
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section title={t('advisories.document.downloads')}>
        <Downloads advisory={advisory} />
      </Section>
    </article>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className="cg-adv-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

export function PlainText({ text }: { text: string }) {
  return (
    <p className="cg-adv-text" dir="auto">
      {text}
    </p>
  );
}

function Cvss({ score }: { score: CvssScore | null }) {
  const { t } = useTranslation();
  if (!score) return <span className="cg-muted">{t('advisories.document.noScore')}</span>;
  const severity = cvssSeverity(score.baseScore);
  return (
    <span className="cg-adv-cvss">
      <span className="cg-adv-cvss-score">
        <strong>{score.baseScore.toFixed(1)}</strong> <SeverityBadge severity={severity} />
      </span>
      <code className="cg-adv-vector" dir="ltr">
        {score.vector}
      </code>
    </span>
  );
}

function Downloads({ advisory }: { advisory: Advisory }) {
  const { t } = useTranslation();
  const isPublished = advisory.publishedAt !== null;
  const fileBase = advisory.trackingId.toLowerCase();
  if (!isPublished || !advisory.csafUrl) {
    return <p className="cg-muted">{t('advisories.document.downloadsAfterPublication')}</p>;
  }
  return (
    <div className="cg-stack-tight">
      <ul className="cg-adv-downloads">
        <li>
          <a href={csafUrl(advisory.id)} download={`${fileBase}.json`} type="application/json">
            {t('advisories.document.csafAdvisory')}
          </a>
          <span className="cg-small cg-muted"> — {t('advisories.document.csafAdvisoryHint')}</span>
        </li>
        {advisory.vexUrl && (
          <li>
            <a href={csafUrl(advisory.id, 'vex')} download={`${fileBase}-vex.json`} type="application/json">
              {t('advisories.document.csafVex')}
            </a>
            <span className="cg-small cg-muted"> — {t('advisories.document.csafVexHint')}</span>
          </li>
        )}
      </ul>
      {advisory.tlp === 'CLEAR' ? (
        <p className="cg-small">
          {t('advisories.document.inDirectory')}{' '}
          <a href={PROVIDER_METADATA_URL}>{t('advisories.document.providerMetadata')}</a>
          {' · '}
          <a href={CSAF_DIRECTORY_URL}>{t('advisories.document.directory')}</a>
        </p>
      ) : (
        <p className="cg-small cg-muted">{t('advisories.document.notInDirectory')}</p>
      )}
    </div>
  );
}

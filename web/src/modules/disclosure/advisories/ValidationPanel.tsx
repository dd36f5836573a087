import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, Badge, Button, Card, Spinner } from '../../../ui/index.ts';
import { csafUrl, getValidation } from './advisoriesApi.ts';
import { useAdvisoryErrorMessage } from './errors.ts';
import { latestRevision } from './format.ts';
import {
  type Advisory,
  CSAF_PROFILES,
  type CsafProfile,
  type Validation,
  type ValidationFinding,
} from './types.ts';

/**
 * The CSAF validator's verdict on both documents as they would be published now (schema, mandatory and
 * recommended tests), with each finding's test id, where it is, and the validator's own words.
 */
export function ValidationPanel({ advisory }: { advisory: Advisory }) {
  const { t } = useTranslation();
  const errorMessage = useAdvisoryErrorMessage();
  const latest = latestRevision(advisory);
  const validation = useQuery(
    `advisory-validation:${advisory.id}:${latest.number}:${advisory.status}:${advisory.products.length}`,
    async () => {
      const results = await Promise.all(CSAF_PROFILES.map((profile) => getValidation(advisory.id, profile)));
      return CSAF_PROFILES.map((profile, index) => ({ profile, result: results[index] as Validation }));
    },
  );
  // The documents served are the published ones until the next version is published.
  const isPublished = advisory.publishedAt !== null && advisory.status === 'published';

  return (
    <Card
      title={t('advisories.validation.title')}
      description={t('advisories.validation.description')}
      className="cg-adv-no-print"
      actions={
        <Button variant="secondary" size="small" onClick={validation.reload} isBusy={validation.isLoading}>
          {t('advisories.validation.recheck')}
        </Button>
      }
    >
      {validation.error && (
        <Alert tone="danger" isLive>
          {errorMessage(validation.error)}
        </Alert>
      )}
      {validation.isLoading && !validation.data && (
        <Spinner label={t('advisories.validation.running')} isLabelVisible />
      )}
      {validation.data && (
        <div className="cg-stack">
          {validation.data.map(({ profile, result }) => (
            <ProfileResult key={profile} profile={profile} result={result} />
          ))}
        </div>
      )}
      <p className="cg-small">
        {isPublished ? t('advisories.validation.previewPublished') : t('advisories.validation.previewDraft')}{' '}
        <a href={csafUrl(advisory.id)} type="application/json">
          {t('advisories.document.csafAdvisory')}
        </a>
        {' · '}
        <a href={csafUrl(advisory.id, 'vex')} type="application/json">
          {t('advisories.document.csafVex')}
        </a>
      </p>
    </Card>
  );
}

function ProfileResult({ profile, result }: { profile: CsafProfile; result: Validation }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="cg-adv-validation">
      <h3 id={headingId} className="cg-cluster">
        <span>
          {profile === 'vex' ? t('advisories.document.csafVex') : t('advisories.document.csafAdvisory')}
        </span>
        <Badge tone={result.isValid ? 'success' : 'danger'}>
          {result.isValid ? t('advisories.validation.valid') : t('advisories.validation.invalid')}
        </Badge>
      </h3>
      <p className="cg-small">
        {t('advisories.validation.counts', {
          errors: result.errors.length,
          warnings: result.warnings.length,
        })}
      </p>
      {result.errors.length > 0 && (
        <>
          <h4>{t('advisories.validation.errors')}</h4>
          <CsafFindings findings={result.errors} />
        </>
      )}
      {result.warnings.length > 0 && (
        <>
          <h4>{t('advisories.validation.warnings')}</h4>
          <CsafFindings findings={result.warnings} />
        </>
      )}
    </section>
  );
}

/** Validator findings: test id, JSON pointer and the validator's message, which is in English. */
export function CsafFindings({ findings }: { findings: readonly ValidationFinding[] }) {
  const { t } = useTranslation();
  return (
    <ul className="cg-adv-findings">
      {findings.map((finding) => (
        <li key={`${finding.test} ${finding.instancePath} ${finding.message}`}>
          {finding.test && (
            <span className="cg-adv-finding-test">
              {t('advisories.validation.test')} <code dir="ltr">{finding.test}</code>
            </span>
          )}{' '}
          <code className="cg-adv-finding-path" dir="ltr">
            {finding.instancePath || '/'}
          </code>{' '}
          <span className="cg-adv-finding-message">
            <bdi lang="en" dir="ltr">
              {finding.message}
            </bdi>
          </span>
        </li>
      ))}
    </ul>
  );
}

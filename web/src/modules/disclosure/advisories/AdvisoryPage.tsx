import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, PageHeader, PageSpinner } from '../../../ui/index.ts';
import { AdvisoryDocument } from './AdvisoryDocument.tsx';
import { getAdvisory, getCase } from './advisoriesApi.ts';
import { useAdvisoryErrorMessage } from './errors.ts';
import { latestRevision } from './format.ts';
import { NextStepCard } from './NextStepCard.tsx';
import { advisoriesPath, casePath } from './paths.ts';
import { RevisionForm } from './RevisionForm.tsx';
import { RevisionsPanel } from './RevisionsPanel.tsx';
import type { Advisory } from './types.ts';
import { ValidationPanel } from './ValidationPanel.tsx';
import './advisories.css';
import './print.css';

/**
 * /advisories/:id: the advisory for its readers (public once published as TLP:CLEAR), and for the case's
 * coordinators also the working area: review, publication, validation and revisions.
 */
export function AdvisoryPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const errorMessage = useAdvisoryErrorMessage();
  const query = useQuery(`advisory:${id}`, () => getAdvisory(id));
  usePageTitle(
    query.data
      ? `${query.data.advisory.trackingId}: ${query.data.advisory.current.title}`
      : t('advisories.document.pageTitle'),
  );

  if (query.error) {
    return (
      <>
        <PageHeader title={t('advisories.document.pageTitle')} />
        <Alert tone="danger" title={t('common.errorTitle')} isLive>
          <p>{errorMessage(query.error)}</p>
          <Link to={advisoriesPath()}>{t('advisories.backToList')}</Link>
        </Alert>
      </>
    );
  }
  if (!query.data) return <PageSpinner label={t('common.loading')} />;
  const { advisory, viaLink } = query.data;
  return (
    <AdvisoryView
      advisory={advisory}
      isViaLink={viaLink !== null}
      onChanged={(next) => query.setData({ advisory: next, viaLink })}
    />
  );
}

function AdvisoryView({
  advisory,
  isViaLink,
  onChanged,
}: {
  advisory: Advisory;
  isViaLink: boolean;
  onChanged: (advisory: Advisory) => void;
}) {
  const { t } = useTranslation();
  const [isRevising, setIsRevising] = useState(false);
  // The coordinators read the case for its embargo: publication waits for it to exit.
  const advisoryCase = useQuery(
    advisory.canEdit ? `advisory-case:${advisory.caseId}:${advisory.status}` : null,
    () => getCase(advisory.caseId),
  );
  const embargo = advisoryCase.data?.embargo;
  const holdingEmbargo = embargo && embargo.state !== 'exited' ? embargo : null;
  const isPublished = advisory.publishedAt !== null;
  // The coordinators read the latest revision; once an update is under way, readers still see the published one.
  const isUpdateUnderWay =
    advisory.canEdit &&
    isPublished &&
    (advisory.status !== 'published' || latestRevision(advisory).reviewStatus !== 'approved');

  return (
    <div className="cg-adv-page">
      <nav aria-label={t('advisories.breadcrumb')} className="cg-small cg-cluster cg-adv-no-print">
        <Link to={advisoriesPath()}>{t('advisories.backToList')}</Link>
        {advisory.canEdit && <Link to={casePath(advisory.caseId)}>{t('advisories.toCase')}</Link>}
      </nav>
      {!isPublished && !advisory.canEdit && (
        <Alert tone="info" className="cg-adv-no-print">
          {isViaLink ? t('advisories.document.draftViaLink') : t('advisories.document.draftNotice')}
        </Alert>
      )}
      {isUpdateUnderWay && (
        <Alert tone="info" className="cg-adv-no-print">
          {t('advisories.work.updateUnderWay', { number: latestRevision(advisory).number })}
        </Alert>
      )}
      <AdvisoryDocument
        advisory={advisory}
        afterHeader={
          advisory.canEdit ? (
            <div className="cg-adv-no-print">
              <NextStepCard
                advisory={advisory}
                embargo={holdingEmbargo}
                onChanged={onChanged}
                onStartRevision={() => setIsRevising(true)}
              />
            </div>
          ) : null
        }
      />
      {advisory.canEdit && (
        <div className="cg-stack cg-adv-work cg-adv-no-print">
          <p className="cg-adv-work-intro">{t('advisories.work.intro')}</p>
          <RevisionForm
            advisory={advisory}
            isOpen={isRevising}
            onOpenChange={setIsRevising}
            onChanged={onChanged}
          />
          <ValidationPanel advisory={advisory} />
          <RevisionsPanel advisory={advisory} />
        </div>
      )}
    </div>
  );
}

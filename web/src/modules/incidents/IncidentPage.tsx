import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { useQuery } from '../../lib/useQuery.ts';
import { Alert, PageHeader, PageSpinner } from '../../ui/index.ts';
import { AttributionsSection } from './AttributionsSection.tsx';
import { EditorialPanel } from './EditorialPanel.tsx';
import { useIncidentErrors } from './errors.ts';
import { IncidentTlp, Instant, IntensityMark } from './format.tsx';
import {
  CorrectionsCard,
  ImpactsCard,
  LawCard,
  NormsCard,
  ResponsesCard,
  SourcesCard,
  SummaryCard,
  TargetsCard,
} from './IncidentSections.tsx';
import { IncidentTimeline } from './IncidentTimeline.tsx';
import { IntensityCard } from './IntensityCard.tsx';
import { getIncident } from './incidentsApi.ts';
import { EditorialStateBadge } from './labels.tsx';
import { incidentsPath } from './paths.ts';
import type { Incident } from './types.ts';
import './incidents.css';

/**
 * /incidents/:id: the sourced record of one incident: timeline, targets, harm, intensity with its arithmetic,
 * attributions, responses, norms, questions of law, sources and the public corrections log. Its editors also
 * find the editorial workflow here.
 */
export function IncidentPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { messageOfError } = useIncidentErrors();
  const query = useQuery(`incident:${id}`, () => getIncident(id));
  usePageTitle(query.data?.title ?? t('incidents.page.pageTitle'));

  if (query.error) {
    return (
      <>
        <PageHeader title={t('incidents.page.pageTitle')} />
        <Alert tone="danger" title={t('common.errorTitle')} isLive>
          <p>{messageOfError(query.error)}</p>
          <Link to={incidentsPath()}>{t('incidents.page.backToList')}</Link>
        </Alert>
      </>
    );
  }
  if (!query.data) return <PageSpinner label={t('common.loading')} />;
  return <IncidentView incident={query.data} onChanged={query.setData} />;
}

function IncidentView({
  incident,
  onChanged,
}: {
  incident: Incident;
  onChanged: (incident: Incident) => void;
}) {
  const { t } = useTranslation();
  const { canEdit, canReview } = incident.permissions;
  const withdrawal = incident.corrections.findLast((correction) => correction.kind === 'withdrawal');
  return (
    <div className="cg-inc-page">
      <nav aria-label={t('incidents.page.breadcrumb')} className="cg-small">
        <Link to={incidentsPath()}>{t('incidents.page.backToList')}</Link>
      </nav>
      <PageHeader
        title={<span dir="auto">{incident.title}</span>}
        meta={
          <>
            <IncidentTlp tlp={incident.tlp} />
            <EditorialStateBadge state={incident.editorialState} />
            <IntensityMark score={incident.intensity.score} />
            <span className="cg-muted cg-small">
              <bdi>{incident.organization.name}</bdi>
            </span>
          </>
        }
      />
      <div className="cg-stack">
        {withdrawal && (
          <Alert tone="warning" title={t('incidents.page.withdrawnTitle')}>
            <p>
              <Instant value={withdrawal.madeAt} />
            </p>
            <p dir="auto">{withdrawal.note}</p>
          </Alert>
        )}
        {(incident.editorialState === 'draft' || incident.editorialState === 'review') && (
          <Alert tone="info">{t('incidents.page.unpublishedNotice')}</Alert>
        )}
        {(canEdit || canReview) && <EditorialPanel incident={incident} onChanged={onChanged} />}
        <SummaryCard incident={incident} />
        <IncidentTimeline incident={incident} />
        <TargetsCard incident={incident} />
        <ImpactsCard incident={incident} />
        <IntensityCard intensity={incident.intensity} />
        <AttributionsSection incident={incident} onChanged={onChanged} />
        <ResponsesCard incident={incident} />
        <NormsCard incident={incident} />
        <LawCard incident={incident} />
        <SourcesCard incident={incident} />
        <CorrectionsCard incident={incident} />
      </div>
    </div>
  );
}

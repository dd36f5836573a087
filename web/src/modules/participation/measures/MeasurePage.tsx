import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { DateTime } from '../../../lib/dates.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, ButtonLink, Card, EmptyState, PageHeader, PageSpinner, Table } from '../../../ui/index.ts';
import { FollowButton } from '../following/FollowButton.tsx';
import { ParticipationBreadcrumb } from '../processes/ParticipationBreadcrumb.tsx';
import { PlainText } from '../processes/PlainText.tsx';
import { ImplementationStatusBadge, MeasureReferenceBadge, NormBadges } from './badges.tsx';
import { useCalendarFormatters } from './calendar.ts';
import { InLanguage, LocalizedText, useTextPicker } from './localized.tsx';
import { useNorms } from './norms.ts';
import { useNumberFormatters } from './numbers.ts';
import { contributorPath, measuresPath, proposePath } from './paths.ts';
import { ReportImplementationCard } from './ReportImplementationCard.tsx';
import { IMPLEMENTATION_STATUSES, type Measure } from './types.ts';
import { proposingMemberships, reportingMemberships } from './viewer.ts';
import './measures.css';

/** /participation/measures/:measureId: a measure, the norms it supports, who implements it, and examples. */
export function MeasurePage() {
  const { t } = useTranslation();
  const { measureId = '' } = useParams();
  const { user } = useAuth();
  const { messageOf } = useErrorMessages();
  const { pick } = useTextPicker();
  const measure = useQuery(`measure:${measureId}`, () =>
    call(api.GET('/api/v1/participation/measures/{id}', { params: { path: { id: measureId } } })),
  );
  usePageTitle(measure.data ? pick(measure.data.title).text : t('measures.title'));
  const breadcrumb = <ParticipationBreadcrumb items={[{ to: measuresPath(), label: t('measures.title') }]} />;

  if (measure.isLoading && !measure.data) return <PageSpinner label={t('common.loading')} />;
  if (measure.error || !measure.data) {
    return (
      <>
        {breadcrumb}
        <PageHeader title={t('measures.title')} />
        <Alert tone="danger">{measure.error ? messageOf(measure.error) : t('errors.unexpected_error')}</Alert>
      </>
    );
  }

  const current = measure.data;
  const reporters = reportingMemberships(user);
  const canPropose = proposingMemberships(user).length > 0;
  return (
    <>
      {breadcrumb}
      <PageHeader
        title={<LocalizedText texts={current.title} isLanguageMarked />}
        meta={
          <>
            <MeasureReferenceBadge measure={current} />
            <NormBadges codes={current.norms} />
          </>
        }
        actions={<FollowButton subjectType="measure" subjectId={current.id} />}
      />
      <div className="cg-stack">
        <div className="cg-cbm-layout">
          <div className="cg-stack">
            <AboutCard measure={current} />
            <NormsCard codes={current.norms} />
          </div>
          <div className="cg-stack">
            <GlanceCard measure={current} />
            {reporters.length > 0 && (
              <ReportImplementationCard
                measure={current}
                memberships={reporters}
                onReported={measure.setData}
              />
            )}
          </div>
        </div>
        <ImplementationsCard measure={current} />
        <ExamplesCard measure={current} canPropose={canPropose} />
      </div>
    </>
  );
}

function AboutCard({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const { formatCalendarDate } = useCalendarFormatters();
  return (
    <Card title={t('measures.page.about')}>
      <LocalizedText as="p" texts={measure.summary} className="cg-cbm-summary" isLanguageMarked />
      <dl className="cg-details-list">
        <dt>{t('measures.page.source')}</dt>
        <dd>{t(`measures.sources.${measure.source}.name`)}</dd>
        <dt>{t('measures.page.citation')}</dt>
        <dd>
          {/* The exact reference, as the source document gives it, is not translated. */}
          <cite className="cg-cbm-citation" lang="en" dir="ltr">
            {measure.citation}
          </cite>
        </dd>
        {measure.adopted && (
          <>
            <dt>{t('measures.page.adopted')}</dt>
            <dd>{formatCalendarDate(measure.adopted)}</dd>
          </>
        )}
        {measure.proposedBy && (
          <>
            <dt>{t('measures.page.proposedBy')}</dt>
            <dd>
              <Link to={contributorPath(measure.proposedBy.id)}>{measure.proposedBy.name}</Link>
            </dd>
          </>
        )}
      </dl>
      {measure.source !== 'community' && (
        <p className="cg-muted cg-small cg-cbm-note">{t('measures.page.paraphrase')}</p>
      )}
    </Card>
  );
}

function NormsCard({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const { byCode, labelOf } = useNorms();
  return (
    <Card title={t('measures.page.norms')} description={t('measures.page.normsIntro')}>
      {codes.length === 0 ? (
        <p className="cg-muted">{t('measures.page.noNorms')}</p>
      ) : (
        <ul className="cg-cbm-norm-list">
          {codes.map((code) => {
            const norm = byCode.get(code);
            return (
              <li key={code}>
                <span className="cg-cbm-norm cg-cbm-norm-large">{labelOf(code)}</span>
                <div>
                  {norm ? (
                    <>
                      <LocalizedText as="h3" texts={norm.title} className="cg-cbm-norm-title" />
                      <LocalizedText as="p" texts={norm.summary} />
                      <p className="cg-muted cg-small">
                        <cite lang="en" dir="ltr">
                          {norm.citation}
                        </cite>
                      </p>
                    </>
                  ) : (
                    <h3 className="cg-cbm-norm-title">{labelOf(code)}</h3>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}

function GlanceCard({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const { formatCount } = useNumberFormatters();
  return (
    <Card title={t('measures.implementation.glance')}>
      <dl className="cg-cbm-glance">
        {IMPLEMENTATION_STATUSES.map((status) => (
          <div key={status}>
            <dt>
              <ImplementationStatusBadge status={status} />
            </dt>
            <dd>{formatCount(measure.implementationCounts[status])}</dd>
          </div>
        ))}
      </dl>
      <p className="cg-muted cg-small cg-cbm-note">{t('measures.implementation.glanceNote')}</p>
    </Card>
  );
}

function ImplementationsCard({ measure }: { measure: Measure }) {
  const { t } = useTranslation();
  const headingId = useId();
  return (
    <section className="cg-stack" aria-labelledby={headingId}>
      <h2 id={headingId} className="cg-cbm-section-heading">
        {t('measures.implementation.title')}
      </h2>
      {measure.implementations.length === 0 ? (
        <EmptyState title={t('measures.implementation.none')}>
          {t('measures.implementation.noneHint')}
        </EmptyState>
      ) : (
        <Table
          caption={t('measures.implementation.title')}
          isCaptionHidden
          columns={[
            t('measures.implementation.state'),
            t('measures.implementation.statusColumn'),
            t('measures.implementation.note'),
            t('measures.implementation.updated'),
          ]}
        >
          {measure.implementations.map((implementation) => (
            <tr key={implementation.state.id}>
              <td>
                <Link to={contributorPath(implementation.state.id)}>{implementation.state.name}</Link>
              </td>
              <td>
                <ImplementationStatusBadge status={implementation.status} />
              </td>
              <td className="cg-cbm-note-cell">
                {implementation.note ? (
                  <span dir="auto">{implementation.note}</span>
                ) : (
                  <span className="cg-muted">—</span>
                )}
              </td>
              <td>
                <DateTime value={implementation.updatedAt} isDateOnly />
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}

function ExamplesCard({ measure, canPropose }: { measure: Measure; canPropose: boolean }) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('measures.examples.title')}
      description={t('measures.examples.intro')}
      actions={
        canPropose && (
          <ButtonLink to={proposePath({ kind: 'example', measureId: measure.id })} variant="secondary">
            {t('measures.examples.propose')}
          </ButtonLink>
        )
      }
    >
      {measure.examples.length === 0 ? (
        <p className="cg-muted">{t('measures.examples.none')}</p>
      ) : (
        <ul className="cg-cbm-examples">
          {measure.examples.map((example) => (
            <li key={example.id}>
              <InLanguage
                as="h3"
                language={example.language}
                className="cg-cbm-example-title"
                isLanguageMarked
              >
                {example.title}
              </InLanguage>
              <p className="cg-muted cg-small">
                {t('measures.examples.by')}{' '}
                <Link to={contributorPath(example.organization.id)}>{example.organization.name}</Link>
                {example.decidedAt && (
                  <>
                    {' · '}
                    <DateTime value={example.decidedAt} isDateOnly />
                  </>
                )}
              </p>
              <div lang={example.language}>
                <PlainText text={example.body} />
              </div>
              {example.url && (
                <p className="cg-cbm-example-link">
                  <a href={example.url} rel="external noreferrer" className="cg-break">
                    {t('measures.examples.link')}
                  </a>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import {
  Alert,
  Badge,
  Button,
  ButtonLink,
  Card,
  EmptyState,
  PageHeader,
  PageSpinner,
  Select,
} from '../../../ui/index.ts';
import { ParticipationBreadcrumb } from '../processes/ParticipationBreadcrumb.tsx';
import { signInPath } from '../processes/paths.ts';
import { MeasureReferenceBadge, NormBadges } from './badges.tsx';
import { LocalizedText } from './localized.tsx';
import { useNorms } from './norms.ts';
import { useNumberFormatters } from './numbers.ts';
import { OtherFora } from './OtherFora.tsx';
import { measurePath, OTHER_FORA_ANCHOR, proposalsPath, proposePath } from './paths.ts';
import {
  isMeasureSource,
  isNormCode,
  MEASURE_SOURCES,
  type MeasureSource,
  type MeasureSummary,
} from './types.ts';
import { isModerator, proposingMemberships } from './viewer.ts';
import './measures.css';

/** /participation/measures: the public repository of confidence-building measures. */
export function MeasuresPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const location = useLocation();
  const { messageOf } = useErrorMessages();
  const norms = useNorms();
  const { formatCount } = useNumberFormatters();
  const [searchParams, setSearchParams] = useSearchParams();
  const filtersHeadingId = useId();
  usePageTitle(t('measures.title'));

  const requestedSource = searchParams.get('source') ?? '';
  const requestedNorm = searchParams.get('norm') ?? '';
  const source = isMeasureSource(requestedSource) ? requestedSource : undefined;
  const norm = isNormCode(requestedNorm) ? requestedNorm : undefined;

  const measures = useQuery(`measures:${source ?? ''}:${norm ?? ''}`, () =>
    call(
      api.GET('/api/v1/participation/measures', {
        params: { query: { ...(source ? { source } : {}), ...(norm ? { norm } : {}) } },
      }),
    ),
  );

  const setFilter = (name: 'source' | 'norm', value: string) => {
    const next = new URLSearchParams(searchParams);
    if (value) next.set(name, value);
    else next.delete(name);
    setSearchParams(next, { replace: true });
  };

  const canPropose = proposingMemberships(user).length > 0;
  const items = measures.data?.items ?? [];
  const groups = MEASURE_SOURCES.map((group) => ({
    source: group,
    items: items.filter((measure) => measure.source === group),
  })).filter((group) => group.items.length > 0);

  return (
    <>
      <ParticipationBreadcrumb items={[]} />
      <PageHeader
        title={t('measures.title')}
        description={t('measures.intro')}
        actions={
          <>
            {canPropose && (
              <ButtonLink to={proposePath({ kind: 'measure' })}>{t('measures.propose')}</ButtonLink>
            )}
            {!user && (
              <ButtonLink to={signInPath(`${location.pathname}${location.search}`)} variant="secondary">
                {t('measures.signInToPropose')}
              </ButtonLink>
            )}
            {user && (canPropose || isModerator(user)) && (
              <ButtonLink to={proposalsPath()} variant="secondary">
                {isModerator(user) ? t('measures.proposals.moderationLink') : t('measures.proposals.ownLink')}
              </ButtonLink>
            )}
          </>
        }
      />
      <div className="cg-stack">
        <Card title={t('measures.about.title')}>
          <div className="cg-cbm-about">
            <p>{t('measures.about.repository')}</p>
            <p>{t('measures.about.sources')}</p>
            <p>{t('measures.about.contribute')}</p>
          </div>
          <p className="cg-cbm-about-links">
            <a href={`#${OTHER_FORA_ANCHOR}`}>{t('measures.fora.link')}</a>
          </p>
        </Card>

        <section className="cg-card cg-cbm-filters" aria-labelledby={filtersHeadingId}>
          <h2 id={filtersHeadingId} className="cg-visually-hidden">
            {t('measures.filters.title')}
          </h2>
          <search aria-labelledby={filtersHeadingId}>
            <div className="cg-form-row">
              <Select
                label={t('measures.filters.source')}
                value={source ?? ''}
                onChange={(value) => setFilter('source', value)}
                options={MEASURE_SOURCES.map((value) => ({
                  value,
                  label: t(`measures.sources.${value}.name`),
                }))}
                emptyOption={t('measures.filters.allSources')}
              />
              <Select
                label={t('measures.filters.norm')}
                value={norm ?? ''}
                onChange={(value) => setFilter('norm', value)}
                options={norms.options}
                emptyOption={t('measures.filters.allNorms')}
              />
              {(source || norm) && (
                <div>
                  <Button variant="ghost" onClick={() => setSearchParams({}, { replace: true })}>
                    {t('common.clearFilters')}
                  </Button>
                </div>
              )}
            </div>
          </search>
          <p className="cg-muted cg-small cg-cbm-count" role="status">
            {measures.data ? t('measures.count', { count: formatCount(items.length) }) : ''}
          </p>
        </section>

        {measures.error && <Alert tone="danger">{messageOf(measures.error)}</Alert>}
        {measures.isLoading && !measures.data ? (
          <PageSpinner label={t('common.loading')} />
        ) : (
          measures.data &&
          (groups.length === 0 ? (
            <EmptyState
              title={t('measures.empty')}
              action={
                <Button variant="secondary" onClick={() => setSearchParams({}, { replace: true })}>
                  {t('common.clearFilters')}
                </Button>
              }
            >
              {t('measures.emptyHint')}
            </EmptyState>
          ) : (
            groups.map((group) => (
              <SourceSection key={group.source} source={group.source} items={group.items} />
            ))
          ))
        )}

        <OtherFora canPropose={canPropose} />
      </div>
    </>
  );
}

function SourceSection({ source, items }: { source: MeasureSource; items: MeasureSummary[] }) {
  const { t } = useTranslation();
  const { formatCount } = useNumberFormatters();
  const headingId = useId();
  return (
    <section className="cg-stack" aria-labelledby={headingId}>
      <div className="cg-cbm-source-heading">
        <h2 id={headingId}>
          {t(`measures.sources.${source}.name`)} <Badge>{formatCount(items.length)}</Badge>
        </h2>
        <p className="cg-muted">{t(`measures.sources.${source}.description`)}</p>
      </div>
      <ul className="cg-cbm-list">
        {items.map((measure) => (
          <MeasureItem key={measure.id} measure={measure} />
        ))}
      </ul>
    </section>
  );
}

function MeasureItem({ measure }: { measure: MeasureSummary }) {
  const { t } = useTranslation();
  const { formatCount } = useNumberFormatters();
  const counts = measure.implementationCounts;
  const reporting = counts.implemented + counts.in_progress + counts.planned;
  return (
    <li className="cg-card cg-cbm-item">
      <div className="cg-cbm-item-head">
        <MeasureReferenceBadge measure={measure} />
        <h3 className="cg-cbm-item-title">
          <Link to={measurePath(measure.id)}>
            <LocalizedText texts={measure.title} isLanguageMarked />
          </Link>
        </h3>
      </div>
      <LocalizedText as="p" texts={measure.summary} className="cg-cbm-item-summary" />
      <div className="cg-cbm-item-foot">
        <NormBadges codes={measure.norms} />
        <span className="cg-muted cg-small">
          {reporting === 0
            ? t('measures.implementation.noneShort')
            : t('measures.implementation.countsShort', {
                implemented: formatCount(counts.implemented),
                inProgress: formatCount(counts.in_progress),
                planned: formatCount(counts.planned),
              })}
        </span>
      </div>
    </li>
  );
}

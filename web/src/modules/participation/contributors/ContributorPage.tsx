import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { DateTime, formattingLocale } from '../../../lib/dates.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { PagedListView } from '../../../lib/PagedListView.tsx';
import { translateDynamic } from '../../../lib/translate.ts';
import { usePagedList } from '../../../lib/usePagedList.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, Badge, Card, PageHeader, PageSpinner, Table } from '../../../ui/index.ts';
import { useCountries, useStakeholderKinds } from '../../organizations/reference.ts';
import { ParticipationBreadcrumb } from '../processes/ParticipationBreadcrumb.tsx';
import { excerptOf } from '../processes/PlainText.tsx';
import { processPath } from '../processes/paths.ts';
import { draftPath, statementsPath } from '../statements/paths.ts';
import { StatementList } from '../statements/StatementList.tsx';
import type { Contributor, OrganizationContribution } from '../statements/types.ts';
import '../statements/statements.css';
import './contributors.css';

/** /participation/contributors/:organizationId: what an organization contributed, and what became of it. */
export function ContributorPage() {
  const { t } = useTranslation();
  const { organizationId = '' } = useParams();
  const { messageOf } = useErrorMessages();
  const { kindName } = useStakeholderKinds();
  const { countryName } = useCountries();

  const contributor = useQuery(`contributor:${organizationId}`, () =>
    call(
      api.GET('/api/v1/participation/contributors/{organizationId}', {
        params: { path: { organizationId } },
      }),
    ),
  );
  const statements = usePagedList(`contributor-statements:${organizationId}`, (cursor) =>
    call(
      api.GET('/api/v1/participation/statements', {
        params: { query: { organizationId, status: 'published', limit: 10, cursor } },
      }),
    ),
  );
  const contributions = usePagedList(`contributor-contributions:${organizationId}`, (cursor) =>
    call(
      api.GET('/api/v1/participation/contributions', {
        params: { query: { organizationId, limit: 10, cursor } },
      }),
    ),
  );
  usePageTitle(contributor.data?.organization.name ?? t('contributors.title'));

  if (contributor.isLoading && !contributor.data) return <PageSpinner label={t('common.loading')} />;
  if (contributor.error || !contributor.data) {
    return (
      <>
        <ParticipationBreadcrumb items={[]} />
        <PageHeader title={t('contributors.title')} />
        <Alert tone="danger">
          {contributor.error ? messageOf(contributor.error) : t('errors.unexpected_error')}
        </Alert>
      </>
    );
  }

  const { organization, accreditations, totals } = contributor.data;
  const country = countryName(organization.countryCode);
  return (
    <>
      <ParticipationBreadcrumb items={[]} />
      <PageHeader
        title={<span dir="auto">{organization.name}</span>}
        description={t('contributors.intro')}
        meta={
          <>
            <Badge tone="info">{kindName(organization.kind)}</Badge>
            {country && <span className="cg-muted">{country}</span>}
            {organization.website && (
              <a
                href={organization.website}
                rel="noopener noreferrer"
                target="_blank"
                className="cg-ltr cg-break"
              >
                {organization.website}
              </a>
            )}
          </>
        }
      />
      <div className="cg-stack">
        <Totals totals={totals} />
        <Card title={t('contributors.accreditationsTitle')}>
          {accreditations.length === 0 ? (
            <p className="cg-muted">
              {organization.kind === 'state'
                ? t('contributors.stateNoAccreditation')
                : t('contributors.noAccreditation')}
            </p>
          ) : (
            <Table
              caption={t('contributors.accreditationsTitle')}
              isCaptionHidden
              columns={[
                t('contributors.fields.process'),
                t('contributors.fields.route'),
                t('contributors.fields.accreditedOn'),
              ]}
            >
              {accreditations.map((accreditation) => (
                <tr key={accreditation.processId}>
                  <td>
                    <Link to={processPath(accreditation.processId)} dir="auto">
                      {accreditation.processTitle}
                    </Link>
                  </td>
                  <td>
                    {translateDynamic(
                      t,
                      `contributors.routes.${accreditation.route}`,
                      'contributors.routes.other',
                    )}
                  </td>
                  <td>
                    <DateTime value={accreditation.decidedAt} isDateOnly />
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </Card>
        <Card
          title={t('contributors.statementsTitle')}
          actions={
            statements.items.length > 0 && (
              <Link to={statementsPath({ organizationId })} className="cg-small">
                {t('contributors.allStatements')}
              </Link>
            )
          }
        >
          <PagedListView list={statements} loadingStyle="inline" emptyTitle={t('contributors.noStatements')}>
            <StatementList statements={statements.items} headingLevel={3} isOrganizationShown={false} />
          </PagedListView>
        </Card>
        <Card title={t('contributors.contributionsTitle')} description={t('contributors.contributionsIntro')}>
          <PagedListView
            list={contributions}
            loadingStyle="inline"
            emptyTitle={t('contributors.noContributions')}
          >
            <ul className="cg-ctb-list">
              {contributions.items.map((contribution) => (
                <ContributionEntry key={contribution.id} contribution={contribution} />
              ))}
            </ul>
          </PagedListView>
        </Card>
      </div>
    </>
  );
}

function Totals({ totals }: { totals: Contributor['totals'] }) {
  const { t, i18n } = useTranslation();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const count = new Intl.NumberFormat(locale);
  const figures = [
    {
      key: 'contributions',
      value: count.format(totals.contributions),
      hint: t('contributors.totals.contributionsHint'),
    },
    {
      key: 'statements',
      value: count.format(totals.statements),
      hint: t('contributors.totals.statementsHint'),
    },
    {
      key: 'incorporated',
      value: totals.incorporatedShare === null ? '—' : percent.format(totals.incorporatedShare),
      hint:
        totals.incorporatedShare === null
          ? t('contributors.totals.incorporatedNone')
          : t('contributors.totals.incorporatedHint', {
              incorporated: count.format(totals.incorporated),
              dispositioned: count.format(totals.dispositioned),
            }),
    },
  ] as const;
  return (
    <Card title={t('contributors.totalsTitle')}>
      <dl className="cg-ctb-totals">
        {figures.map((figure) => (
          <div key={figure.key} className="cg-ctb-figure">
            <dt>{t(`contributors.totals.${figure.key}`)}</dt>
            <dd>
              <span className="cg-ctb-figure-value">{figure.value}</span>
              <span className="cg-muted cg-small">{figure.hint}</span>
            </dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

const outcomeTone = {
  incorporated: 'success',
  partly_incorporated: 'success',
  considered: 'info',
  out_of_scope: 'neutral',
} as const;

/** One comment or amendment: where it was made, what it said, and the chair's disposition if given. */
function ContributionEntry({ contribution }: { contribution: OrganizationContribution }) {
  const { t } = useTranslation();
  const where =
    contribution.paragraphNumber !== null
      ? t('contributors.onParagraph', {
          paragraph: contribution.paragraphNumber,
          revision: contribution.revisionNumber,
        })
      : t('contributors.onRevision', { revision: contribution.revisionNumber });
  return (
    <li className="cg-ctb-entry">
      <div className="cg-cluster cg-ctb-entry-head">
        <Badge tone={contribution.kind === 'amendment' ? 'warning' : 'neutral'}>
          {t(`contributors.contributionKinds.${contribution.kind}`)}
        </Badge>
        <Link to={draftPath(contribution.draftId, contribution.revisionNumber, contribution.paragraphNumber)}>
          {where}
        </Link>
        <span className="cg-muted cg-small">
          <DateTime value={contribution.createdAt} isDateOnly />
        </span>
      </div>
      {contribution.body && (
        <p className="cg-ctb-body" dir="auto">
          {excerptOf(contribution.body, 320)}
        </p>
      )}
      {contribution.proposedText && (
        <p className="cg-ctb-proposed">
          <span className="cg-ctb-label">{t('contributors.proposedText')}</span>{' '}
          <bdi>{excerptOf(contribution.proposedText, 320)}</bdi>
        </p>
      )}
      <div className="cg-ctb-disposition">
        {contribution.disposition ? (
          <>
            <Badge tone={outcomeTone[contribution.disposition.outcome]}>
              {t(`contributors.outcomes.${contribution.disposition.outcome}`)}
            </Badge>
            <span dir="auto">{contribution.disposition.reason}</span>
          </>
        ) : (
          <Badge tone="neutral">{t('contributors.outcomes.pending')}</Badge>
        )}
      </div>
    </li>
  );
}

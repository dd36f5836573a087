import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { DateTime, formattingLocale } from '../../../lib/dates.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, Badge, Card, PageHeader, PageSpinner } from '../../../ui/index.ts';
import { ParticipationBreadcrumb } from '../processes/ParticipationBreadcrumb.tsx';
import { PlainText } from '../processes/PlainText.tsx';
import { processPath } from '../processes/paths.ts';
import { directionOfLanguage, StatementStatusBadge, useLanguageNames } from './labels.tsx';
import { ModerationActions } from './ModerationActions.tsx';
import { contributorPath, meetingPath, statementFileUrl, statementsPath } from './paths.ts';
import { formatFileSize } from './pdfUpload.ts';
import './statements.css';

/** /participation/statements/:statementId: the text, who submitted it, and where it was delivered. */
export function StatementPage() {
  const { t, i18n } = useTranslation();
  const { statementId = '' } = useParams();
  const { user } = useAuth();
  const { messageOf } = useErrorMessages();
  const languageName = useLanguageNames();

  // The submitting organization and the secretariat see it before publication, so the viewer is in the key.
  const statement = useQuery(`statement:${statementId}:${user?.id ?? ''}`, () =>
    call(api.GET('/api/v1/participation/statements/{id}', { params: { path: { id: statementId } } })),
  );
  const processId = statement.data?.processId;
  const process = useQuery(processId ? `process:${processId}` : null, () =>
    call(api.GET('/api/v1/participation/processes/{id}', { params: { path: { id: processId ?? '' } } })),
  );
  usePageTitle(statement.data?.title ?? t('statements.title'));

  if (statement.isLoading && !statement.data) return <PageSpinner label={t('common.loading')} />;
  if (statement.error || !statement.data) {
    return (
      <>
        <ParticipationBreadcrumb items={[{ to: statementsPath(), label: t('statements.title') }]} />
        <PageHeader title={t('statements.title')} />
        <Alert tone="danger">
          {statement.error ? messageOf(statement.error) : t('errors.unexpected_error')}
        </Alert>
      </>
    );
  }

  const current = statement.data;
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  const crumbs = [
    ...(process.data ? [{ to: processPath(current.processId), label: process.data.title }] : []),
    { to: statementsPath({ processId: current.processId }), label: t('statements.title') },
  ];

  return (
    <>
      <ParticipationBreadcrumb items={crumbs} />
      <PageHeader
        title={<span dir="auto">{current.title}</span>}
        meta={
          <>
            <Badge tone="info">{t(`statements.kinds.${current.kind}`)}</Badge>
            {current.status !== 'published' && <StatementStatusBadge status={current.status} />}
            <Link to={contributorPath(current.organization.id)} className="cg-stmt-org" dir="auto">
              {current.organization.name}
            </Link>
          </>
        }
      />
      <div className="cg-stmt-layout">
        <div className="cg-stack">
          {current.status === 'submitted' && (
            <Alert tone="warning" title={t('statements.awaitingTitle')}>
              <p>{t('statements.awaitingText')}</p>
            </Alert>
          )}
          {current.status === 'rejected' && (
            <Alert tone="danger" title={t('statements.rejectedTitle')}>
              {current.moderationNote ? (
                <p className="cg-stmt-note" dir="auto">
                  {current.moderationNote}
                </p>
              ) : (
                <p>{t('statements.rejectedNoNote')}</p>
              )}
            </Alert>
          )}
          {user?.isPlatformAdmin && current.status === 'submitted' && (
            <ModerationActions statement={current} onModerated={statement.setData} />
          )}
          <Card title={t('statements.textTitle')}>
            <div lang={current.language} dir={directionOfLanguage(current.language)}>
              {current.text.trim() ? (
                <PlainText text={current.text} className="cg-stmt-text" />
              ) : (
                <p className="cg-muted">{t('statements.noText')}</p>
              )}
            </div>
            {current.format === 'pdf' && (
              <p className="cg-muted cg-small cg-stmt-extracted">{t('statements.extractedNotice')}</p>
            )}
          </Card>
        </div>
        <aside className="cg-stack" aria-label={t('statements.aboutLabel')}>
          <Card title={t('statements.aboutTitle')}>
            <dl className="cg-stmt-facts">
              <div>
                <dt>{t('statements.fields.organization')}</dt>
                <dd>
                  <Link to={contributorPath(current.organization.id)} dir="auto">
                    {current.organization.name}
                  </Link>
                </dd>
              </div>
              <div>
                <dt>{t('statements.fields.kind')}</dt>
                <dd>{t(`statements.kinds.${current.kind}`)}</dd>
              </div>
              <div>
                <dt>{t('statements.fields.language')}</dt>
                <dd>{languageName(current.language)}</dd>
              </div>
              {process.data && (
                <div>
                  <dt>{t('statements.fields.process')}</dt>
                  <dd>
                    <Link to={processPath(current.processId)} dir="auto">
                      {process.data.title}
                    </Link>
                  </dd>
                </div>
              )}
              {current.meetingLabel && (
                <div>
                  <dt>{t('statements.fields.meeting')}</dt>
                  <dd>
                    {current.meetingId ? (
                      <Link to={meetingPath(current.meetingId)} dir="auto">
                        {current.meetingLabel}
                      </Link>
                    ) : (
                      <bdi>{current.meetingLabel}</bdi>
                    )}
                  </dd>
                </div>
              )}
              {current.agendaItem && (
                <div>
                  <dt>{t('statements.fields.agendaItem')}</dt>
                  <dd>
                    <bdi>{current.agendaItem}</bdi>
                  </dd>
                </div>
              )}
              <div>
                <dt>{t('statements.fields.status')}</dt>
                <dd>
                  <StatementStatusBadge status={current.status} />
                </dd>
              </div>
              <div>
                <dt>{current.publishedAt ? t('statements.publishedOn') : t('statements.submittedOn')}</dt>
                <dd>
                  <DateTime value={current.publishedAt ?? current.createdAt} />
                </dd>
              </div>
            </dl>
          </Card>
          {current.format === 'pdf' && (
            <Card title={t('statements.originalTitle')}>
              <p className="cg-stmt-file">
                <a href={statementFileUrl(current.id)} download={current.fileName ?? undefined}>
                  {t('statements.downloadPdf')}
                </a>
                <span className="cg-muted cg-small">
                  <bdi>{current.fileName ?? 'statement.pdf'}</bdi>
                  {current.fileSize !== null && ` · ${formatFileSize(current.fileSize, locale)}`}
                </span>
              </p>
              {current.fileSha256 && (
                <p className="cg-muted cg-small cg-break">
                  <bdi>{t('statements.checksum')}</bdi> <code className="cg-ltr">{current.fileSha256}</code>
                </p>
              )}
            </Card>
          )}
        </aside>
      </div>
    </>
  );
}

import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../../../api/errors.ts';
import { DateTime, formattingLocale, useDateFormatters } from '../../../lib/dates.tsx';
import { readFragmentParam, useFragmentToken } from '../../../lib/fragment.ts';
import { useLanguageNames, useUiLanguage } from '../../../lib/localized.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, Button, Card, CopyButton, PageHeader, PageSpinner, TextField } from '../../../ui/index.ts';
import { programPath } from '../programs/paths.ts';
import { getProgram } from '../programs/programsApi.ts';
import { useDisclosureLabels } from '../shared/codes.ts';
import { LockIcon } from '../shared/LockIcon.tsx';
import { ReportStatusBadge } from '../shared/ReportStatusBadge.tsx';
import type { Report, ReportAttachment, ReportContent } from '../shared/types.ts';
import { useReporterErrorMessage } from './errors.ts';
import { formatFileSize } from './files.ts';
import { ReplyForm } from './ReplyForm.tsx';
import { fetchAttachment, getReportWithToken, saveBlob } from './reporterApi.ts';
import {
  forgetStoredToken,
  readStoredToken,
  reporterLinkOf,
  reportIdOf,
  storeToken,
  tokenFromPasted,
} from './token.ts';
import './reporter.css';

/**
 * /reports/track#token=…: a researcher follows a report with the secret link. The token is read from the
 * fragment (which is then removed from the address bar), kept for this tab only, and sent in a header.
 */
export function ReportTrackPage() {
  const { t } = useTranslation();
  const fromLink = useFragmentToken();
  const [token, setToken] = useState<string | null>(() => fromLink ?? readStoredToken());
  usePageTitle(t('reporter.track.title'));

  useEffect(() => {
    if (token && reportIdOf(token)) storeToken(token);
  }, [token]);

  // A link opened while this page is already showing changes only the fragment: take its token too.
  useEffect(() => {
    const onHashChange = () => {
      const fromHash = readFragmentParam(window.location.hash, 'token');
      if (!fromHash) return;
      const { pathname, search } = window.location;
      window.history.replaceState(window.history.state, '', `${pathname}${search}`);
      setToken(fromHash);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  const reportId = token ? reportIdOf(token) : null;
  const report = useQuery(token && reportId ? `reporter-report:${token}` : null, () =>
    getReportWithToken(reportId ?? '', token ?? ''),
  );

  const forget = () => {
    forgetStoredToken();
    setToken(null);
  };

  if (token && !reportId) {
    // A link cut short (mail programs wrap long lines) or mistyped: say so, rather than "no link".
    return (
      <>
        <PageHeader title={t('reporter.track.title')} />
        <div className="cg-stack">
          <TrackError
            error={new ApiError(401, 'invalid_reporter_token')}
            onRetry={() => undefined}
            onForget={forget}
          />
          <PasteLinkForm onToken={setToken} />
        </div>
      </>
    );
  }
  if (!token || !reportId) {
    return (
      <>
        <PageHeader title={t('reporter.track.title')} />
        <div className="cg-stack">
          <Alert tone="info" title={t('reporter.track.noLinkTitle')}>
            <p>{t('reporter.track.noLinkText')}</p>
          </Alert>
          <PasteLinkForm onToken={setToken} />
        </div>
      </>
    );
  }
  if (report.error) {
    return (
      <>
        <PageHeader title={t('reporter.track.title')} />
        <div className="cg-stack">
          <TrackError error={report.error} onRetry={report.reload} onForget={forget} />
          <PasteLinkForm onToken={setToken} />
        </div>
      </>
    );
  }
  if (!report.data) return <PageSpinner label={t('common.loading')} />;
  return <ReportView report={report.data} token={token} onChange={report.setData} onForget={forget} />;
}

function TrackError({
  error,
  onRetry,
  onForget,
}: {
  error: ApiError;
  onRetry: () => void;
  onForget: () => void;
}) {
  const { t } = useTranslation();
  const errorMessage = useReporterErrorMessage();
  const isLinkRefused = error.code === 'invalid_reporter_token' || error.status === 404;
  return (
    <Alert
      tone="danger"
      title={isLinkRefused ? t('reporter.track.invalidTitle') : t('common.errorTitle')}
      isLive
    >
      <p>{isLinkRefused ? t('reporter.track.invalidText') : errorMessage(error)}</p>
      <div className="cg-cluster">
        {!isLinkRefused && (
          <Button variant="secondary" size="small" onClick={onRetry}>
            {t('reporter.track.retry')}
          </Button>
        )}
        <Button variant="ghost" size="small" onClick={onForget}>
          {t('reporter.track.forget')}
        </Button>
      </div>
    </Alert>
  );
}

/** "Have a link? Paste it here": the whole link or the token alone. */
function PasteLinkForm({ onToken }: { onToken: (token: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const token = tokenFromPasted(value);
    if (!token) {
      setError(t('reporter.track.pasteInvalid'));
      return;
    }
    setError(undefined);
    setValue('');
    onToken(token);
  };
  return (
    <Card title={t('reporter.track.pasteTitle')}>
      <form className="cg-form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t('reporter.track.pasteLabel')}
          hint={t('reporter.track.pasteHint')}
          value={value}
          onChange={setValue}
          error={error}
          dir="ltr"
          autoComplete="off"
          spellCheck={false}
          required
        />
        <div>
          <Button type="submit">{t('reporter.track.open')}</Button>
        </div>
      </form>
    </Card>
  );
}

type ReportViewProps = {
  report: Report;
  token: string;
  onChange: (report: Report) => void;
  onForget: () => void;
};

function ReportView({ report, token, onChange, onForget }: ReportViewProps) {
  const { t } = useTranslation();
  const labels = useDisclosureLabels();
  const { formatDate } = useDateFormatters();
  const languageName = useLanguageNames();
  const uiLanguage = useUiLanguage();
  // The program's key, to encrypt replies to an encrypted report; a retired program may no longer be readable.
  const program = useQuery(
    report.isEncrypted ? `reporter-program:${report.programId}:${uiLanguage}` : null,
    () => getProgram(report.programId, uiLanguage),
  );
  const title = report.content?.title;

  return (
    <>
      <PageHeader
        title={t('reporter.track.title')}
        description={
          <>
            {t('reporter.track.trackingId')}{' '}
            <code dir="ltr" translate="no">
              {report.id}
            </code>
          </>
        }
        meta={<ReportStatusBadge status={report.status} closeReason={report.closeReason} />}
      />
      <div className="cg-stack">
        <Card title={t('reporter.track.statusTitle')}>
          <p>{t(`reporter.statusExplained.${statusKey(report.status)}`)}</p>
          <dl className="cg-details-list">
            <dt>{t('reporter.fields.program')}</dt>
            <dd>
              <Link to={programPath(report.programId)} dir="auto">
                {report.programName}
              </Link>{' '}
              · <bdi>{report.orgName}</bdi>
            </dd>
            <dt>{t('reporter.track.status')}</dt>
            <dd>
              {labels.reportStatus(report.status)}
              {report.status === 'closed' && report.closeReason && (
                <> — {labels.closeReason(report.closeReason)}</>
              )}
              {report.duplicateOf && (
                <>
                  {' '}
                  {t('reporter.track.duplicateOf')}{' '}
                  <code dir="ltr" translate="no">
                    {report.duplicateOf}
                  </code>
                </>
              )}
            </dd>
            {report.caseId && (
              <>
                <dt>{t('reporter.track.outcome')}</dt>
                <dd>
                  {report.advisory ? (
                    <>
                      {t('reporter.track.outcomeAdvisory', {
                        trackingId: report.advisory.trackingId,
                        date: formatDate(report.advisory.publishedAt),
                      })}{' '}
                      <Link to={`/advisories/${report.advisory.id}`}>{t('reporter.track.readAdvisory')}</Link>
                    </>
                  ) : (
                    t('reporter.track.outcomeCase')
                  )}{' '}
                  <Link to={`/reports/track/case?case=${encodeURIComponent(report.caseId)}`}>
                    {t('reporter.track.openCase')}
                  </Link>
                </dd>
              </>
            )}
            <dt>{t('reporter.track.sentAt')}</dt>
            <dd>
              <DateTime value={report.createdAt} />
            </dd>
            <dt>{t('reporter.track.acknowledgedAt')}</dt>
            <dd>
              <DateTime value={report.acknowledgedAt} emptyText={t('reporter.track.notYet')} />
            </dd>
            {report.closedAt && (
              <>
                <dt>{t('reporter.track.closedAt')}</dt>
                <dd>
                  <DateTime value={report.closedAt} />
                </dd>
              </>
            )}
            <dt>{t('reporter.fields.language')}</dt>
            <dd>{report.language ? languageName(report.language) : '—'}</dd>
            <dt>{t('reporter.fields.credit')}</dt>
            <dd>
              {report.credit.choice === 'name' && report.credit.name ? (
                <bdi>{report.credit.name}</bdi>
              ) : (
                t(`reporter.credit.${report.credit.choice === 'anonymous' ? 'anonymous' : 'none'}`)
              )}
            </dd>
          </dl>
        </Card>

        <Card title={title ? <span dir="auto">{title}</span> : t('reporter.track.contentTitle')}>
          <div className="cg-stack">
            {report.content ? (
              <ContentView content={report.content} />
            ) : (
              <Alert tone="info">
                <LockIcon />
                {t('reporter.track.encryptedContent')}
              </Alert>
            )}
            {report.attachments.length > 0 && (
              <>
                <h3>{t('reporter.fields.attachments')}</h3>
                <AttachmentList reportId={report.id} token={token} attachments={report.attachments} />
              </>
            )}
          </div>
        </Card>

        <Card title={t('reporter.thread.title')}>
          <Thread report={report} token={token} />
          <ReplyForm
            report={report}
            token={token}
            programKey={program.data?.openpgp ?? null}
            isKeyLoading={program.isLoading}
            onPosted={onChange}
          />
        </Card>

        <Card title={t('reporter.track.linkTitle')}>
          <p>{t('reporter.track.linkText')}</p>
          <div className="cg-cluster">
            <CopyButton
              text={reporterLinkOf(token, window.location.origin)}
              label={t('reporter.track.copyLink')}
              copiedLabel={t('common.copied')}
              failedLabel={t('common.copyFailed')}
            />
            <Button variant="ghost" size="small" onClick={onForget}>
              {t('reporter.track.forget')}
            </Button>
          </div>
        </Card>
      </div>
    </>
  );
}

/** Catalog keys exist for the known statuses; an unknown one reads as "received". */
function statusKey(status: string): 'received' | 'acknowledged' | 'tracked' | 'coordinating' | 'closed' {
  return (
    (['received', 'acknowledged', 'tracked', 'coordinating', 'closed'] as const).find((s) => s === status) ??
    'received'
  );
}

const TEXT_FIELDS = [
  'product',
  'version',
  'description',
  'reproduction',
  'impact',
  'priorVendorContact',
  'disclosurePlans',
] as const;

function ContentView({ content }: { content: ReportContent }) {
  const { t } = useTranslation();
  const labels = useDisclosureLabels();
  return (
    <dl className="cg-vdp-content">
      {TEXT_FIELDS.map((name) => (
        <div key={name}>
          <dt>{t(`reporter.fields.${name}`)}</dt>
          <dd>
            {content[name].trim() ? (
              <p className="cg-vdp-text" dir="auto">
                {content[name]}
              </p>
            ) : (
              <span className="cg-muted">{t('reporter.track.notGiven')}</span>
            )}
          </dd>
        </div>
      ))}
      <div>
        <dt>{t('reporter.fields.exploitation')}</dt>
        <dd>{labels.tristate(content.exploitation)}</dd>
      </div>
      <div>
        <dt>{t('reporter.fields.publicity')}</dt>
        <dd>{labels.tristate(content.publicity)}</dd>
      </div>
    </dl>
  );
}

function Thread({ report, token }: { report: Report; token: string }) {
  const { t } = useTranslation();
  const messages = [...report.messages].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (messages.length === 0) return <p className="cg-muted">{t('reporter.thread.empty')}</p>;
  return (
    <ol className="cg-vdp-thread">
      {messages.map((message) => {
        const isMine = message.authorRole === 'reporter';
        return (
          <li key={message.id} className="cg-vdp-message" data-side={isMine ? 'reporter' : 'program'}>
            <div className="cg-vdp-message-meta">
              <strong>{isMine ? t('reporter.thread.you') : t('reporter.thread.program')}</strong>
              <span className="cg-small cg-muted">
                <DateTime value={message.createdAt} />
              </span>
            </div>
            {message.isEncrypted ? (
              <p className="cg-muted">
                <LockIcon />
                {isMine ? t('reporter.thread.encryptedMine') : t('reporter.thread.encrypted')}
              </p>
            ) : (
              <p className="cg-vdp-text" dir="auto">
                {message.body}
              </p>
            )}
            {message.attachments.length > 0 && (
              <AttachmentList reportId={report.id} token={token} attachments={message.attachments} />
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** Attachments download through fetch, because the secret travels in a header that a plain link cannot send. */
function AttachmentList({
  reportId,
  token,
  attachments,
}: {
  reportId: string;
  token: string;
  attachments: ReportAttachment[];
}) {
  const { t, i18n } = useTranslation();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  const errorMessage = useReporterErrorMessage();
  const [busyId, setBusyId] = useState<string>();
  const [failure, setFailure] = useState<{ id: string; message: string }>();
  const isMounted = useRef(true);
  useEffect(
    () => () => {
      isMounted.current = false;
    },
    [],
  );

  const download = async (attachment: ReportAttachment) => {
    setBusyId(attachment.id);
    setFailure(undefined);
    try {
      const blob = await fetchAttachment(reportId, attachment.id, token);
      saveBlob(blob, attachment.fileName);
    } catch (error) {
      if (isMounted.current) setFailure({ id: attachment.id, message: errorMessage(error as ApiError) });
    } finally {
      if (isMounted.current) setBusyId(undefined);
    }
  };

  return (
    <ul className="cg-vdp-attachments">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          <span className="cg-cluster">
            <bdi className="cg-vdp-file-name">{attachment.fileName}</bdi>
            <span className="cg-muted cg-small">
              {attachment.mediaType} · {formatFileSize(attachment.size, locale)}
            </span>
            <Button
              variant="secondary"
              size="small"
              isBusy={busyId === attachment.id}
              onClick={() => void download(attachment)}
            >
              {t('reporter.track.download')}
              <span className="cg-visually-hidden"> {attachment.fileName}</span>
            </Button>
          </span>
          <span className="cg-small">
            <span className="cg-muted">SHA-256 </span>
            <code className="cg-vdp-hash">{attachment.sha256}</code>
          </span>
          {failure?.id === attachment.id && (
            <span className="cg-field-error" role="alert">
              {failure.message}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { ApiError } from '../../../api/errors.ts';
import { useCurrentUser } from '../../../app/auth.tsx';
import { useToast } from '../../../app/toasts.tsx';
import { matchLanguage } from '../../../i18n/languages.ts';
import { formattingLocale, useDateFormatters } from '../../../lib/dates.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../../lib/FormErrorAlert.tsx';
import { useAction } from '../../../lib/useAction.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import {
  Alert,
  Button,
  ButtonLink,
  Card,
  PageHeader,
  PageSpinner,
  Select,
  type SelectOption,
  TextArea,
  TextField,
} from '../../../ui/index.ts';
import { ParticipationBreadcrumb } from '../processes/ParticipationBreadcrumb.tsx';
import { processPath } from '../processes/paths.ts';
import { isolate, useLanguageNames } from './labels.tsx';
import { statementPath, statementsPath } from './paths.ts';
import { checkPdfFile, formatFileSize, MAX_PDF_BYTES, type PdfCheck, readFileAsBase64 } from './pdfUpload.ts';
import { STATEMENT_KINDS, type StatementKind, type SubmitStatementBody, UN_LANGUAGES } from './types.ts';
import './statements.css';

/** The meeting select's value for a meeting that is not scheduled on the platform. */
const OTHER_MEETING = 'other';

type Format = 'markdown' | 'pdf';

/** /participation/processes/:processId/statements/new: a statement, position paper or written input. */
export function SubmitStatementPage() {
  const { t, i18n } = useTranslation();
  const { processId = '' } = useParams();
  const [searchParams] = useSearchParams();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const toast = useToast();
  const { fieldErrorsOf } = useErrorMessages();
  const { formatDate } = useDateFormatters();
  const languageName = useLanguageNames();
  const formatGroupId = useId();

  const organizations = user.memberships.filter((membership) => membership.isOrgVerified);
  const [organizationId, setOrganizationId] = useState(
    organizations.length === 1 ? (organizations[0]?.organizationId ?? '') : '',
  );
  const [kind, setKind] = useState<StatementKind>('statement');
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<string>(matchLanguage(i18n.language) ?? 'en');
  const [meetingChoice, setMeetingChoice] = useState(searchParams.get('meetingId') ?? '');
  const [agendaItemId, setAgendaItemId] = useState(searchParams.get('agendaItemId') ?? '');
  const [meetingLabel, setMeetingLabel] = useState('');
  const [agendaItemLabel, setAgendaItemLabel] = useState('');
  const [format, setFormat] = useState<Format>('markdown');
  const [markdown, setMarkdown] = useState('');
  const [file, setFile] = useState<File>();
  const [fileCheck, setFileCheck] = useState<PdfCheck>('ok');

  const path = { id: processId };
  const process = useQuery(`process:${processId}`, () =>
    call(api.GET('/api/v1/participation/processes/{id}', { params: { path } })),
  );
  const meetings = useQuery(`statement-meetings:${processId}`, async () => {
    const [upcoming, past] = await Promise.all(
      (['upcoming', 'past'] as const).map((when) =>
        call(
          api.GET('/api/v1/participation/processes/{id}/meetings', {
            params: { path, query: { when, limit: 50 } },
          }),
        ),
      ),
    );
    return [...(upcoming?.items ?? []), ...(past?.items ?? [])];
  });
  const scheduledMeetingId = meetingChoice && meetingChoice !== OTHER_MEETING ? meetingChoice : null;
  const meeting = useQuery(scheduledMeetingId ? `meeting:${scheduledMeetingId}` : null, () =>
    call(
      api.GET('/api/v1/participation/meetings/{id}', { params: { path: { id: scheduledMeetingId ?? '' } } }),
    ),
  );
  usePageTitle(t('statements.submitTitle'));

  const submit = useAction(async () => {
    const body: SubmitStatementBody = {
      organizationId,
      kind,
      title: title.trim(),
      language,
    };
    if (scheduledMeetingId && agendaItemId) body.agendaItemId = agendaItemId;
    if (meetingChoice === OTHER_MEETING) {
      if (meetingLabel.trim()) body.meetingLabel = meetingLabel.trim();
      if (agendaItemLabel.trim()) body.agendaItem = agendaItemLabel.trim();
    }
    if (format === 'pdf') {
      if (!file) throw new ApiError(400, 'file_required');
      let contentBase64: string;
      try {
        contentBase64 = await readFileAsBase64(file);
      } catch {
        throw new ApiError(0, 'file_unreadable');
      }
      body.pdf = { fileName: file.name.replace(/[/\\]/g, '_'), contentBase64 };
    } else {
      body.markdown = markdown;
    }
    return call(api.POST('/api/v1/participation/processes/{id}/statements', { params: { path }, body }));
  });
  const fieldErrors = fieldErrorsOf(submit.error, {
    not_a_pdf: 'pdf',
    unreadable_pdf: 'pdf',
    invalid_base64: 'pdf',
    file_too_large: 'pdf',
    file_required: 'pdf',
    file_unreadable: 'pdf',
    unknown_agenda_item: 'agendaItemId',
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (format === 'pdf' && file && fileCheck !== 'ok') return;
    const created = await submit.run();
    if (!created) return;
    toast(t('statements.submitted'));
    navigate(statementPath(created.id));
  };

  const chooseFile = (chosen: File | undefined) => {
    setFile(chosen);
    setFileCheck(chosen ? checkPdfFile(chosen) : 'ok');
  };

  if (process.isLoading && !process.data) return <PageSpinner label={t('common.loading')} />;
  const processTitle = process.data?.title ?? '';
  const crumbs = [
    ...(process.data ? [{ to: processPath(processId), label: processTitle }] : []),
    { to: statementsPath({ processId }), label: t('statements.title') },
  ];

  if (organizations.length === 0) {
    return (
      <>
        <ParticipationBreadcrumb items={crumbs} />
        <PageHeader title={t('statements.submitTitle')} />
        <Alert tone="warning" title={t('statements.noOrganizationTitle')}>
          <p>{t('statements.noOrganizationText')}</p>
          <ButtonLink to="/organizations" variant="secondary">
            {t('statements.findOrganization')}
          </ButtonLink>
        </Alert>
      </>
    );
  }

  const meetingOptions: SelectOption[] = [
    ...(meetings.data ?? []).map((entry) => ({
      value: entry.id,
      label: t('statements.meetingOption', { title: entry.title, date: formatDate(entry.startsAt) }),
    })),
    { value: OTHER_MEETING, label: t('statements.otherMeeting') },
  ];
  const agendaOptions: SelectOption[] = (meeting.data?.agenda ?? []).map((item) => ({
    value: item.id,
    label: t('statements.agendaOption', { number: item.position, title: item.title }),
  }));
  const languageOptions: SelectOption[] = UN_LANGUAGES.map((code) => ({
    value: code,
    label: languageName(code),
  }));
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  const fileProblem =
    fileCheck === 'not_pdf'
      ? t('statements.fileNotPdf')
      : fileCheck === 'too_large'
        ? t('statements.fileTooLarge', { limit: formatFileSize(MAX_PDF_BYTES, locale) })
        : fileCheck === 'empty'
          ? t('statements.fileEmpty')
          : undefined;

  return (
    <>
      <ParticipationBreadcrumb items={crumbs} />
      <PageHeader
        title={t('statements.submitTitle')}
        description={
          processTitle ? t('statements.submitIntro', { process: isolate(processTitle) }) : undefined
        }
      />
      <div className="cg-stmt-submit">
        <Card title={t('statements.submitFormTitle')}>
          <form className="cg-form cg-form-wide" onSubmit={onSubmit} noValidate>
            <FormErrorAlert error={submit.error} />
            {submit.error?.code === 'forbidden' && (
              <Alert tone="warning">
                <p>{t('statements.submitForbidden')}</p>
                <Link to={processPath(processId)}>{t('statements.seeModalities')}</Link>
              </Alert>
            )}
            <Select
              label={t('statements.fields.organization')}
              value={organizationId}
              onChange={setOrganizationId}
              emptyOption={organizations.length > 1 ? t('common.choose') : undefined}
              options={organizations.map((membership) => ({
                value: membership.organizationId,
                label: membership.organizationName,
              }))}
              hint={t('statements.fields.organizationHint')}
              required
              error={fieldErrors.organizationId}
            />
            <div className="cg-form-row">
              <Select
                label={t('statements.fields.kind')}
                value={kind}
                onChange={(value) => setKind(value as StatementKind)}
                options={STATEMENT_KINDS.map((value) => ({ value, label: t(`statements.kinds.${value}`) }))}
                required
                error={fieldErrors.kind}
              />
              <Select
                label={t('statements.fields.language')}
                value={language}
                onChange={setLanguage}
                options={languageOptions}
                hint={t('statements.fields.languageHint')}
                required
                error={fieldErrors.language}
              />
            </div>
            <TextField
              label={t('statements.fields.title')}
              value={title}
              onChange={setTitle}
              required
              minLength={3}
              maxLength={300}
              dir="auto"
              error={fieldErrors.title}
            />
            <div className="cg-form-row">
              <Select
                label={t('statements.fields.meeting')}
                labelNote={t('common.optional')}
                value={meetingChoice}
                onChange={(value) => {
                  setMeetingChoice(value);
                  setAgendaItemId('');
                }}
                options={meetingOptions}
                emptyOption={t('statements.noMeeting')}
                hint={t('statements.fields.meetingHint')}
              />
              {scheduledMeetingId && (
                <Select
                  label={t('statements.fields.agendaItem')}
                  value={agendaItemId}
                  onChange={setAgendaItemId}
                  options={agendaOptions}
                  emptyOption={meeting.isLoading ? t('common.loading') : t('common.choose')}
                  required
                  error={fieldErrors.agendaItemId}
                />
              )}
            </div>
            {meetingChoice === OTHER_MEETING && (
              <div className="cg-form-row">
                <TextField
                  label={t('statements.fields.meetingLabel')}
                  labelNote={t('common.optional')}
                  hint={t('statements.fields.meetingLabelHint')}
                  value={meetingLabel}
                  onChange={setMeetingLabel}
                  maxLength={200}
                  dir="auto"
                  error={fieldErrors.meetingLabel}
                />
                <TextField
                  label={t('statements.fields.agendaItemLabel')}
                  labelNote={t('common.optional')}
                  value={agendaItemLabel}
                  onChange={setAgendaItemLabel}
                  maxLength={200}
                  dir="auto"
                  error={fieldErrors.agendaItem}
                />
              </div>
            )}
            <fieldset className="cg-fieldset">
              <legend>{t('statements.fields.format')}</legend>
              <div className="cg-stmt-format-choice">
                {(['markdown', 'pdf'] as const).map((option) => (
                  <div key={option} className="cg-checkbox">
                    <input
                      type="radio"
                      id={`${formatGroupId}-${option}`}
                      name={formatGroupId}
                      value={option}
                      checked={format === option}
                      onChange={() => setFormat(option)}
                    />
                    <label htmlFor={`${formatGroupId}-${option}`}>{t(`statements.formats.${option}`)}</label>
                  </div>
                ))}
              </div>
            </fieldset>
            {format === 'markdown' ? (
              <TextArea
                label={t('statements.fields.text')}
                hint={t('statements.fields.textHint')}
                value={markdown}
                onChange={setMarkdown}
                rows={14}
                required
                maxLength={500_000}
                dir="auto"
                error={fieldErrors.markdown}
              />
            ) : (
              <PdfField
                file={file}
                locale={locale}
                onChoose={chooseFile}
                error={fileProblem ?? fieldErrors.pdf ?? fieldErrors.contentBase64 ?? fieldErrors.fileName}
              />
            )}
            <Alert tone="info">{t('statements.moderationNotice')}</Alert>
            <div className="cg-cluster">
              <Button type="submit" isBusy={submit.isBusy}>
                {t('statements.submitAction')}
              </Button>
              <ButtonLink to={statementsPath({ processId })} variant="secondary">
                {t('common.cancel')}
              </ButtonLink>
            </div>
          </form>
        </Card>
      </div>
    </>
  );
}

type PdfFieldProps = {
  file: File | undefined;
  locale: string;
  onChoose: (file: File | undefined) => void;
  error: string | undefined;
};

/** A file input for the PDF, with what was chosen and its size, and why it cannot be sent. */
function PdfField({ file, locale, onChoose, error }: PdfFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hintId, error ? errorId : ''].filter(Boolean).join(' ');
  return (
    <div className="cg-field">
      <label className="cg-label" htmlFor={id}>
        {t('statements.fields.pdf')}
      </label>
      <div className="cg-hint" id={hintId}>
        {t('statements.fields.pdfHint', { limit: formatFileSize(MAX_PDF_BYTES, locale) })}
      </div>
      <input
        id={id}
        type="file"
        className="cg-stmt-file-input"
        accept="application/pdf,.pdf"
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChoose(event.target.files?.[0])}
      />
      {file && (
        <p className="cg-stmt-file-chosen" aria-live="polite">
          <bdi>{file.name}</bdi>
          <span className="cg-muted">{formatFileSize(file.size, locale)}</span>
        </p>
      )}
      {error && (
        <div className="cg-field-error" id={errorId}>
          {error}
        </div>
      )}
    </div>
  );
}

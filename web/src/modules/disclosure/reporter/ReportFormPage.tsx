import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../../api/errors.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useLanguageNames, useUiLanguage } from '../../../lib/localized.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import {
  Alert,
  Button,
  Checkbox,
  PageHeader,
  PageSpinner,
  Select,
  Spinner,
  TextArea,
  TextField,
} from '../../../ui/index.ts';
import { bodyFieldOf, useProgramErrorMessage } from '../programs/errors.ts';
import { programPath } from '../programs/paths.ts';
import { getProgram } from '../programs/programsApi.ts';
import { ChoiceGroup } from '../shared/ChoiceGroup.tsx';
import { useDisclosureLabels } from '../shared/codes.ts';
import { Fingerprint } from '../shared/Fingerprint.tsx';
import { encryptBytes, encryptText, OpenpgpBrowserError, preloadOpenpgp } from '../shared/openpgpBrowser.ts';
import {
  type AttachmentInput,
  CREDIT_CHOICES,
  type CreatedReport,
  type CreateReportBody,
  type CreditChoice,
  MAX_ATTACHMENTS,
  type Program,
  type ReportContent,
  TRISTATE,
  type Tristate,
} from '../shared/types.ts';
import { fileLimitOf, useReporterErrorMessage } from './errors.ts';
import { FilesField } from './FilesField.tsx';
import { type ChosenFile, encryptedAttachment, plainAttachment } from './files.ts';
import { ReportSentPanel } from './ReportSentPanel.tsx';
import { createReport } from './reporterApi.ts';
import './reporter.css';

/** /disclose/:id/report: one plain form, light enough for a slow connection; OpenPGP loads only to encrypt. */
export function ReportFormPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const language = useUiLanguage();
  const errorMessage = useProgramErrorMessage();
  const program = useQuery(`disclosure-program:${id}:${language}`, () => getProgram(id, language));
  const [created, setCreated] = useState<CreatedReport>();
  usePageTitle(created ? t('reporter.sent.title') : t('reporter.form.title'));

  if (program.error) {
    return (
      <>
        <PageHeader title={t('reporter.form.title')} />
        <Alert tone="danger" title={t('common.errorTitle')} isLive>
          <p>{errorMessage(program.error)}</p>
        </Alert>
      </>
    );
  }
  if (!program.data) return <PageSpinner label={t('common.loading')} />;
  if (created) return <ReportSentPanel created={created} program={program.data} />;
  return <ReportFormGate program={program.data} onSent={setCreated} />;
}

function ReportFormGate({ program, onSent }: { program: Program; onSent: (created: CreatedReport) => void }) {
  const { t } = useTranslation();
  const { user, isLoading } = useAuth();
  const header = (
    <PageHeader
      title={t('reporter.form.title')}
      description={
        <>
          {t('reporter.form.to')}{' '}
          <Link to={programPath(program.id)} dir="auto">
            {program.name}
          </Link>
          {' · '}
          <bdi>{program.orgName}</bdi>
        </>
      }
    />
  );
  if (program.status !== 'published') {
    return (
      <>
        {header}
        <Alert tone="warning" title={t('reporter.form.closedTitle')}>
          <p>{t('reporter.form.closedText')}</p>
        </Alert>
      </>
    );
  }
  if (isLoading) return <PageSpinner label={t('common.loading')} />;
  if (!user && !program.acceptsAnonymous) {
    const next = encodeURIComponent(window.location.pathname);
    return (
      <>
        {header}
        <Alert tone="info" title={t('reporter.form.signInTitle')}>
          <p>{t('reporter.form.signInText')}</p>
          <Link to={`/sign-in?next=${next}`}>{t('reporter.form.signIn')}</Link>
        </Alert>
      </>
    );
  }
  return (
    <>
      {header}
      <ReportForm program={program} signedInAs={user?.displayName ?? null} onSent={onSent} />
    </>
  );
}

type Fields = Omit<ReportContent, 'exploitation' | 'publicity'> & {
  exploitation: Tristate;
  publicity: Tristate;
};

const EMPTY_FIELDS: Fields = {
  title: '',
  product: '',
  version: '',
  description: '',
  reproduction: '',
  impact: '',
  priorVendorContact: '',
  exploitation: 'unknown',
  publicity: 'unknown',
  disclosurePlans: '',
};

const LIMITS: Record<keyof Omit<Fields, 'exploitation' | 'publicity'>, number> = {
  title: 200,
  product: 200,
  version: 200,
  description: 50_000,
  reproduction: 50_000,
  impact: 20_000,
  priorVendorContact: 5_000,
  disclosurePlans: 5_000,
};
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

type Stage = 'idle' | 'encrypting' | 'sending';

type ReportFormProps = {
  program: Program;
  signedInAs: string | null;
  onSent: (created: CreatedReport) => void;
};

function ReportForm({ program, signedInAs, onSent }: ReportFormProps) {
  const { t } = useTranslation();
  const uiLanguage = useUiLanguage();
  const languageName = useLanguageNames();
  const labels = useDisclosureLabels();
  const errorMessage = useReporterErrorMessage();
  const [fields, setFields] = useState<Fields>(EMPTY_FIELDS);
  const [credit, setCredit] = useState<CreditChoice>(program.offersCredit ? 'anonymous' : 'none');
  const [creditName, setCreditName] = useState('');
  const [email, setEmail] = useState('');
  const [language, setLanguage] = useState<string>(uiLanguage);
  const [files, setFiles] = useState<ChosenFile[]>([]);
  const [isEncrypting, setIsEncrypting] = useState(program.openpgp !== null);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [stage, setStage] = useState<Stage>('idle');
  const [failure, setFailure] = useState<ApiError | OpenpgpBrowserError>();
  const [fileLimit, setFileLimit] = useState<number | null>(null);
  const isSending = useRef(false);
  const errorSummary = useRef<HTMLDivElement>(null);
  const key = program.openpgp;

  // Fetch the library while the researcher writes, so sending does not wait for it; never when in clear.
  useEffect(() => {
    if (key && isEncrypting) preloadOpenpgp();
  }, [key, isEncrypting]);

  const set = <K extends keyof Fields>(name: K, value: Fields[K]) =>
    setFields((current) => ({ ...current, [name]: value }));

  const languageOptions = [...new Set([uiLanguage, ...program.languages])].map((tag) => ({
    value: tag,
    label: `${languageName(tag)}${program.languages.includes(tag) ? '' : ` (${t('reporter.form.notListed')})`}`,
  }));

  const validate = (): Record<string, string> => {
    const errors: Record<string, string> = {};
    const required = t('reporter.form.required');
    if (!fields.title.trim()) errors.title = required;
    if (!fields.product.trim()) errors.product = required;
    if (!fields.description.trim()) errors.description = required;
    for (const [name, max] of Object.entries(LIMITS) as [keyof typeof LIMITS, number][]) {
      if (fields[name].length > max) errors[name] = t('reporter.form.tooLong', { max });
    }
    if (credit === 'name' && !creditName.trim()) errors.creditName = t('reporter.form.creditNameRequired');
    if (creditName.trim().length > 200) errors.creditName = t('reporter.form.tooLong', { max: 200 });
    if (email.trim() && !EMAIL.test(email.trim())) errors.reporterEmail = t('reporter.form.invalidEmail');
    if (files.length > MAX_ATTACHMENTS)
      errors.attachments = t('reporter.files.full', { max: MAX_ATTACHMENTS });
    else if (files.some((entry) => entry.file.size === 0)) errors.attachments = t('reporter.files.empty');
    else if (fileLimit !== null && files.some((entry) => entry.file.size > fileLimit))
      errors.attachments = t('reporter.files.removeLarge');
    return errors;
  };

  const contentOf = (): ReportContent => ({
    title: fields.title.trim(),
    product: fields.product.trim(),
    version: fields.version.trim(),
    description: fields.description.trim(),
    reproduction: fields.reproduction.trim(),
    impact: fields.impact.trim(),
    priorVendorContact: fields.priorVendorContact.trim(),
    exploitation: fields.exploitation,
    publicity: fields.publicity,
    disclosurePlans: fields.disclosurePlans.trim(),
  });

  const send = async (): Promise<CreatedReport> => {
    const body: CreateReportBody = { programId: program.id, credit, language };
    if (credit === 'name') body.creditName = creditName.trim();
    if (email.trim()) body.reporterEmail = email.trim();
    let attachments: AttachmentInput[];
    if (key && isEncrypting) {
      setStage('encrypting');
      body.ciphertext = await encryptText(JSON.stringify(contentOf()), key.armored);
      attachments = [];
      // One file at a time: a phone holds only one encrypted copy in memory at once.
      for (const [index, entry] of files.entries()) {
        const data = new Uint8Array(await entry.file.arrayBuffer());
        attachments.push(encryptedAttachment(index, await encryptBytes(data, key.armored, entry.file.name)));
      }
    } else {
      body.content = contentOf();
      attachments = [];
      for (const entry of files) attachments.push(await plainAttachment(entry.file));
    }
    if (attachments.length > 0) body.attachments = attachments;
    setStage('sending');
    return createReport(body);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    // The API has no idempotency for reports: a second click must never send a second report.
    if (isSending.current) return;
    const errors = validate();
    setClientErrors(errors);
    setFailure(undefined);
    if (Object.keys(errors).length > 0) {
      requestAnimationFrame(() => errorSummary.current?.focus());
      return;
    }
    isSending.current = true;
    try {
      const created = await send();
      onSent(created);
      window.scrollTo({ top: 0 });
    } catch (error) {
      const known =
        error instanceof ApiError || error instanceof OpenpgpBrowserError
          ? error
          : new ApiError(0, 'file_unreadable');
      setFailure(known);
      const limit = known instanceof ApiError ? fileLimitOf(known) : null;
      if (limit !== null) setFileLimit(limit);
      requestAnimationFrame(() => errorSummary.current?.focus());
    } finally {
      isSending.current = false;
      setStage('idle');
    }
  };

  const serverErrors: Record<string, string> = {};
  if (failure instanceof ApiError) {
    for (const problem of failure.errors) {
      const field = bodyFieldOf(problem);
      // `content/title` → title, `reporterEmail` → reporterEmail.
      const name = field === 'content' ? (problem.path ?? '').split('/').filter(Boolean)[2] : field;
      if (name && !serverErrors[name]) serverErrors[name] = t('reporter.form.invalidField');
    }
    if (failure.code === 'credit_name_required')
      serverErrors.creditName = t('reporter.form.creditNameRequired');
    if (['file_too_large', 'empty_attachment', 'invalid_base64'].includes(failure.code))
      serverErrors.attachments = errorMessage(failure);
  }
  const fieldError = (name: string) => clientErrors[name] ?? serverErrors[name];
  const errorCount = Object.keys(clientErrors).length;
  const isBusy = stage !== 'idle';

  const text = (
    name: keyof typeof LIMITS,
    options: { rows?: number; isRequired?: boolean; hint?: string } = {},
  ) => (
    <TextArea
      label={t(`reporter.fields.${name}`)}
      labelNote={options.isRequired ? undefined : t('common.optional')}
      hint={options.hint}
      value={fields[name]}
      onChange={(value) => set(name, value)}
      error={fieldError(name)}
      rows={options.rows ?? 4}
      required={options.isRequired}
      maxLength={LIMITS[name]}
      dir="auto"
    />
  );

  return (
    <form className="cg-stack cg-vdp-report-form" onSubmit={onSubmit} noValidate>
      <p className="cg-muted">{t('reporter.form.intro')}</p>
      <p className="cg-small">
        {signedInAs ? t('reporter.form.signedInAs', { name: signedInAs }) : t('reporter.form.anonymous')}
      </p>
      <div ref={errorSummary} tabIndex={-1}>
        {errorCount > 0 && (
          <Alert tone="danger" title={t('reporter.form.fixErrors', { number: errorCount })} isLive />
        )}
        {failure && errorCount === 0 && (
          <Alert tone="danger" title={t('reporter.form.notSent')} isLive>
            <p>{errorMessage(failure)}</p>
          </Alert>
        )}
      </div>

      <fieldset className="cg-fieldset cg-stack">
        <legend>{t('reporter.form.sectionVulnerability')}</legend>
        <TextField
          label={t('reporter.fields.title')}
          hint={key && isEncrypting ? t('reporter.form.titleHintEncrypted') : t('reporter.form.titleHint')}
          value={fields.title}
          onChange={(value) => set('title', value)}
          error={fieldError('title')}
          maxLength={LIMITS.title}
          required
          dir="auto"
        />
        <div className="cg-form-row">
          <TextField
            label={t('reporter.fields.product')}
            value={fields.product}
            onChange={(value) => set('product', value)}
            error={fieldError('product')}
            maxLength={LIMITS.product}
            required
            dir="auto"
          />
          <TextField
            label={t('reporter.fields.version')}
            labelNote={t('common.optional')}
            value={fields.version}
            onChange={(value) => set('version', value)}
            error={fieldError('version')}
            maxLength={LIMITS.version}
            dir="auto"
          />
        </div>
        {text('description', { rows: 8, isRequired: true, hint: t('reporter.form.descriptionHint') })}
        {text('reproduction', { rows: 6, hint: t('reporter.form.reproductionHint') })}
        {text('impact', { rows: 3 })}
      </fieldset>

      <fieldset className="cg-fieldset cg-stack">
        <legend>{t('reporter.form.sectionContext')}</legend>
        <ChoiceGroup
          legend={t('reporter.fields.exploitation')}
          value={fields.exploitation}
          onChange={(value) => set('exploitation', value)}
          isInline
          choices={TRISTATE.map((value) => ({ value, label: labels.tristate(value) }))}
        />
        <ChoiceGroup
          legend={t('reporter.fields.publicity')}
          value={fields.publicity}
          onChange={(value) => set('publicity', value)}
          isInline
          choices={TRISTATE.map((value) => ({ value, label: labels.tristate(value) }))}
        />
        {text('priorVendorContact', { rows: 3, hint: t('reporter.form.priorVendorContactHint') })}
        {text('disclosurePlans', { rows: 3, hint: t('reporter.form.disclosurePlansHint') })}
      </fieldset>

      <FilesField
        label={t('reporter.fields.attachments')}
        hint={key && isEncrypting ? t('reporter.files.hintEncrypted') : t('reporter.files.hint')}
        files={files}
        onChange={setFiles}
        maxFiles={MAX_ATTACHMENTS}
        maxBytes={fileLimit}
        error={fieldError('attachments')}
        disabled={isBusy}
      />

      <fieldset className="cg-fieldset cg-stack">
        <legend>{t('reporter.form.sectionYou')}</legend>
        {program.offersCredit ? (
          <>
            <ChoiceGroup
              legend={t('reporter.fields.credit')}
              value={credit}
              onChange={setCredit}
              error={fieldError('credit')}
              choices={CREDIT_CHOICES.map((choice) => ({
                value: choice,
                label: t(`reporter.credit.${choice}`),
              }))}
            />
            {credit === 'name' && (
              <TextField
                label={t('reporter.fields.creditName')}
                hint={t('reporter.form.creditNameHint')}
                value={creditName}
                onChange={setCreditName}
                error={fieldError('creditName')}
                maxLength={200}
                required
                dir="auto"
              />
            )}
          </>
        ) : (
          <p className="cg-hint">{t('reporter.form.noCredit')}</p>
        )}
        <TextField
          label={t('reporter.fields.email')}
          labelNote={t('common.optional')}
          hint={t('reporter.form.emailHint')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={setEmail}
          error={fieldError('reporterEmail')}
          maxLength={254}
        />
        <Select
          label={t('reporter.fields.language')}
          hint={t('reporter.form.languageHint', {
            languages: program.languages.map(languageName).join(t('disclosurePrograms.listSeparator')),
          })}
          value={language}
          onChange={setLanguage}
          options={languageOptions}
        />
      </fieldset>

      {key && (
        <div className="cg-card cg-vdp-encryption">
          <Checkbox
            label={t('reporter.form.encrypt')}
            hint={isEncrypting ? t('reporter.form.encryptHint') : t('reporter.form.clearHint')}
            checked={isEncrypting}
            onChange={setIsEncrypting}
            disabled={isBusy}
          />
          <div className="cg-stack-tight cg-vdp-encryption-key">
            <span className="cg-small cg-muted">{t('reporter.form.keyFingerprint')}</span>
            <Fingerprint value={key.fingerprint} />
          </div>
        </div>
      )}

      <div className="cg-cluster">
        <Button type="submit" isBusy={isBusy}>
          {key && isEncrypting ? t('reporter.form.sendEncrypted') : t('reporter.form.send')}
        </Button>
        {isBusy && (
          <Spinner
            label={stage === 'encrypting' ? t('reporter.form.encrypting') : t('reporter.form.sending')}
            isLabelVisible
          />
        )}
      </div>
    </form>
  );
}

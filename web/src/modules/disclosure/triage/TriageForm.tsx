import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../api/errors.ts';
import { useToast } from '../../../app/toasts.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { useAction } from '../../../lib/useAction.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, Button, Select, TextArea, TextField } from '../../../ui/index.ts';
import { CvssField } from './CvssField.tsx';
import { useTriageErrorMessage } from './errors.ts';
import { parseCweList } from './format.ts';
import { useTriageLabels } from './labels.tsx';
import { getProgram, listMembers, updateReport } from './triageApi.ts';
import { PRIORITIES, type Report, TRISTATES, type Tristate, type UpdateReportBody } from './types.ts';

const MAX_CWES = 10;

type Fields = {
  title: string;
  product: string;
  priority: string;
  assigneeUserId: string;
  exploitation: Tristate;
  publicity: Tristate;
  cvssV3Vector: string;
  cvssV4Vector: string;
  cweText: string;
};

const asTristate = (value: string): Tristate =>
  (TRISTATES as readonly string[]).includes(value) ? (value as Tristate) : 'unknown';

function fieldsOf(report: Report): Fields {
  const triage = report.triage;
  return {
    title: triage?.title ?? '',
    product: triage?.product ?? '',
    priority: triage?.priority ?? '',
    assigneeUserId: triage?.assigneeUserId ?? '',
    exploitation: asTristate(triage?.exploitation ?? 'unknown'),
    publicity: asTristate(triage?.publicity ?? 'unknown'),
    cvssV3Vector: triage?.cvssV3?.vector ?? '',
    cvssV4Vector: triage?.cvssV4?.vector ?? '',
    cweText: (triage?.cwes ?? []).map((cwe) => cwe.id).join(', '),
  };
}

/** Only what changed, so saving never overwrites another coordinator's edit of a field left alone. */
function changesOf(before: Fields, after: Fields): UpdateReportBody {
  const body: UpdateReportBody = {};
  const title = after.title.trim();
  const product = after.product.trim();
  if (title && title !== before.title) body.title = title;
  if (product && product !== before.product) body.product = product;
  if (after.priority !== before.priority) {
    body.priority = after.priority ? (after.priority as NonNullable<UpdateReportBody['priority']>) : null;
  }
  if (after.assigneeUserId !== before.assigneeUserId) body.assigneeUserId = after.assigneeUserId || null;
  if (after.exploitation !== before.exploitation) body.exploitation = after.exploitation;
  if (after.publicity !== before.publicity) body.publicity = after.publicity;
  const v3 = after.cvssV3Vector.trim();
  const v4 = after.cvssV4Vector.trim();
  if (v3 !== before.cvssV3Vector) body.cvssV3Vector = v3 || null;
  if (v4 !== before.cvssV4Vector) body.cvssV4Vector = v4 || null;
  const cwes = parseCweList(after.cweText);
  if (cwes.join(',') !== parseCweList(before.cweText).join(',')) body.cweIds = cwes;
  return body;
}

function TristateField({
  legend,
  name,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  value: Tristate;
  onChange: (value: Tristate) => void;
}) {
  const labels = useTriageLabels();
  const baseId = useId();
  return (
    <fieldset className="cg-fieldset cg-triage-tristate">
      <legend>{legend}</legend>
      <div className="cg-cluster">
        {TRISTATES.map((option) => (
          <div key={option} className="cg-checkbox">
            <input
              type="radio"
              id={`${baseId}-${option}`}
              name={`${baseId}-${name}`}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
            />
            <label htmlFor={`${baseId}-${option}`}>{labels.tristate(option)}</label>
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** A request to fill title and product from the decrypted report; `serial` tells one request from the next. */
export type TriagePrefill = { title: string; product: string; serial: number };

type TriageFormProps = {
  report: Report;
  prefill: TriagePrefill | undefined;
  onSaved: (report: Report) => void;
};

/** The coordinators' working fields: title, product, priority, assignee, exploitation, publicity, CVSS and CWE. */
export function TriageForm({ report, prefill, onSaved }: TriageFormProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const labels = useTriageLabels();
  const errorMessage = useTriageErrorMessage();
  const { fieldErrorsOf } = useErrorMessages();
  const [saved, setSaved] = useState(() => fieldsOf(report));
  const [fields, setFields] = useState(saved);
  const [problem, setProblem] = useState<{ field: string; message: string }>();
  const [prefillNotice, setPrefillNotice] = useState(false);
  const titleRef = useRef<HTMLDivElement>(null);
  const save = useAction((body: UpdateReportBody) => updateReport(report.id, body));
  // An edit makes the last refusal stale: its message would otherwise stay beside a corrected field.
  const set =
    <K extends keyof Fields>(key: K) =>
    (value: Fields[K]) => {
      save.reset();
      setProblem(undefined);
      setFields((current) => ({ ...current, [key]: value }));
    };

  // The program gives the organization whose members may be assigned.
  const program = useQuery(`triage-program:${report.programId}`, () => getProgram(report.programId));
  const orgId = program.data?.orgId;
  const members = useQuery(orgId ? `triage-members:${orgId}` : null, () => listMembers(orgId ?? ''));

  useEffect(() => {
    if (!prefill) return;
    setFields((current) => ({ ...current, title: prefill.title, product: prefill.product }));
    setPrefillNotice(true);
    titleRef.current?.querySelector('input')?.focus();
  }, [prefill]);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    if (parseCweList(fields.cweText).length > MAX_CWES) {
      return setProblem({ field: 'cweIds', message: t('triage.form.tooManyCwes', { count: MAX_CWES }) });
    }
    const body = changesOf(saved, fields);
    if (Object.keys(body).length === 0) {
      toast(t('triage.form.nothingChanged'));
      return;
    }
    const updated = await save.run(body);
    if (updated === undefined) return;
    const next = fieldsOf(updated);
    setSaved(next);
    setFields(next);
    setPrefillNotice(false);
    toast(t('triage.form.saved'));
    onSaved(updated);
  };

  // A refusal the API ties to one field is shown there; anything else above the form.
  const error = save.error;
  const apiField =
    error instanceof ApiError && error.field
      ? error.field
      : error?.code === 'invalid_cvss_vector'
        ? error.detail?.startsWith('cvssV4Vector')
          ? 'cvssV4Vector'
          : 'cvssV3Vector'
        : error?.code === 'invalid_cwe_id'
          ? 'cweIds'
          : error?.code === 'invalid_assignee'
            ? 'assigneeUserId'
            : undefined;
  const validation = fieldErrorsOf(error);
  const fieldError = (name: string) =>
    problem?.field === name
      ? problem.message
      : apiField === name && error
        ? errorMessage(error)
        : validation[name];
  const isShownAtField = apiField !== undefined || Object.keys(validation).length > 0;

  const assigneeOptions = (members.data ?? []).map((member) => ({
    value: member.userId,
    label: member.displayName,
  }));
  const currentAssignee = report.triage?.assigneeUserId;
  if (currentAssignee && !assigneeOptions.some((option) => option.value === currentAssignee)) {
    assigneeOptions.unshift({
      value: currentAssignee,
      label: report.triage?.assigneeName ?? currentAssignee,
    });
  }

  const cwes = report.triage?.cwes ?? [];

  return (
    <form className="cg-form cg-form-wide cg-triage-form" onSubmit={onSubmit} noValidate>
      {error && (
        <Alert tone="danger" isLive>
          {isShownAtField ? t('triage.form.fixFields') : errorMessage(error)}
        </Alert>
      )}
      {report.isEncrypted && (
        <Alert tone={prefillNotice ? 'warning' : 'info'} isLive={prefillNotice}>
          {prefillNotice ? t('triage.form.prefilled') : t('triage.form.clearTextNote')}
        </Alert>
      )}
      <div className="cg-triage-form-grid">
        <div ref={titleRef}>
          <TextField
            label={t('triage.form.title')}
            value={fields.title}
            onChange={set('title')}
            maxLength={200}
            dir="auto"
            error={fieldError('title')}
          />
        </div>
        <TextField
          label={t('triage.form.product')}
          value={fields.product}
          onChange={set('product')}
          maxLength={200}
          dir="auto"
          error={fieldError('product')}
        />
        <Select
          label={t('triage.form.priority')}
          value={fields.priority}
          onChange={set('priority')}
          emptyOption={t('triage.notSet')}
          options={PRIORITIES.map((code) => ({ value: code, label: labels.priority(code) }))}
          error={fieldError('priority')}
        />
        <Select
          label={t('triage.form.assignee')}
          value={fields.assigneeUserId}
          onChange={set('assigneeUserId')}
          emptyOption={t('triage.form.nobody')}
          options={assigneeOptions}
          hint={members.error ? t('triage.form.membersUnavailable') : undefined}
          error={fieldError('assigneeUserId')}
        />
        <TristateField
          legend={t('triage.form.exploitation')}
          name="exploitation"
          value={fields.exploitation}
          onChange={set('exploitation')}
        />
        <TristateField
          legend={t('triage.form.publicity')}
          name="publicity"
          value={fields.publicity}
          onChange={set('publicity')}
        />
        <CvssField
          label={t('triage.form.cvssV3')}
          version="3.1"
          value={fields.cvssV3Vector}
          onChange={set('cvssV3Vector')}
          error={fieldError('cvssV3Vector')}
        />
        <CvssField
          label={t('triage.form.cvssV4')}
          version="4.0"
          value={fields.cvssV4Vector}
          onChange={set('cvssV4Vector')}
          error={fieldError('cvssV4Vector')}
        />
      </div>
      <TextArea
        label={t('triage.form.cwes')}
        hint={t('triage.form.cwesHint')}
        value={fields.cweText}
        onChange={set('cweText')}
        rows={2}
        dir="ltr"
        spellCheck={false}
        error={fieldError('cweIds')}
      />
      {cwes.length > 0 && (
        <div className="cg-stack-tight">
          <span className="cg-small cg-muted" id={`cwe-names-${report.id}`}>
            {t('triage.form.cweNames')}
          </span>
          <ul className="cg-triage-cwes" aria-labelledby={`cwe-names-${report.id}`}>
            {cwes.map((cwe) => (
              <li key={cwe.id}>
                <code>{cwe.id}</code>{' '}
                {cwe.name ? (
                  <bdi lang="en">{cwe.name}</bdi>
                ) : (
                  <span className="cg-muted">{t('triage.form.cweUnnamed')}</span>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="cg-cluster">
        <Button type="submit" isBusy={save.isBusy}>
          {t('triage.form.save')}
        </Button>
      </div>
    </form>
  );
}

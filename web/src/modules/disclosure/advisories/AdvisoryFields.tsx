import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, TextArea, TextField } from '../../../ui/index.ts';
import type { ReferenceProblem, ReferenceRow } from './format.ts';

/** The text of a revision as the forms edit it. */
export type AdvisoryText = {
  title: string;
  summary: string;
  details: string;
  remediation: string;
  references: ReferenceRow[];
};

export const emptyReference = (): ReferenceRow => ({ url: '', summary: '' });

export type TextErrors = Partial<Record<'title' | 'summary' | 'details' | 'remediation', string>>;

type AdvisoryFieldsProps = {
  value: AdvisoryText;
  onChange: (value: AdvisoryText) => void;
  errors: TextErrors;
  referenceProblems: readonly ReferenceProblem[];
};

/** Title, summary, details, remediation and references: what a revision of an advisory says. */
export function AdvisoryFields({ value, onChange, errors, referenceProblems }: AdvisoryFieldsProps) {
  const { t } = useTranslation();
  const set = <K extends keyof AdvisoryText>(key: K, next: AdvisoryText[K]) =>
    onChange({ ...value, [key]: next });
  return (
    <>
      <TextField
        label={t('advisories.fields.title')}
        hint={t('advisories.form.titleHint')}
        value={value.title}
        onChange={(next) => set('title', next)}
        error={errors.title}
        maxLength={300}
        required
        dir="auto"
      />
      <TextArea
        label={t('advisories.fields.summary')}
        hint={t('advisories.form.summaryHint')}
        value={value.summary}
        onChange={(next) => set('summary', next)}
        error={errors.summary}
        rows={4}
        maxLength={20_000}
        required
        dir="auto"
      />
      <TextArea
        label={t('advisories.fields.details')}
        hint={t('advisories.form.detailsHint')}
        labelNote={t('common.optional')}
        value={value.details}
        onChange={(next) => set('details', next)}
        error={errors.details}
        rows={6}
        maxLength={50_000}
        dir="auto"
      />
      <TextArea
        label={t('advisories.fields.remediation')}
        hint={t('advisories.form.remediationHint')}
        labelNote={t('common.optional')}
        value={value.remediation}
        onChange={(next) => set('remediation', next)}
        error={errors.remediation}
        rows={4}
        maxLength={20_000}
        dir="auto"
      />
      <ReferencesField
        rows={value.references}
        onChange={(rows) => set('references', rows)}
        problems={referenceProblems}
      />
    </>
  );
}

type ReferencesFieldProps = {
  rows: ReferenceRow[];
  onChange: (rows: ReferenceRow[]) => void;
  problems: readonly ReferenceProblem[];
};

/** Reference rows (address and what it is); each row's fields are named by its number. */
function ReferencesField({ rows, onChange, problems }: ReferencesFieldProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const update = (index: number, next: ReferenceRow) =>
    onChange(rows.map((row, at) => (at === index ? next : row)));
  const problemText = (index: number, field: 'url' | 'summary') => {
    const problem = problems.find((entry) => entry.index === index && entry.field === field);
    if (!problem) return undefined;
    return problem.problem === 'url'
      ? t('advisories.form.referenceUrlInvalid')
      : t('advisories.form.required');
  };
  return (
    <fieldset className="cg-fieldset cg-adv-references" aria-describedby={hintId}>
      <legend>{t('advisories.fields.references')}</legend>
      <div className="cg-hint" id={hintId}>
        {t('advisories.form.referencesHint')}
      </div>
      {rows.map((row, index) => (
        // Rows have no identity of their own; a removed row shifts the later ones, which is what the form shows.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above.
        <div key={index} className="cg-adv-reference-row">
          <TextField
            label={t('advisories.form.referenceUrl', { number: index + 1 })}
            value={row.url}
            onChange={(url) => update(index, { ...row, url })}
            error={problemText(index, 'url')}
            type="url"
            inputMode="url"
            maxLength={2_000}
          />
          <TextField
            label={t('advisories.form.referenceSummary', { number: index + 1 })}
            value={row.summary}
            onChange={(summary) => update(index, { ...row, summary })}
            error={problemText(index, 'summary')}
            maxLength={500}
            dir="auto"
          />
          <Button variant="ghost" size="small" onClick={() => onChange(rows.filter((_, at) => at !== index))}>
            {t('advisories.form.removeReference', { number: index + 1 })}
          </Button>
        </div>
      ))}
      {rows.length < 50 && (
        <div>
          <Button variant="secondary" size="small" onClick={() => onChange([...rows, emptyReference()])}>
            {t('advisories.form.addReference')}
          </Button>
        </div>
      )}
    </fieldset>
  );
}

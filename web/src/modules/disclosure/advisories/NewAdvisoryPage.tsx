import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { useAction } from '../../../lib/useAction.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import {
  Alert,
  Button,
  Card,
  PageHeader,
  PageSpinner,
  TLP_LABELS,
  TlpChoice,
  type TlpLabel,
} from '../../../ui/index.ts';
import { AdvisoryFields, type AdvisoryText, emptyReference, type TextErrors } from './AdvisoryFields.tsx';
import { createAdvisory, getCase } from './advisoriesApi.ts';
import { useAdvisoryErrorMessage } from './errors.ts';
import { checkReferences, type ReferenceProblem, referenceIndexOf } from './format.ts';
import { useAdvisoryLabels } from './labels.tsx';
import { advisoriesPath, advisoryPath, casePath, casesPath } from './paths.ts';
import type { AdvisoryCase, AdvisoryTlp, CreateAdvisoryBody } from './types.ts';
import './advisories.css';

/** /advisories/new?case=<id>: a coordinator drafts the advisory of a case. */
export function NewAdvisoryPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const caseId = searchParams.get('case') ?? '';
  const errorMessage = useAdvisoryErrorMessage();
  const loaded = useQuery(caseId ? `advisory-case:${caseId}` : null, () => getCase(caseId));
  usePageTitle(t('advisories.new.title'));

  const problem = !caseId
    ? t('advisories.new.noCase')
    : loaded.error
      ? errorMessage(loaded.error)
      : loaded.data && !loaded.data.viewer.isCoordinator
        ? t('advisories.new.notCoordinator')
        : null;
  if (problem) {
    return (
      <>
        <PageHeader title={t('advisories.new.title')} />
        <Alert tone={caseId ? 'danger' : 'info'} isLive>
          <p>{problem}</p>
          <Link to={casesPath()}>{t('advisories.new.toCases')}</Link>
        </Alert>
      </>
    );
  }
  if (!loaded.data) return <PageSpinner label={t('common.loading')} />;
  return <NewAdvisoryForm key={loaded.data.id} advisoryCase={loaded.data} />;
}

function NewAdvisoryForm({ advisoryCase }: { advisoryCase: AdvisoryCase }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const labels = useAdvisoryLabels();
  const errorMessage = useAdvisoryErrorMessage();
  const { fieldErrorsOf } = useErrorMessages();
  const [text, setText] = useState<AdvisoryText>({
    title: advisoryCase.title,
    summary: advisoryCase.summary,
    details: '',
    remediation: '',
    references: [emptyReference()],
  });
  const [tlp, setTlp] = useState<AdvisoryTlp>('CLEAR');
  const [localErrors, setLocalErrors] = useState<TextErrors>({});
  const [referenceProblems, setReferenceProblems] = useState<ReferenceProblem[]>([]);
  // A retry of the same text reuses its key, so a lost answer never drafts twice; changed text gets a new one.
  const idempotency = useRef<{ body: string; key: string }>(undefined);
  const create = useAction((body: CreateAdvisoryBody) => {
    const json = JSON.stringify(body);
    if (idempotency.current?.body !== json) idempotency.current = { body: json, key: crypto.randomUUID() };
    return createAdvisory(advisoryCase.id, body, idempotency.current.key);
  });

  const serverErrors = fieldErrorsOf(create.error);
  const serverReferenceProblems: ReferenceProblem[] = (create.error?.errors ?? []).flatMap((entry) => {
    const index = referenceIndexOf(entry.path ?? entry.field);
    if (index === null) return [];
    return [{ index, field: entry.path?.endsWith('summary') ? 'summary' : 'url', problem: 'url' } as const];
  });
  const errors: TextErrors = {
    title: localErrors.title ?? serverErrors.title,
    summary: localErrors.summary ?? serverErrors.summary,
    details: serverErrors.details,
    remediation: serverErrors.remediation,
  };

  const tlpMeanings = Object.fromEntries(
    TLP_LABELS.map((label) => [label, labels.tlpMeaning(label.slice('TLP:'.length))]),
  ) as Record<TlpLabel, string>;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const required = t('advisories.form.required');
    const nextErrors: TextErrors = {};
    if (!text.title.trim()) nextErrors.title = required;
    if (!text.summary.trim()) nextErrors.summary = required;
    const checked = checkReferences(text.references);
    setLocalErrors(nextErrors);
    setReferenceProblems(checked.problems);
    if (Object.keys(nextErrors).length > 0 || checked.problems.length > 0) return;
    const created = await create.run({
      title: text.title.trim(),
      summary: text.summary,
      details: text.details,
      remediation: text.remediation,
      references: checked.references,
      tlp,
    });
    if (created) navigate(advisoryPath(created.id));
  };

  return (
    <>
      <nav aria-label={t('advisories.breadcrumb')} className="cg-small">
        <Link to={casePath(advisoryCase.id)}>{t('advisories.new.backToCase')}</Link>
      </nav>
      <PageHeader
        title={t('advisories.new.title')}
        description={
          <>
            {t('advisories.new.forCase')} <bdi dir="auto">{advisoryCase.title}</bdi>
          </>
        }
      />
      <Card>
        <form className="cg-form cg-adv-form" onSubmit={submit} noValidate>
          <p className="cg-muted">{t('advisories.new.intro')}</p>
          <AdvisoryFields
            value={text}
            onChange={setText}
            errors={errors}
            referenceProblems={referenceProblems.length > 0 ? referenceProblems : serverReferenceProblems}
          />
          <TlpChoice
            legend={t('advisories.fields.tlp')}
            hint={t('advisories.form.tlpHint')}
            value={`TLP:${tlp}` as TlpLabel}
            onChange={(label) => setTlp(label.slice('TLP:'.length) as AdvisoryTlp)}
            meanings={tlpMeanings}
          />
          {tlp !== 'CLEAR' && (
            <Alert tone="warning" isLive>
              {t('advisories.form.notPublicWarning')}
            </Alert>
          )}
          {create.error && (
            <Alert tone="danger" title={t('common.errorTitle')} isLive>
              <p>{errorMessage(create.error)}</p>
              {create.error.code === 'advisory_exists' && (
                <Link to={advisoriesPath()}>{t('advisories.new.toList')}</Link>
              )}
            </Alert>
          )}
          <div className="cg-cluster">
            <Button type="submit" isBusy={create.isBusy}>
              {t('advisories.new.submit')}
            </Button>
            <Link to={casePath(advisoryCase.id)}>{t('common.cancel')}</Link>
          </div>
        </form>
      </Card>
    </>
  );
}

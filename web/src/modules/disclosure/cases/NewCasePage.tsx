import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { useAction } from '../../../lib/useAction.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { Alert, Button, Card, PageHeader, PageSpinner, TextArea, TextField } from '../../../ui/index.ts';
import { CaseErrorAlert } from './CaseErrorAlert.tsx';
import { getReport, openCase } from './casesApi.ts';
import { casePath, casesPath } from './paths.ts';
import { type TargetChoice, TargetField, targetBody } from './TargetField.tsx';
import { DEFAULT_TARGET_DAYS } from './types.ts';
import { useCaseTimes } from './ZonedTime.tsx';
import './cases.css';

/** /disclosure/cases/new?report=…: the coordinators open a case from a report they triage. */
export function NewCasePage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const reportId = searchParams.get('report') ?? '';
  const { messageOf } = useErrorMessages();
  const report = useQuery(reportId ? `case-report:${reportId}` : null, () => getReport(reportId));
  usePageTitle(t('cases.new.title'));

  if (!reportId) {
    return (
      <>
        <PageHeader title={t('cases.new.title')} />
        <Alert tone="warning">{t('cases.new.noReport')}</Alert>
      </>
    );
  }
  if (report.isLoading && !report.data) return <PageSpinner label={t('common.loading')} />;
  if (!report.data) {
    return (
      <>
        <PageHeader title={t('cases.new.title')} />
        <Alert tone="danger">{report.error ? messageOf(report.error) : t('errors.not_found')}</Alert>
      </>
    );
  }
  const data = report.data;
  const suggestedTitle = (data.triage?.title ?? data.content?.title ?? '').trim().slice(0, 200);
  return <NewCaseForm reportId={reportId} suggestedTitle={suggestedTitle} />;
}

function NewCaseForm({ reportId, suggestedTitle }: { reportId: string; suggestedTitle: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const times = useCaseTimes();
  const [title, setTitle] = useState(suggestedTitle);
  const [summary, setSummary] = useState('');
  const [target, setTarget] = useState<TargetChoice>({ mode: `${DEFAULT_TARGET_DAYS}`, date: '' });
  const [isSubmitted, setIsSubmitted] = useState(false);
  const open = useAction(openCase);

  const targetPart = targetBody(target, times.timeZone);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSubmitted(true);
    if (!title.trim() || !targetPart) return;
    const opened = await open.run(reportId, { title: title.trim(), summary, ...targetPart });
    if (opened) navigate(casePath(opened.id));
  };

  return (
    <>
      <PageHeader title={t('cases.new.title')} description={t('cases.new.intro')} />
      <Card>
        <form className="cg-form" onSubmit={onSubmit} noValidate>
          <p className="cg-small">
            {t('cases.new.fromReport')} <code>{reportId}</code>
          </p>
          <TextField
            label={t('cases.fields.title')}
            value={title}
            onChange={setTitle}
            maxLength={200}
            required
            dir="auto"
            error={isSubmitted && !title.trim() ? t('cases.new.titleRequired') : undefined}
          />
          <TextArea
            label={t('cases.fields.summary')}
            hint={t('cases.fields.summaryHint')}
            value={summary}
            onChange={setSummary}
            rows={8}
            maxLength={50_000}
            dir="auto"
          />
          <TargetField
            value={target}
            onChange={setTarget}
            error={isSubmitted && !targetPart ? t('cases.time.invalid') : undefined}
          />
          <CaseErrorAlert error={open.error} />
          {open.error?.code === 'case_exists' && <Link to={casesPath()}>{t('cases.new.toList')}</Link>}
          <div className="cg-cluster">
            <Button type="submit" isBusy={open.isBusy}>
              {t('cases.new.submit')}
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}

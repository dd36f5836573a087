import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAction } from '../../../lib/useAction.ts';
import { Alert, Button, TextArea, TextField } from '../../../ui/index.ts';
import { useStatisticsErrorMessage } from './errors.ts';
import { normalizePeriod, parseCount } from './format.ts';
import { recordEquities } from './statisticsApi.ts';
import type { ProgramStatistics } from './types.ts';

type Problems = Partial<Record<'period' | 'disclosed' | 'retained', string>>;

/**
 * A State program's managers record how many vulnerabilities the State's equities process disclosed and
 * retained in a period. Only the two numbers (and a public note) are kept: never which vulnerabilities.
 */
export function EquitiesForm({
  programId,
  headingLevel,
  onRecorded,
}: {
  programId: string;
  headingLevel: 3 | 4 | 5;
  onRecorded: (statistics: ProgramStatistics) => void;
}) {
  const Heading = `h${headingLevel}` as const;
  const { t } = useTranslation();
  const errorMessage = useStatisticsErrorMessage();
  const [period, setPeriod] = useState('');
  const [disclosed, setDisclosed] = useState('');
  const [retained, setRetained] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<Problems>({});
  const [recorded, setRecorded] = useState<string | null>(null);
  const save = useAction(recordEquities);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const normalized = normalizePeriod(period);
    const disclosedCount = parseCount(disclosed);
    const retainedCount = parseCount(retained);
    const next: Problems = {};
    if (!normalized) next.period = t('disclosureStats.equities.periodInvalid');
    if (disclosedCount === null) next.disclosed = t('disclosureStats.equities.countInvalid');
    if (retainedCount === null) next.retained = t('disclosureStats.equities.countInvalid');
    setProblems(next);
    setRecorded(null);
    if (!normalized || disclosedCount === null || retainedCount === null) return;
    const result = await save.run(programId, {
      period: normalized,
      disclosedCount,
      retainedCount,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (!result) return;
    setRecorded(normalized);
    setPeriod('');
    setDisclosed('');
    setRetained('');
    setNote('');
    onRecorded(result);
  };

  return (
    <form className="cg-form" onSubmit={submit} noValidate aria-labelledby="cg-stats-equities-form">
      <Heading id="cg-stats-equities-form">{t('disclosureStats.equities.formTitle')}</Heading>
      <Alert tone="info">
        <p>{t('disclosureStats.equities.numbersOnly')}</p>
      </Alert>
      <TextField
        label={t('disclosureStats.equities.period')}
        hint={t('disclosureStats.equities.periodHint')}
        value={period}
        onChange={setPeriod}
        error={problems.period}
        maxLength={7}
        isCode
        dir="ltr"
        autoComplete="off"
      />
      <div className="cg-form-row">
        <TextField
          label={t('disclosureStats.equities.disclosedCount')}
          value={disclosed}
          onChange={setDisclosed}
          error={problems.disclosed}
          inputMode="numeric"
          maxLength={7}
          autoComplete="off"
        />
        <TextField
          label={t('disclosureStats.equities.retainedCount')}
          value={retained}
          onChange={setRetained}
          error={problems.retained}
          inputMode="numeric"
          maxLength={7}
          autoComplete="off"
        />
      </div>
      <TextArea
        label={t('disclosureStats.equities.note')}
        labelNote={t('common.optional')}
        hint={t('disclosureStats.equities.noteHint')}
        value={note}
        onChange={setNote}
        rows={2}
        maxLength={2_000}
        dir="auto"
      />
      {save.error && (
        <Alert tone="danger" isLive>
          {errorMessage(save.error)}
        </Alert>
      )}
      {recorded && (
        <Alert tone="success" isLive>
          {t('disclosureStats.equities.recorded', { period: recorded })}
        </Alert>
      )}
      <div>
        <Button type="submit" isBusy={save.isBusy}>
          {t('disclosureStats.equities.submit')}
        </Button>
      </div>
    </form>
  );
}

import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client.ts';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../../lib/FormErrorAlert.tsx';
import { useAction } from '../../../lib/useAction.ts';
import { Button, Select, TextArea, TextField } from '../../../ui/index.ts';
import type { Process, ProcessStatus } from './types.ts';

type ProcessFormProps = {
  /** The process to edit; without it the form defines a new one. */
  process?: Process;
  onSaved: (process: Process) => void;
  onCancel: () => void;
};

const DEFAULT_OBJECTION_PERIOD_DAYS = '14';

/** The secretariat defines a process, or edits its title, modalities, objection period and status. */
export function ProcessForm({ process, onSaved, onCancel }: ProcessFormProps) {
  const { t } = useTranslation();
  const { fieldErrorsOf } = useErrorMessages();
  const [title, setTitle] = useState(process?.title ?? '');
  const [modalities, setModalities] = useState(process?.modalities ?? '');
  const [periodDays, setPeriodDays] = useState(
    process ? String(process.objectionPeriodDays) : DEFAULT_OBJECTION_PERIOD_DAYS,
  );
  const [status, setStatus] = useState<ProcessStatus>(process?.status ?? 'active');

  const save = useAction(() => {
    const body = {
      title: title.trim(),
      modalities,
      // A non-number becomes null, which the server reports against this field.
      objectionPeriodDays: Number.parseInt(periodDays, 10),
    };
    return process
      ? call(
          api.PATCH('/api/v1/participation/processes/{id}', {
            params: { path: { id: process.id } },
            body: { ...body, status },
          }),
        )
      : call(api.POST('/api/v1/participation/processes', { body }));
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await save.run();
    if (saved) onSaved(saved);
  };

  const fieldErrors = fieldErrorsOf(save.error);
  return (
    <form className="cg-form cg-form-wide" onSubmit={onSubmit} noValidate>
      <FormErrorAlert error={save.error} />
      <TextField
        label={t('processes.fields.title')}
        value={title}
        onChange={setTitle}
        required
        minLength={3}
        maxLength={200}
        error={fieldErrors.title}
      />
      <TextArea
        label={t('processes.fields.modalities')}
        hint={t('processes.fields.modalitiesHint')}
        value={modalities}
        onChange={setModalities}
        rows={10}
        required
        maxLength={20_000}
        dir="auto"
        error={fieldErrors.modalities}
      />
      <div className="cg-form-row">
        <TextField
          label={t('processes.fields.objectionPeriodDays')}
          hint={t('processes.fields.objectionPeriodDaysHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={180}
          value={periodDays}
          onChange={setPeriodDays}
          required
          error={fieldErrors.objectionPeriodDays}
        />
        {process && (
          <Select
            label={t('processes.fields.status')}
            hint={t('processes.fields.statusHint')}
            value={status}
            onChange={(value) => setStatus(value as ProcessStatus)}
            options={(['active', 'closed'] as const).map((value) => ({
              value,
              label: t(`processes.status.${value}`),
            }))}
            error={fieldErrors.status}
          />
        )}
      </div>
      <div className="cg-cluster">
        <Button type="submit" isBusy={save.isBusy}>
          {process ? t('common.save') : t('processes.submitCreate')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={save.isBusy}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client.ts';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../../lib/FormErrorAlert.tsx';
import { useAction } from '../../../lib/useAction.ts';
import { Button, TextArea, TextField } from '../../../ui/index.ts';
import type { Group } from '../processes/types.ts';

type GroupFormProps =
  | { processId: string; group?: undefined; onSaved: (group: Group) => void; onCancel: () => void }
  | { processId?: undefined; group: Group; onSaved: (group: Group) => void; onCancel: () => void };

/** The secretariat creates a thematic group in a process, or edits a group's name and mandate. */
export function GroupForm({ processId, group, onSaved, onCancel }: GroupFormProps) {
  const { t } = useTranslation();
  const { fieldErrorsOf } = useErrorMessages();
  const [name, setName] = useState(group?.name ?? '');
  const [mandate, setMandate] = useState(group?.mandate ?? '');

  const save = useAction(() => {
    const body = { name: name.trim(), mandate };
    return group
      ? call(api.PATCH('/api/v1/participation/groups/{id}', { params: { path: { id: group.id } }, body }))
      : call(
          api.POST('/api/v1/participation/processes/{id}/groups', {
            params: { path: { id: processId ?? '' } },
            body,
          }),
        );
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
        label={t('groups.fields.name')}
        value={name}
        onChange={setName}
        required
        minLength={3}
        maxLength={200}
        error={fieldErrors.name}
      />
      <TextArea
        label={t('groups.fields.mandate')}
        hint={t('groups.fields.mandateHint')}
        value={mandate}
        onChange={setMandate}
        rows={8}
        required
        maxLength={20_000}
        dir="auto"
        error={fieldErrors.mandate}
      />
      <div className="cg-cluster">
        <Button type="submit" isBusy={save.isBusy}>
          {group ? t('common.save') : t('groups.submitCreate')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={save.isBusy}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client.ts';
import type { Membership } from '../../../api/types.ts';
import { useToast } from '../../../app/toasts.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../../lib/FormErrorAlert.tsx';
import { useAction } from '../../../lib/useAction.ts';
import { Alert, Button, Card, Select, TextArea } from '../../../ui/index.ts';
import type { Application } from '../processes/types.ts';

type ObjectionFormProps = {
  application: Application;
  /** The States the person may object for and that have not objected yet. */
  states: Membership[];
  onObjected: () => void;
};

/** A State objects to an application while it circulates, giving its general reason. */
export function ObjectionForm({ application, states, onObjected }: ObjectionFormProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const { fieldErrorsOf } = useErrorMessages();
  const [stateId, setStateId] = useState(states.length === 1 ? (states[0]?.organizationId ?? '') : '');
  const [reason, setReason] = useState('');
  const submit = useAction(() =>
    call(
      api.POST('/api/v1/participation/applications/{id}/objections', {
        params: { path: { id: application.id } },
        body: { organizationId: stateId, reason: reason.trim() },
      }),
    ),
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!(await submit.run())) return;
    setReason('');
    toast(t('accreditation.object.done'));
    onObjected();
  };

  const fieldErrors = fieldErrorsOf(submit.error);
  return (
    <Card title={t('accreditation.object.title')} description={t('accreditation.object.intro')}>
      <form className="cg-stack" onSubmit={onSubmit} noValidate>
        <FormErrorAlert error={submit.error} />
        <Select
          label={t('accreditation.object.state')}
          value={stateId}
          onChange={setStateId}
          emptyOption={states.length > 1 ? t('common.choose') : undefined}
          options={states.map((membership) => ({
            value: membership.organizationId,
            label: membership.organizationName,
          }))}
          required
          error={fieldErrors.organizationId}
        />
        <TextArea
          label={t('accreditation.object.reason')}
          hint={t('accreditation.object.reasonHint')}
          value={reason}
          onChange={setReason}
          rows={5}
          required
          minLength={3}
          maxLength={2_000}
          dir="auto"
          error={fieldErrors.reason}
        />
        <Alert tone="info">
          <p>{t('accreditation.object.privacy')}</p>
        </Alert>
        <div>
          <Button type="submit" variant="danger" isBusy={submit.isBusy} disabled={!stateId}>
            {t('accreditation.object.submit')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client.ts';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../../lib/FormErrorAlert.tsx';
import { useAction } from '../../../lib/useAction.ts';
import { Button, Dialog, TextArea } from '../../../ui/index.ts';
import { isolate } from '../processes/bidi.ts';
import type { Application } from '../processes/types.ts';

export type Decision = 'confirm' | 'decline' | 'circulate';

type DecisionDialogProps = {
  application: Application;
  /** The decision being taken; the dialog is open while it is set. */
  decision: Decision | undefined;
  onClose: () => void;
  onDone: (application: Application) => void;
};

/** The secretariat confirms, declines (with a reason) or circulates an ECOSOC-route application. */
export function DecisionDialog({ application, decision, onClose, onDone }: DecisionDialogProps) {
  const { t } = useTranslation();
  const { fieldErrorsOf } = useErrorMessages();
  const [note, setNote] = useState('');
  const decide = useAction((chosen: Decision) =>
    call(
      api.POST('/api/v1/participation/applications/{id}/decision', {
        params: { path: { id: application.id } },
        body: { decision: chosen, ...(note.trim() ? { note: note.trim() } : {}) },
      }),
    ),
  );

  const close = () => {
    if (decide.isBusy) return;
    decide.reset();
    setNote('');
    onClose();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!decision) return;
    const updated = await decide.run(decision);
    if (!updated) return;
    setNote('');
    onDone(updated);
  };

  const isDecline = decision === 'decline';
  const fieldErrors = fieldErrorsOf(decide.error, { note_required: 'note' });
  return (
    <Dialog
      isOpen={decision !== undefined}
      onClose={close}
      title={decision ? t(`accreditation.decision.${decision}.title`) : ''}
    >
      {decision && (
        <form className="cg-stack" onSubmit={onSubmit} noValidate>
          <p>
            {t(`accreditation.decision.${decision}.text`, { name: isolate(application.organization.name) })}
          </p>
          {/* A missing reason is said at the field; other problems above it. */}
          <FormErrorAlert error={fieldErrors.note ? undefined : decide.error} />
          <TextArea
            label={isDecline ? t('accreditation.decision.reason') : t('accreditation.decision.note')}
            labelNote={isDecline ? undefined : t('common.optional')}
            hint={t('accreditation.decision.noteHint')}
            value={note}
            onChange={setNote}
            rows={4}
            required={isDecline}
            maxLength={2_000}
            dir="auto"
            error={fieldErrors.note}
          />
          <div className="cg-cluster-end">
            <Button variant="secondary" onClick={close} disabled={decide.isBusy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" variant={isDecline ? 'danger' : 'primary'} isBusy={decide.isBusy}>
              {t(`accreditation.decision.${decision}.action`)}
            </Button>
          </div>
        </form>
      )}
    </Dialog>
  );
}

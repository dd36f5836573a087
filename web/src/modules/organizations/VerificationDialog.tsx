import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { Organization, VerificationStatus } from '../../api/types.ts';
import { useToast } from '../../app/toasts.tsx';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { Button, Dialog, TextArea } from '../../ui/index.ts';

type VerificationDialogProps = {
  organization: Organization | undefined;
  /** The status to set; the dialog is open while this is set. */
  targetStatus: VerificationStatus | undefined;
  onClose: () => void;
  onDone: (organization: Organization) => void;
};

/** A platform admin verifies or rejects an organization, with a note kept in the audit log. */
export function VerificationDialog({ organization, targetStatus, onClose, onDone }: VerificationDialogProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const [note, setNote] = useState('');
  const decide = useAction((id: string, status: VerificationStatus) =>
    call(
      api.POST('/api/v1/organizations/{id}/verification', {
        params: { path: { id } },
        body: { status, note: note.trim() || undefined },
      }),
    ),
  );

  const close = () => {
    setNote('');
    decide.reset();
    onClose();
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!organization || !targetStatus) return;
    const updated = await decide.run(organization.id, targetStatus);
    if (!updated) return;
    setNote('');
    toast(t(`verification.done.${targetStatus}`, { name: updated.name }));
    onDone(updated);
  };

  const isRejecting = targetStatus === 'rejected';
  const title = targetStatus
    ? t(`verification.dialogTitle.${targetStatus}`, { name: organization?.name ?? '' })
    : '';
  return (
    <Dialog isOpen={targetStatus !== undefined && organization !== undefined} onClose={close} title={title}>
      <form className="cg-form" onSubmit={onSubmit} noValidate>
        <FormErrorAlert error={decide.error} />
        <TextArea
          label={t('verification.note')}
          labelNote={isRejecting ? undefined : t('common.optional')}
          hint={t('verification.noteHint')}
          value={note}
          onChange={setNote}
          rows={3}
        />
        <div className="cg-cluster-end">
          <Button variant="secondary" onClick={close} disabled={decide.isBusy}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" variant={isRejecting ? 'danger' : 'primary'} isBusy={decide.isBusy}>
            {targetStatus ? t(`verification.confirm.${targetStatus}`) : ''}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client.ts';
import { useToast } from '../../../app/toasts.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../../lib/FormErrorAlert.tsx';
import { useAction } from '../../../lib/useAction.ts';
import { Button, Card, Dialog, TextArea } from '../../../ui/index.ts';
import type { Statement } from './types.ts';

type Decision = 'publish' | 'reject';

type ModerationActionsProps = { statement: Statement; onModerated: (statement: Statement) => void };

/** The secretariat's decision on a submission: publish it with attribution, or reject it with a reason. */
export function ModerationActions({ statement, onModerated }: ModerationActionsProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const { fieldErrorsOf } = useErrorMessages();
  const [decision, setDecision] = useState<Decision>();
  const [note, setNote] = useState('');
  const [isNoteMissing, setIsNoteMissing] = useState(false);

  const moderate = useAction((chosen: Decision) =>
    call(
      api.POST('/api/v1/participation/statements/{id}/moderation', {
        params: { path: { id: statement.id } },
        body: { decision: chosen, ...(note.trim() ? { note: note.trim() } : {}) },
      }),
    ),
  );
  const fieldErrors = fieldErrorsOf(moderate.error, { note_required: 'note' });

  const open = (chosen: Decision) => {
    moderate.reset();
    setNote('');
    setIsNoteMissing(false);
    setDecision(chosen);
  };
  const close = () => {
    if (!moderate.isBusy) setDecision(undefined);
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!decision) return;
    if (decision === 'reject' && !note.trim()) {
      setIsNoteMissing(true);
      return;
    }
    const updated = await moderate.run(decision);
    if (!updated) return;
    setDecision(undefined);
    onModerated(updated);
    toast(
      decision === 'publish' ? t('statements.moderation.published') : t('statements.moderation.rejected'),
    );
  };

  const isRejecting = decision === 'reject';
  return (
    <Card title={t('statements.moderation.title')} description={t('statements.moderation.intro')}>
      <div className="cg-cluster">
        <Button onClick={() => open('publish')}>{t('statements.moderation.publish')}</Button>
        <Button variant="danger" onClick={() => open('reject')}>
          {t('statements.moderation.reject')}
        </Button>
      </div>
      <Dialog
        isOpen={decision !== undefined}
        onClose={close}
        title={isRejecting ? t('statements.moderation.rejectTitle') : t('statements.moderation.publishTitle')}
      >
        <form className="cg-stack" onSubmit={onSubmit} noValidate>
          <p>
            {isRejecting ? t('statements.moderation.rejectText') : t('statements.moderation.publishText')}
          </p>
          <FormErrorAlert error={moderate.error} />
          <TextArea
            label={isRejecting ? t('statements.moderation.reason') : t('statements.moderation.note')}
            labelNote={isRejecting ? undefined : t('common.optional')}
            hint={isRejecting ? t('statements.moderation.reasonHint') : undefined}
            value={note}
            onChange={(value) => {
              setNote(value);
              setIsNoteMissing(false);
            }}
            rows={4}
            maxLength={2000}
            required={isRejecting}
            dir="auto"
            error={isNoteMissing ? t('statements.moderation.reasonRequired') : fieldErrors.note}
          />
          <div className="cg-cluster-end">
            <Button variant="secondary" onClick={close} disabled={moderate.isBusy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" variant={isRejecting ? 'danger' : 'primary'} isBusy={moderate.isBusy}>
              {isRejecting ? t('statements.moderation.reject') : t('statements.moderation.publish')}
            </Button>
          </div>
        </form>
      </Dialog>
    </Card>
  );
}

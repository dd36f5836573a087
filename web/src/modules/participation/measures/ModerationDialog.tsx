import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client.ts';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../../lib/FormErrorAlert.tsx';
import { useAction } from '../../../lib/useAction.ts';
import { Alert, Button, Dialog, TextArea } from '../../../ui/index.ts';
import { isolate } from './bidi.ts';
import type { Proposal } from './types.ts';

export type ModerationDecision = 'accept' | 'reject';

type ModerationDialogProps = {
  proposal: Proposal | undefined;
  decision: ModerationDecision;
  onClose: () => void;
  onDone: (proposal: Proposal) => void;
};

/** The secretariat accepts or rejects a proposal; a rejection always says why. */
export function ModerationDialog({ proposal, decision, onClose, onDone }: ModerationDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      isOpen={proposal !== undefined}
      onClose={onClose}
      title={
        decision === 'accept' ? t('measures.moderation.acceptTitle') : t('measures.moderation.rejectTitle')
      }
    >
      {proposal && (
        <ModerationForm
          key={`${proposal.id}:${decision}`}
          proposal={proposal}
          decision={decision}
          onClose={onClose}
          onDone={onDone}
        />
      )}
    </Dialog>
  );
}

function ModerationForm({
  proposal,
  decision,
  onClose,
  onDone,
}: Required<Pick<ModerationDialogProps, 'decision' | 'onClose' | 'onDone'>> & { proposal: Proposal }) {
  const { t } = useTranslation();
  const { fieldErrorsOf } = useErrorMessages();
  const [note, setNote] = useState('');
  const [isNoteMissing, setIsNoteMissing] = useState(false);
  const moderate = useAction(() =>
    call(
      api.POST('/api/v1/participation/measure-proposals/{id}/moderation', {
        params: { path: { id: proposal.id } },
        body: { decision, ...(note.trim() ? { note: note.trim() } : {}) },
      }),
    ),
  );
  const isNoteRequired = decision === 'reject';

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (isNoteRequired && !note.trim()) {
      setIsNoteMissing(true);
      return;
    }
    const updated = await moderate.run();
    if (updated) onDone(updated);
  };

  const fieldErrors = fieldErrorsOf(moderate.error, { note_required: 'note' });
  return (
    <form className="cg-form cg-form-wide" onSubmit={onSubmit} noValidate>
      <p>
        {t(
          decision === 'accept'
            ? `measures.moderation.acceptText.${proposal.kind}`
            : 'measures.moderation.rejectText',
          { title: isolate(proposal.title), name: isolate(proposal.organization.name) },
        )}
      </p>
      {/* The code is shared with other moderation queues; here it has a more specific meaning. */}
      {moderate.error?.code === 'already_moderated' ? (
        <Alert tone="danger" isLive>
          {t('measures.moderation.alreadyDecided')}
        </Alert>
      ) : (
        <FormErrorAlert error={moderate.error} />
      )}
      <TextArea
        label={t('measures.moderation.note')}
        labelNote={isNoteRequired ? undefined : t('common.optional')}
        hint={
          isNoteRequired ? t('measures.moderation.noteHintReject') : t('measures.moderation.noteHintAccept')
        }
        value={note}
        onChange={(value) => {
          setNote(value);
          if (value.trim()) setIsNoteMissing(false);
        }}
        rows={4}
        maxLength={2_000}
        required={isNoteRequired}
        dir="auto"
        error={isNoteMissing ? t('measures.moderation.noteMissing') : fieldErrors.note}
      />
      <div className="cg-cluster-end">
        <Button variant="secondary" onClick={onClose} disabled={moderate.isBusy}>
          {t('common.cancel')}
        </Button>
        <Button type="submit" variant={decision === 'accept' ? 'primary' : 'danger'} isBusy={moderate.isBusy}>
          {decision === 'accept' ? t('measures.moderation.accept') : t('measures.moderation.reject')}
        </Button>
      </div>
    </form>
  );
}

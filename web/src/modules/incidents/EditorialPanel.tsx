import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../app/toasts.tsx';
import { ConfirmActionDialog } from '../../lib/ConfirmActionDialog.tsx';
import { useAction } from '../../lib/useAction.ts';
import { useConfirmedAction } from '../../lib/useConfirmedAction.ts';
import { Alert, Button, ButtonLink, Card, TextArea } from '../../ui/index.ts';
import { useIncidentErrors } from './errors.ts';
import { moveIncident } from './incidentsApi.ts';
import { EditorialStateBadge } from './labels.tsx';
import { editIncidentPath } from './paths.ts';
import type { Incident } from './types.ts';

type NoteAction = 'return' | 'withdraw';

/**
 * Where the record stands and what its editors can do next: submit a draft, review it (another member than
 * the submitter publishes or returns it), and withdraw a published record with a public note.
 */
export function EditorialPanel({
  incident,
  onChanged,
}: {
  incident: Incident;
  onChanged: (incident: Incident) => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const { messageOfError, messageOfProblem } = useIncidentErrors();
  const { canEdit, canReview } = incident.permissions;
  const state = incident.editorialState;
  const [note, setNote] = useState('');
  const [noteProblem, setNoteProblem] = useState<string>();

  const move = useAction((action: 'submit' | 'publish') => moveIncident(incident.id, { action }));
  const withNote = useConfirmedAction((action: NoteAction) =>
    moveIncident(incident.id, { action, note: note.trim() }),
  );

  const run = async (action: 'submit' | 'publish') => {
    const next = await move.run(action);
    if (!next) return;
    onChanged(next);
    toast(action === 'submit' ? t('incidents.editorial.submitted') : t('incidents.editorial.published'));
  };
  const ask = (action: NoteAction) => {
    setNote('');
    setNoteProblem(undefined);
    withNote.ask(action);
  };
  const confirm = async () => {
    if (!note.trim()) {
      setNoteProblem(messageOfProblem('required'));
      return;
    }
    const done = await withNote.confirm();
    if (!done) return;
    onChanged(done.result);
    toast(done.target === 'return' ? t('incidents.editorial.returned') : t('incidents.editorial.withdrawn'));
  };

  const stateText = (() => {
    switch (state) {
      case 'draft':
        return t('incidents.editorial.draftText');
      case 'review':
        return canReview ? t('incidents.editorial.reviewText') : t('incidents.editorial.awaitingReviewText');
      case 'published':
        return t('incidents.editorial.publishedText');
      default:
        return t('incidents.editorial.withdrawnText');
    }
  })();

  return (
    <Card title={t('incidents.editorial.title')} className="cg-inc-editorial">
      <div className="cg-stack">
        <p className="cg-cluster">
          <span>{t('incidents.editorial.stateLabel')}</span>
          <EditorialStateBadge state={state} />
        </p>
        <p>{stateText}</p>
        {move.error && (
          <Alert tone="danger" isLive>
            {messageOfError(move.error)}
          </Alert>
        )}
        <div className="cg-cluster">
          {canEdit && state !== 'withdrawn' && (
            <ButtonLink to={editIncidentPath(incident.id)} variant="secondary">
              {state === 'published' ? t('incidents.editorial.correct') : t('common.edit')}
            </ButtonLink>
          )}
          {canEdit && state === 'draft' && (
            <Button onClick={() => run('submit')} isBusy={move.isBusy}>
              {t('incidents.editorial.submit')}
            </Button>
          )}
          {canReview && state === 'review' && (
            <>
              <Button onClick={() => run('publish')} isBusy={move.isBusy}>
                {t('incidents.editorial.publish')}
              </Button>
              <Button variant="secondary" onClick={() => ask('return')} disabled={move.isBusy}>
                {t('incidents.editorial.return')}
              </Button>
            </>
          )}
          {canEdit && state === 'published' && (
            <Button variant="danger" onClick={() => ask('withdraw')}>
              {t('incidents.editorial.withdraw')}
            </Button>
          )}
        </div>
      </div>
      <ConfirmActionDialog
        confirmation={withNote}
        title={
          withNote.target === 'withdraw'
            ? t('incidents.editorial.withdrawTitle')
            : t('incidents.editorial.returnTitle')
        }
        confirmLabel={
          withNote.target === 'withdraw' ? t('incidents.editorial.withdraw') : t('incidents.editorial.return')
        }
        isDanger={withNote.target === 'withdraw'}
        onConfirm={confirm}
      >
        <p>
          {withNote.target === 'withdraw'
            ? t('incidents.editorial.withdrawText')
            : t('incidents.editorial.returnText')}
        </p>
        <TextArea
          label={
            withNote.target === 'withdraw'
              ? t('incidents.editorial.withdrawNote')
              : t('incidents.editorial.returnNote')
          }
          hint={withNote.target === 'withdraw' ? t('incidents.editorial.withdrawHint') : undefined}
          value={note}
          onChange={setNote}
          rows={4}
          maxLength={2000}
          required
          dir="auto"
          error={noteProblem}
        />
      </ConfirmActionDialog>
    </Card>
  );
}

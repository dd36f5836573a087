import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useToast } from '../../../app/toasts.tsx';
import { useAction } from '../../../lib/useAction.ts';
import { Alert, Button, Dialog, Select, TextArea, TextField } from '../../../ui/index.ts';
import { useTriageErrorMessage } from './errors.ts';
import { useTriageLabels } from './labels.tsx';
import { changeStatus } from './triageApi.ts';
import {
  type ChangeStatusBody,
  CLOSE_REASONS,
  type CloseReason,
  type Report,
  type TargetStatus,
} from './types.ts';

/** The queue's own transitions, as the API allows them; `coordinating` is reached by opening a case. */
const NEXT: Record<string, readonly TargetStatus[]> = {
  received: ['acknowledged', 'tracked', 'closed'],
  acknowledged: ['tracked', 'closed'],
  tracked: ['acknowledged', 'closed'],
  coordinating: ['closed'],
  closed: ['acknowledged'],
};

export function allowedTransitions(status: string): readonly TargetStatus[] {
  return NEXT[status] ?? [];
}

/** The button's words for a move: reopening a closed report is "Reopen", not "Acknowledge". */
function useActionLabel() {
  const { t } = useTranslation();
  return (from: string, to: TargetStatus): string => {
    if (to === 'closed') return t('triage.status.close');
    if (to === 'tracked') return t('triage.status.track');
    return from === 'closed' ? t('triage.status.reopen') : t('triage.status.acknowledge');
  };
}

/** Acknowledge, track, close or reopen: only the moves the report's status allows. */
export function StatusActions({
  report,
  onChanged,
}: {
  report: Report;
  onChanged: (report: Report) => void;
}) {
  const labelOf = useActionLabel();
  const [target, setTarget] = useState<TargetStatus>();
  const moves = allowedTransitions(report.status);
  if (moves.length === 0) return null;
  return (
    <div className="cg-stack-tight">
      <div className="cg-cluster">
        {moves.map((to) => (
          <Button
            key={to}
            variant={to === 'closed' ? 'secondary' : to === moves[0] ? 'primary' : 'secondary'}
            onClick={() => setTarget(to)}
          >
            {labelOf(report.status, to)}
          </Button>
        ))}
      </div>
      {target && (
        <StatusDialog
          report={report}
          target={target}
          title={labelOf(report.status, target)}
          onClose={() => setTarget(undefined)}
          onChanged={(updated) => {
            setTarget(undefined);
            onChanged(updated);
          }}
        />
      )}
    </div>
  );
}

type StatusDialogProps = {
  report: Report;
  target: TargetStatus;
  title: string;
  onClose: () => void;
  onChanged: (report: Report) => void;
};

function StatusDialog({ report, target, title, onClose, onChanged }: StatusDialogProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const labels = useTriageLabels();
  const errorMessage = useTriageErrorMessage();
  const [reason, setReason] = useState<CloseReason | ''>('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [note, setNote] = useState('');
  const [problems, setProblems] = useState<{ reason?: string; duplicateOf?: string }>({});
  const isClosing = target === 'closed';

  const run = useAction(() => {
    const body: ChangeStatusBody = { status: target };
    if (isClosing && reason) body.closeReason = reason;
    if (isClosing && reason === 'duplicate') body.duplicateOf = duplicateOf.trim();
    if (note.trim()) body.note = note.trim();
    return changeStatus(report.id, body);
  });

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const found: typeof problems = {};
    if (isClosing && !reason) found.reason = t('triage.status.reasonRequired');
    if (isClosing && reason === 'duplicate' && !duplicateOf.trim()) {
      found.duplicateOf = t('triage.status.duplicateRequired');
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const updated = await run.run();
    if (updated === undefined) return;
    toast(t('triage.status.changed', { status: labels.status(updated.status) }));
    onChanged(updated);
  };

  const duplicateError =
    problems.duplicateOf ??
    (run.error?.code === 'invalid_duplicate_of' ? errorMessage(run.error) : undefined);

  return (
    <Dialog isOpen onClose={() => !run.isBusy && onClose()} title={title}>
      <form className="cg-form" onSubmit={onSubmit} noValidate>
        <p>{t(`triage.status.explain.${target}`)}</p>
        {run.error && run.error.code !== 'invalid_duplicate_of' && (
          <Alert tone="danger" isLive>
            {errorMessage(run.error)}
          </Alert>
        )}
        {isClosing && (
          <>
            <Select
              label={t('triage.status.reason')}
              value={reason}
              onChange={(value) => setReason(value as CloseReason | '')}
              emptyOption={t('common.choose')}
              options={CLOSE_REASONS.map((code) => ({ value: code, label: labels.closeReason(code) }))}
              required
              error={problems.reason}
            />
            {reason === 'duplicate' && (
              <TextField
                label={t('triage.status.duplicateOf')}
                hint={t('triage.status.duplicateOfHint', { example: '\u2066vr_01h…\u2069' })}
                value={duplicateOf}
                onChange={setDuplicateOf}
                required
                className="cg-triage-code-field"
                dir="ltr"
                maxLength={64}
                error={duplicateError}
              />
            )}
          </>
        )}
        <TextArea
          label={t('triage.status.note')}
          labelNote={t('common.optional')}
          hint={t('triage.status.noteHint')}
          value={note}
          onChange={setNote}
          rows={4}
          maxLength={5000}
          dir="auto"
        />
        <div className="cg-cluster">
          <Button type="submit" variant={isClosing ? 'danger' : 'primary'} isBusy={run.isBusy}>
            {title}
          </Button>
          <Button variant="secondary" onClick={onClose} disabled={run.isBusy}>
            {t('common.cancel')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

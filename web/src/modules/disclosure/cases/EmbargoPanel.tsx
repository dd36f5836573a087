import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmActionDialog } from '../../../lib/ConfirmActionDialog.tsx';
import { useAction } from '../../../lib/useAction.ts';
import { useConfirmedAction } from '../../../lib/useConfirmedAction.ts';
import { Button, Card, TextArea } from '../../../ui/index.ts';
import type { CaseAuth } from './auth.ts';
import { CaseErrorAlert, PlainText } from './CaseErrorAlert.tsx';
import { canProposeEmbargo, isEmbargoOpen } from './caseModel.ts';
import { proposeEmbargo, transitionEmbargo } from './casesApi.ts';
import { LocalDateTimeField } from './LocalDateTimeField.tsx';
import { EmbargoStateBadge, useCaseLabels } from './labels.tsx';
import { defaultLocalInput, isoToLocalInput, localInputToIso } from './times.ts';
import type { Case, EmbargoAction } from './types.ts';
import { useCaseTimes, ZonedTime } from './ZonedTime.tsx';

type PanelProps = { caseRecord: Case; auth: CaseAuth; onChanged: (updated: Case) => void };

/**
 * The embargo: its state, end (local and UTC), reason and history, and what the viewer may do with it.
 * The coordinators propose, activate, rule on revisions and end it; any participant may propose a new end.
 */
export function EmbargoPanel({ caseRecord, auth, onChanged }: PanelProps) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const embargo = caseRecord.embargo;
  const state = embargo?.state ?? 'none';
  const isCoordinator = caseRecord.viewer.isCoordinator;
  const isOpenCase = caseRecord.status === 'open';
  return (
    <Card title={t('cases.embargo.title')}>
      <div className="cg-stack">
        <div className="cg-cluster">
          <EmbargoStateBadge state={state} />
          <span className="cg-small">{labels.embargoStateHelp(state)}</span>
        </div>
        {embargo && (
          <dl className="cg-details-list">
            <dt>{state === 'proposed' ? t('cases.embargo.proposedEnd') : t('cases.embargo.end')}</dt>
            <dd>
              <ZonedTime value={embargo.endsAt} withUtc />
            </dd>
            {embargo.proposedEndsAt && (
              <>
                <dt>{t('cases.embargo.revisedEnd')}</dt>
                <dd>
                  <ZonedTime value={embargo.proposedEndsAt} withUtc />
                </dd>
              </>
            )}
            <dt>{t('cases.embargo.reason')}</dt>
            <dd>{embargo.reason.trim() ? <PlainText text={embargo.reason} /> : '—'}</dd>
            {embargo.activatedAt && (
              <>
                <dt>{t('cases.embargo.activatedAt')}</dt>
                <dd>
                  <ZonedTime value={embargo.activatedAt} />
                </dd>
              </>
            )}
            {embargo.exitedAt && (
              <>
                <dt>{t('cases.embargo.exitedAt')}</dt>
                <dd>
                  <ZonedTime value={embargo.exitedAt} />
                  {embargo.exitReason && <span> · {labels.exitReason(embargo.exitReason)}</span>}
                </dd>
              </>
            )}
          </dl>
        )}
        {isOpenCase && (
          <EmbargoActions
            caseRecord={caseRecord}
            auth={auth}
            onChanged={onChanged}
            isCoordinator={isCoordinator}
          />
        )}
        {!isEmbargoOpen(caseRecord) && !canProposeEmbargo(caseRecord) && isOpenCase && isCoordinator && (
          <p className="cg-muted">{t('cases.embargo.notPossible')}</p>
        )}
        {embargo && embargo.events.length > 0 && <EmbargoHistory events={embargo.events} />}
      </div>
    </Card>
  );
}

function EmbargoActions({
  caseRecord,
  auth,
  onChanged,
  isCoordinator,
}: PanelProps & { isCoordinator: boolean }) {
  const { t } = useTranslation();
  const state = caseRecord.embargo?.state ?? 'none';
  const move = useAction((action: EmbargoAction, note?: string) =>
    transitionEmbargo(caseRecord.id, { action, ...(note ? { note } : {}) }, auth),
  );
  const [exitNote, setExitNote] = useState('');
  const exit = useConfirmedAction((_: 'exit') =>
    transitionEmbargo(
      caseRecord.id,
      { action: 'exit', ...(exitNote.trim() ? { note: exitNote.trim() } : {}) },
      auth,
    ),
  );
  const [revisionNote, setRevisionNote] = useState('');
  const run = async (action: EmbargoAction, note?: string) => {
    const updated = await move.run(action, note);
    if (updated) {
      setRevisionNote('');
      onChanged(updated);
    }
  };

  if (isCoordinator && canProposeEmbargo(caseRecord)) {
    return <ProposeForm caseRecord={caseRecord} onChanged={onChanged} />;
  }
  return (
    <div className="cg-stack">
      {isCoordinator && state === 'proposed' && (
        <div className="cg-cluster">
          <Button onClick={() => run('activate')} isBusy={move.isBusy}>
            {t('cases.embargo.activate')}
          </Button>
        </div>
      )}
      {isCoordinator && state === 'revise' && (
        <div className="cg-stack-tight">
          <TextArea
            label={t('cases.embargo.revisionNote')}
            labelNote={t('common.optional')}
            value={revisionNote}
            onChange={setRevisionNote}
            rows={2}
            maxLength={5_000}
            dir="auto"
          />
          <div className="cg-cluster">
            <Button onClick={() => run('accept_revision', revisionNote.trim())} isBusy={move.isBusy}>
              {t('cases.embargo.acceptRevision')}
            </Button>
            <Button
              variant="secondary"
              onClick={() => run('reject_revision', revisionNote.trim())}
              disabled={move.isBusy}
            >
              {t('cases.embargo.rejectRevision')}
            </Button>
          </div>
        </div>
      )}
      <CaseErrorAlert error={move.error} />
      {state === 'active' && <RevisionForm caseRecord={caseRecord} auth={auth} onChanged={onChanged} />}
      {isCoordinator && isEmbargoOpen(caseRecord) && (
        <div className="cg-cluster">
          <Button variant="danger" onClick={() => exit.ask('exit')}>
            {state === 'proposed' ? t('cases.embargo.withdraw') : t('cases.embargo.exit')}
          </Button>
        </div>
      )}
      <ConfirmActionDialog
        confirmation={exit}
        title={state === 'proposed' ? t('cases.embargo.withdrawTitle') : t('cases.embargo.exitTitle')}
        confirmLabel={state === 'proposed' ? t('cases.embargo.withdraw') : t('cases.embargo.exit')}
        isDanger
        onConfirm={async () => {
          const done = await exit.confirm();
          if (done) {
            setExitNote('');
            onChanged(done.result);
          }
        }}
      >
        <p>{t('cases.embargo.exitText')}</p>
        <TextArea
          label={t('cases.embargo.exitNote')}
          labelNote={t('common.optional')}
          value={exitNote}
          onChange={setExitNote}
          rows={2}
          maxLength={5_000}
          dir="auto"
        />
      </ConfirmActionDialog>
    </div>
  );
}

/** The coordinators propose an embargo: an end in their own zone (shown in UTC too) and a reason. */
function ProposeForm({ caseRecord, onChanged }: { caseRecord: Case; onChanged: (updated: Case) => void }) {
  const { t } = useTranslation();
  const times = useCaseTimes();
  const [end, setEnd] = useState(() => defaultLocalInput(Date.now(), 30, times.timeZone));
  const [reason, setReason] = useState('');
  const [isSubmitted, setIsSubmitted] = useState(false);
  const propose = useAction((endsAt: string) =>
    proposeEmbargo(caseRecord.id, { endsAt, reason: reason.trim() }),
  );
  const endsAt = localInputToIso(end, times.timeZone);
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSubmitted(true);
    if (!endsAt) return;
    const updated = await propose.run(endsAt);
    if (updated) {
      setIsSubmitted(false);
      setReason('');
      onChanged(updated);
    }
  };
  return (
    <form className="cg-form" onSubmit={onSubmit} noValidate aria-label={t('cases.embargo.proposeTitle')}>
      <h3 className="cg-case-subheading">{t('cases.embargo.proposeTitle')}</h3>
      <LocalDateTimeField
        label={t('cases.embargo.endLabel')}
        value={end}
        onChange={setEnd}
        isRequired
        error={isSubmitted && !endsAt ? t('cases.time.invalid') : undefined}
      />
      <TextArea
        label={t('cases.embargo.reasonLabel')}
        hint={t('cases.embargo.reasonHint')}
        value={reason}
        onChange={setReason}
        rows={3}
        maxLength={5_000}
        dir="auto"
      />
      <CaseErrorAlert error={propose.error} />
      <div className="cg-cluster">
        <Button type="submit" isBusy={propose.isBusy}>
          {t('cases.embargo.propose')}
        </Button>
      </div>
    </form>
  );
}

/** Anyone in the case may ask for a new end while the embargo holds; the coordinators accept or reject it. */
function RevisionForm({ caseRecord, auth, onChanged }: PanelProps) {
  const { t } = useTranslation();
  const times = useCaseTimes();
  const [isOpen, setIsOpen] = useState(false);
  const [end, setEnd] = useState('');
  const [note, setNote] = useState('');
  const [isSubmitted, setIsSubmitted] = useState(false);
  const propose = useAction((endsAt: string) =>
    transitionEmbargo(caseRecord.id, { action: 'propose_revision', endsAt, note: note.trim() }, auth),
  );
  const endsAt = localInputToIso(end, times.timeZone);
  if (!isOpen) {
    return (
      <div className="cg-cluster">
        <Button
          variant="secondary"
          onClick={() => {
            setEnd(caseRecord.embargo ? isoToLocalInput(caseRecord.embargo.endsAt, times.timeZone) : '');
            setIsOpen(true);
          }}
        >
          {t('cases.embargo.proposeRevision')}
        </Button>
      </div>
    );
  }
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSubmitted(true);
    if (!endsAt) return;
    const updated = await propose.run(endsAt);
    if (updated) {
      setIsOpen(false);
      setIsSubmitted(false);
      setNote('');
      onChanged(updated);
    }
  };
  return (
    <form className="cg-form" onSubmit={onSubmit} noValidate aria-label={t('cases.embargo.proposeRevision')}>
      <h3 className="cg-case-subheading">{t('cases.embargo.proposeRevision')}</h3>
      <LocalDateTimeField
        label={t('cases.embargo.revisedEndLabel')}
        value={end}
        onChange={setEnd}
        isRequired
        error={isSubmitted && !endsAt ? t('cases.time.invalid') : undefined}
      />
      <TextArea
        label={t('cases.embargo.revisionReason')}
        value={note}
        onChange={setNote}
        rows={3}
        maxLength={5_000}
        dir="auto"
      />
      <CaseErrorAlert error={propose.error} />
      <div className="cg-cluster">
        <Button type="submit" isBusy={propose.isBusy}>
          {t('cases.embargo.sendRevision')}
        </Button>
        <Button variant="secondary" onClick={() => setIsOpen(false)} disabled={propose.isBusy}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** Who moved the embargo, in words a participant can read: a participant's name, or "automatically". */
/** The server names who acted by organization or participant name; `system` is the end of the embargo's term. */
function useActorName() {
  const { t } = useTranslation();
  return (actor: string): string => (actor === 'system' ? t('cases.embargo.byAutomatic') : actor);
}

function EmbargoHistory({ events }: { events: NonNullable<Case['embargo']>['events'] }) {
  const { t } = useTranslation();
  const labels = useCaseLabels();
  const actorName = useActorName();
  const headingId = useId();
  const ordered = [...events].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return (
    <section aria-labelledby={headingId}>
      <h3 className="cg-case-subheading" id={headingId}>
        {t('cases.embargo.history')}
      </h3>
      <ol className="cg-case-history">
        {ordered.map((event) => (
          <li key={`${event.createdAt}-${event.toState}`}>
            <div className="cg-cluster cg-small">
              <ZonedTime value={event.createdAt} />
              <strong>
                {t('cases.embargo.transition', {
                  from: labels.embargoState(event.fromState),
                  to: labels.embargoState(event.toState),
                })}
              </strong>
              <span className="cg-muted">
                {t('cases.embargo.by')} <bdi>{actorName(event.actor)}</bdi>
              </span>
            </div>
            <div className="cg-small">
              {t('cases.embargo.endAtEvent')} <ZonedTime value={event.endsAt} withUtc />
            </div>
            {event.note.trim() && <PlainText text={event.note} />}
          </li>
        ))}
      </ol>
    </section>
  );
}

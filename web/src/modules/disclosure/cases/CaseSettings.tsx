import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmActionDialog } from '../../../lib/ConfirmActionDialog.tsx';
import { useAction } from '../../../lib/useAction.ts';
import { useConfirmedAction } from '../../../lib/useConfirmedAction.ts';
import { Alert, Button, Card, TextArea, TextField } from '../../../ui/index.ts';
import { CaseErrorAlert } from './CaseErrorAlert.tsx';
import { isEmbargoOpen } from './caseModel.ts';
import { recordCaseEvent, updateCase } from './casesApi.ts';
import { type TargetChoice, TargetField, targetBody } from './TargetField.tsx';
import { isoToLocalInput } from './times.ts';
import { type Case, type CaseEventKind, TARGET_PRESETS, type UpdateCaseBody } from './types.ts';
import { useCaseTimes, ZonedTime } from './ZonedTime.tsx';

type SettingsProps = { caseRecord: Case; onChanged: (updated: Case) => void };

const CVE_PATTERN = /^CVE-\d{4}-\d{4,}$/;

/** The coordinators' controls: edit the case, record exploitation or publicity, close or reopen it. */
export function CaseSettings({ caseRecord, onChanged }: SettingsProps) {
  return (
    <div className="cg-stack">
      {caseRecord.status === 'open' && <EditCard caseRecord={caseRecord} onChanged={onChanged} />}
      {caseRecord.status === 'open' && <EventsCard caseRecord={caseRecord} onChanged={onChanged} />}
      <StatusCard caseRecord={caseRecord} onChanged={onChanged} />
    </div>
  );
}

function initialTarget(caseRecord: Case, timeZone: string): TargetChoice {
  const preset = TARGET_PRESETS.find((days) => days === caseRecord.targetDays);
  return preset
    ? { mode: `${preset}`, date: '' }
    : { mode: 'date', date: isoToLocalInput(caseRecord.targetDate, timeZone) };
}

function EditCard({ caseRecord, onChanged }: SettingsProps) {
  const { t } = useTranslation();
  const times = useCaseTimes();
  const [title, setTitle] = useState(caseRecord.title);
  const [summary, setSummary] = useState(caseRecord.summary);
  const [cveId, setCveId] = useState(caseRecord.cveId ?? '');
  const [target, setTarget] = useState<TargetChoice>(() => initialTarget(caseRecord, times.timeZone));
  const [isSubmitted, setIsSubmitted] = useState(false);
  const [isSaved, setIsSaved] = useState(false);
  const save = useAction((body: UpdateCaseBody) => updateCase(caseRecord.id, body));

  const cve = cveId.trim().toUpperCase();
  const isCveValid = cve === '' || CVE_PATTERN.test(cve);
  const targetPart = targetBody(target, times.timeZone);
  const initial = initialTarget(caseRecord, times.timeZone);
  const isTargetChanged =
    target.mode !== initial.mode || (target.mode === 'date' && target.date !== initial.date);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setIsSubmitted(true);
    setIsSaved(false);
    if (!title.trim() || !isCveValid || !targetPart) return;
    // Only what changed is sent: a preset sent again would move the target date.
    const body: UpdateCaseBody = {
      ...(title.trim() !== caseRecord.title ? { title: title.trim() } : {}),
      ...(summary !== caseRecord.summary ? { summary } : {}),
      ...(cve !== (caseRecord.cveId ?? '') ? { cveId: cve || null } : {}),
      ...(isTargetChanged ? targetPart : {}),
    };
    if (Object.keys(body).length === 0) {
      setIsSaved(true);
      return;
    }
    const updated = await save.run(body);
    if (updated) {
      setIsSubmitted(false);
      setIsSaved(true);
      onChanged(updated);
    }
  };

  return (
    <Card title={t('cases.settings.editTitle')}>
      <form className="cg-form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t('cases.fields.title')}
          value={title}
          onChange={setTitle}
          maxLength={200}
          required
          dir="auto"
          error={isSubmitted && !title.trim() ? t('cases.new.titleRequired') : undefined}
        />
        <TextArea
          label={t('cases.fields.summary')}
          hint={t('cases.fields.summaryHint')}
          value={summary}
          onChange={setSummary}
          rows={6}
          maxLength={50_000}
          dir="auto"
        />
        <TextField
          label={t('cases.fields.cve')}
          labelNote={t('common.optional')}
          hint={t('cases.fields.cveHint')}
          value={cveId}
          onChange={setCveId}
          maxLength={30}
          dir="ltr"
          className="cg-case-code-field"
          error={isSubmitted && !isCveValid ? t('cases.fields.cveInvalid') : undefined}
        />
        <p className="cg-small">
          {t('cases.settings.currentTarget')} <ZonedTime value={caseRecord.targetDate} withUtc />
        </p>
        <TargetField
          value={target}
          onChange={setTarget}
          error={isSubmitted && !targetPart ? t('cases.time.invalid') : undefined}
        />
        <CaseErrorAlert error={save.error} />
        {isSaved && !save.error && (
          <Alert tone="success" isLive>
            {t('cases.settings.saved')}
          </Alert>
        )}
        <div className="cg-cluster">
          <Button type="submit" isBusy={save.isBusy}>
            {t('cases.settings.save')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** Exploitation in the wild and public disclosure are facts to record; either ends an embargo. */
function EventsCard({ caseRecord, onChanged }: SettingsProps) {
  const { t } = useTranslation();
  const [note, setNote] = useState('');
  const record = useConfirmedAction((kind: CaseEventKind) =>
    recordCaseEvent(caseRecord.id, { kind, ...(note.trim() ? { note: note.trim() } : {}) }),
  );
  const hasEmbargo = isEmbargoOpen(caseRecord);
  return (
    <Card title={t('cases.settings.eventsTitle')} description={t('cases.settings.eventsIntro')}>
      <div className="cg-cluster">
        {caseRecord.exploitedAt ? (
          <p>
            {t('cases.marks.exploited')} · <ZonedTime value={caseRecord.exploitedAt} />
          </p>
        ) : (
          <Button variant="danger" onClick={() => record.ask('exploited')}>
            {t('cases.settings.recordExploited')}
          </Button>
        )}
        {caseRecord.publicAt ? (
          <p>
            {t('cases.marks.public')} · <ZonedTime value={caseRecord.publicAt} />
          </p>
        ) : (
          <Button variant="danger" onClick={() => record.ask('public')}>
            {t('cases.settings.recordPublic')}
          </Button>
        )}
      </div>
      <ConfirmActionDialog
        confirmation={record}
        title={
          record.target === 'exploited' ? t('cases.settings.exploitedTitle') : t('cases.settings.publicTitle')
        }
        confirmLabel={
          record.target === 'exploited'
            ? t('cases.settings.recordExploited')
            : t('cases.settings.recordPublic')
        }
        isDanger
        onConfirm={async () => {
          const done = await record.confirm();
          if (done) {
            setNote('');
            onChanged(done.result);
          }
        }}
      >
        <p>{hasEmbargo ? t('cases.settings.endsEmbargo') : t('cases.settings.noEmbargo')}</p>
        <p>{t('cases.settings.everyoneTold')}</p>
        <TextArea
          label={t('cases.settings.eventNote')}
          labelNote={t('common.optional')}
          value={note}
          onChange={setNote}
          rows={2}
          maxLength={5_000}
          dir="auto"
        />
      </ConfirmActionDialog>
    </Card>
  );
}

function StatusCard({ caseRecord, onChanged }: SettingsProps) {
  const { t } = useTranslation();
  const isOpen = caseRecord.status === 'open';
  const change = useConfirmedAction((status: 'open' | 'closed') => updateCase(caseRecord.id, { status }));
  return (
    <Card title={isOpen ? t('cases.settings.closeTitle') : t('cases.settings.reopenTitle')}>
      <p>{isOpen ? t('cases.settings.closeText') : t('cases.settings.reopenText')}</p>
      <div className="cg-cluster">
        <Button
          variant={isOpen ? 'danger' : 'primary'}
          onClick={() => change.ask(isOpen ? 'closed' : 'open')}
        >
          {isOpen ? t('cases.settings.close') : t('cases.settings.reopen')}
        </Button>
      </div>
      <ConfirmActionDialog
        confirmation={change}
        title={isOpen ? t('cases.settings.closeTitle') : t('cases.settings.reopenTitle')}
        confirmLabel={isOpen ? t('cases.settings.close') : t('cases.settings.reopen')}
        isDanger={isOpen}
        onConfirm={async () => {
          const done = await change.confirm();
          if (done) onChanged(done.result);
        }}
      >
        <p>{isOpen ? t('cases.settings.closeText') : t('cases.settings.reopenText')}</p>
      </ConfirmActionDialog>
    </Card>
  );
}

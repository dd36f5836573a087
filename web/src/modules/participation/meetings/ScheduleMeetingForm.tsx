import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client.ts';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../../lib/FormErrorAlert.tsx';
import { useAction } from '../../../lib/useAction.ts';
import { Button, Select, type SelectOption, TextArea, TextField } from '../../../ui/index.ts';
import { localInputToIso } from '../consultations/datetime.ts';
import type { CreateMeetingBody, Meeting } from '../statements/types.ts';
import { useMeetingTimes } from './meetingTimes.tsx';
import './meetings.css';

type AgendaRow = { key: number; title: string; stakeholderSlots: string };

type ScheduleMeetingFormProps = {
  processId: string;
  /** Plenary for the secretariat (empty value), or the groups the person may organize meetings for. */
  groupOptions: SelectOption[];
  initialGroupId: string;
  onScheduled: (meeting: Meeting) => void;
  onCancel: () => void;
};

const MAX_AGENDA_ITEMS = 50;

/** Schedules a meeting with its agenda; times are entered on the viewer's clock and sent in UTC. */
export function ScheduleMeetingForm({
  processId,
  groupOptions,
  initialGroupId,
  onScheduled,
  onCancel,
}: ScheduleMeetingFormProps) {
  const { t } = useTranslation();
  const { fieldErrorsOf } = useErrorMessages();
  const { timeZone } = useMeetingTimes();
  const agendaHeadingId = useId();
  const nextKey = useRef(2);
  const [title, setTitle] = useState('');
  const [location, setLocation] = useState('');
  const [description, setDescription] = useState('');
  const [groupId, setGroupId] = useState(initialGroupId);
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [agenda, setAgenda] = useState<AgendaRow[]>([{ key: 1, title: '', stakeholderSlots: '2' }]);
  const [dateErrors, setDateErrors] = useState<{ startsAt?: string; endsAt?: string }>({});
  // Agenda rows are checked here: the API's field errors name only `title`, not which row's.
  const [rowErrors, setRowErrors] = useState<Record<number, string>>({});

  const schedule = useAction((body: CreateMeetingBody) =>
    call(
      api.POST('/api/v1/participation/processes/{id}/meetings', {
        params: { path: { id: processId } },
        body,
      }),
    ),
  );
  const fieldErrors = fieldErrorsOf(schedule.error, { ends_before_starts: 'endsAt' });

  const updateRow = (key: number, change: Partial<AgendaRow>) =>
    setAgenda((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const addRow = () => {
    const key = nextKey.current++;
    setAgenda((rows) => [...rows, { key, title: '', stakeholderSlots: '2' }]);
  };
  const removeRow = (key: number) => setAgenda((rows) => rows.filter((row) => row.key !== key));

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const startsAtIso = localInputToIso(startsAt);
    const endsAtIso = localInputToIso(endsAt);
    const errors: { startsAt?: string; endsAt?: string } = {};
    if (!startsAtIso) errors.startsAt = t('meetings.form.dateRequired');
    if (!endsAtIso) errors.endsAt = t('meetings.form.dateRequired');
    else if (startsAtIso && endsAtIso <= startsAtIso) errors.endsAt = t('errors.ends_before_starts');
    setDateErrors(errors);
    const shortRows = Object.fromEntries(
      agenda
        .filter((row) => row.title.trim().length < 2)
        .map((row) => [row.key, t('meetings.form.itemTitleRequired')]),
    );
    setRowErrors(shortRows);
    if (!startsAtIso || !endsAtIso || errors.endsAt || Object.keys(shortRows).length > 0) return;
    const body: CreateMeetingBody = {
      title: title.trim(),
      location: location.trim(),
      startsAt: startsAtIso,
      endsAt: endsAtIso,
      agenda: agenda.map((row) => ({
        title: row.title.trim(),
        stakeholderSlots: Math.max(0, Math.trunc(Number(row.stakeholderSlots) || 0)),
      })),
    };
    if (description.trim()) body.description = description.trim();
    if (groupId) body.groupId = groupId;
    const created = await schedule.run(body);
    if (created) onScheduled(created);
  };

  const zoneHint = t('meetings.form.zoneHint', { zone: timeZone });
  return (
    <form className="cg-form cg-form-wide" onSubmit={onSubmit} noValidate>
      <FormErrorAlert error={schedule.error} />
      <TextField
        label={t('meetings.form.title')}
        value={title}
        onChange={setTitle}
        required
        minLength={3}
        maxLength={300}
        dir="auto"
        error={fieldErrors.title}
      />
      <div className="cg-form-row">
        <TextField
          label={t('meetings.form.location')}
          hint={t('meetings.form.locationHint')}
          value={location}
          onChange={setLocation}
          required
          maxLength={300}
          dir="auto"
          error={fieldErrors.location}
        />
        {groupOptions.length > 0 && (
          <Select
            label={t('meetings.form.group')}
            value={groupId}
            onChange={setGroupId}
            options={groupOptions}
            error={fieldErrors.groupId}
          />
        )}
      </div>
      <div className="cg-form-row">
        <TextField
          type="datetime-local"
          label={t('meetings.form.startsAt')}
          hint={zoneHint}
          value={startsAt}
          onChange={(value) => {
            setStartsAt(value);
            setDateErrors({});
          }}
          required
          error={dateErrors.startsAt ?? fieldErrors.startsAt}
        />
        <TextField
          type="datetime-local"
          label={t('meetings.form.endsAt')}
          hint={zoneHint}
          value={endsAt}
          onChange={(value) => {
            setEndsAt(value);
            setDateErrors({});
          }}
          required
          error={dateErrors.endsAt ?? fieldErrors.endsAt}
        />
      </div>
      <TextArea
        label={t('meetings.form.description')}
        labelNote={t('common.optional')}
        value={description}
        onChange={setDescription}
        rows={4}
        maxLength={10_000}
        dir="auto"
        error={fieldErrors.description}
      />
      <fieldset className="cg-fieldset" aria-describedby={agendaHeadingId}>
        <legend>{t('meetings.form.agenda')}</legend>
        <p className="cg-hint" id={agendaHeadingId}>
          {t('meetings.form.agendaHint')}
        </p>
        <ol className="cg-mtg-agenda-rows">
          {agenda.map((row, index) => (
            <li key={row.key} className="cg-mtg-agenda-row">
              <TextField
                label={t('meetings.form.itemTitle', { number: index + 1 })}
                value={row.title}
                onChange={(value) => {
                  updateRow(row.key, { title: value });
                  setRowErrors((errors) => ({ ...errors, [row.key]: '' }));
                }}
                error={rowErrors[row.key] || undefined}
                required
                minLength={2}
                maxLength={300}
                dir="auto"
              />
              <TextField
                type="number"
                label={
                  <>
                    {t('meetings.form.itemSlots')}
                    <span className="cg-visually-hidden">
                      {' '}
                      {t('meetings.form.itemTitle', { number: index + 1 })}
                    </span>
                  </>
                }
                value={row.stakeholderSlots}
                onChange={(value) => updateRow(row.key, { stakeholderSlots: value })}
                min={0}
                max={100}
                inputMode="numeric"
                className="cg-mtg-slots-field"
              />
              <Button
                variant="ghost"
                size="small"
                onClick={() => removeRow(row.key)}
                disabled={agenda.length === 1}
                className="cg-mtg-remove-row"
              >
                {t('meetings.form.removeItem')}
                <span className="cg-visually-hidden"> {index + 1}</span>
              </Button>
            </li>
          ))}
        </ol>
        {fieldErrors.agenda && <div className="cg-field-error">{fieldErrors.agenda}</div>}
        <Button
          variant="secondary"
          size="small"
          onClick={addRow}
          disabled={agenda.length >= MAX_AGENDA_ITEMS}
        >
          {t('meetings.form.addItem')}
        </Button>
      </fieldset>
      <div className="cg-cluster">
        <Button type="submit" isBusy={schedule.isBusy}>
          {t('meetings.form.submit')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

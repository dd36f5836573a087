import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client.ts';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../../lib/FormErrorAlert.tsx';
import { useAction } from '../../../lib/useAction.ts';
import { Button, TextField } from '../../../ui/index.ts';
import { localInputToIso, toLocalInputValue, viewerTimeZone } from './datetime.ts';
import type { Consultation } from './types.ts';

const DEFAULT_LENGTH_DAYS = 30;

type OpenConsultationFormProps = {
  draftId: string;
  latestRevision: number;
  onOpened: (consultation: Consultation) => void;
  onCancel: () => void;
};

/** Chairs put the latest revision to consultation between two dates, entered in their own time zone. */
export function OpenConsultationForm({
  draftId,
  latestRevision,
  onOpened,
  onCancel,
}: OpenConsultationFormProps) {
  const { t } = useTranslation();
  const { fieldErrorsOf } = useErrorMessages();
  const [title, setTitle] = useState('');
  const [opensAt, setOpensAt] = useState(() => toLocalInputValue(new Date()));
  const [closesAt, setClosesAt] = useState(() =>
    toLocalInputValue(new Date(Date.now() + DEFAULT_LENGTH_DAYS * 86_400_000)),
  );
  const [dateErrors, setDateErrors] = useState<{ opensAt?: string; closesAt?: string }>({});

  const create = useAction((body: { title: string; opensAt: string; closesAt: string }) =>
    call(
      api.POST('/api/v1/participation/drafts/{id}/consultations', {
        params: { path: { id: draftId } },
        body,
      }),
    ),
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const opens = localInputToIso(opensAt);
    const closes = localInputToIso(closesAt);
    const errors = {
      ...(opens ? {} : { opensAt: t('consultations.dateInvalid') }),
      ...(closes ? {} : { closesAt: t('consultations.dateInvalid') }),
    };
    setDateErrors(errors);
    if (!opens || !closes) return;
    const consultation = await create.run({ title: title.trim(), opensAt: opens, closesAt: closes });
    if (consultation) onOpened(consultation);
  };

  const fieldErrors = fieldErrorsOf(create.error, { closes_before_opens: 'closesAt' });
  const zoneHint = t('consultations.timeZoneHint', { zone: viewerTimeZone() });
  return (
    <form className="cg-form cg-consultation-form" onSubmit={onSubmit} noValidate>
      <p className="cg-muted">{t('consultations.openIntro', { number: latestRevision })}</p>
      <FormErrorAlert error={create.error} />
      <TextField
        label={t('consultations.titleField')}
        value={title}
        onChange={setTitle}
        required
        minLength={3}
        maxLength={300}
        error={fieldErrors.title}
      />
      <div className="cg-form-row">
        <TextField
          type="datetime-local"
          label={t('consultations.opensAt')}
          hint={zoneHint}
          value={opensAt}
          onChange={setOpensAt}
          required
          error={dateErrors.opensAt ?? fieldErrors.opensAt}
        />
        <TextField
          type="datetime-local"
          label={t('consultations.closesAt')}
          hint={zoneHint}
          value={closesAt}
          onChange={setClosesAt}
          required
          error={dateErrors.closesAt ?? fieldErrors.closesAt}
        />
      </div>
      <div className="cg-cluster">
        <Button type="submit" isBusy={create.isBusy}>
          {t('consultations.openAction')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

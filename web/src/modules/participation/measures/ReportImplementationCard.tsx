import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client.ts';
import type { Membership } from '../../../api/types.ts';
import { useToast } from '../../../app/toasts.tsx';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../../lib/FormErrorAlert.tsx';
import { useAction } from '../../../lib/useAction.ts';
import { Button, Card, Select, TextArea } from '../../../ui/index.ts';
import { isolate } from './bidi.ts';
import { IMPLEMENTATION_STATUSES, type ImplementationStatus, type Measure } from './types.ts';
import './measures.css';

type ReportImplementationCardProps = {
  measure: Measure;
  /** The verified States the user belongs to. */
  memberships: Membership[];
  onReported: (measure: Measure) => void;
};

/** A State says where it stands with the measure; a new report replaces its earlier one. */
export function ReportImplementationCard({
  measure,
  memberships,
  onReported,
}: ReportImplementationCardProps) {
  const { t } = useTranslation();
  const [organizationId, setOrganizationId] = useState(memberships[0]?.organizationId ?? '');
  return (
    <Card title={t('measures.report.title')} description={t('measures.report.intro')}>
      <div className="cg-stack">
        {memberships.length > 1 && (
          <Select
            label={t('measures.report.state')}
            value={organizationId}
            onChange={setOrganizationId}
            options={memberships.map((membership) => ({
              value: membership.organizationId,
              label: membership.organizationName,
            }))}
          />
        )}
        {/* A fresh form per State, started from that State's current report. */}
        <ReportForm
          key={organizationId}
          measure={measure}
          membership={memberships.find((membership) => membership.organizationId === organizationId)}
          onReported={onReported}
        />
      </div>
    </Card>
  );
}

function ReportForm({
  measure,
  membership,
  onReported,
}: {
  measure: Measure;
  membership: Membership | undefined;
  onReported: (measure: Measure) => void;
}) {
  const { t } = useTranslation();
  const toast = useToast();
  const { fieldErrorsOf } = useErrorMessages();
  const radioName = useId();
  const existing = measure.implementations.find(
    (implementation) => implementation.state.id === membership?.organizationId,
  );
  const [status, setStatus] = useState<ImplementationStatus | ''>(existing?.status ?? '');
  const [note, setNote] = useState(existing?.note ?? '');
  const report = useAction((organizationId: string, chosen: ImplementationStatus) =>
    call(
      api.PUT('/api/v1/participation/measures/{id}/implementation', {
        params: { path: { id: measure.id } },
        body: { organizationId, status: chosen, note: note.trim() },
      }),
    ),
  );
  if (!membership) return null;

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (!status) return;
    const updated = await report.run(membership.organizationId, status);
    if (!updated) return;
    toast(t('measures.report.done', { name: isolate(membership.organizationName) }));
    onReported(updated);
  };

  const fieldErrors = fieldErrorsOf(report.error);
  return (
    <form className="cg-form" onSubmit={onSubmit} noValidate>
      <FormErrorAlert error={report.error} />
      <p className="cg-small">
        {existing
          ? t('measures.report.current', { name: isolate(membership.organizationName) })
          : t('measures.report.first', { name: isolate(membership.organizationName) })}
      </p>
      <fieldset className="cg-fieldset">
        <legend>{t('measures.report.status')}</legend>
        <div className="cg-stack-tight">
          {IMPLEMENTATION_STATUSES.map((option) => (
            <div key={option} className="cg-checkbox">
              <input
                type="radio"
                id={`${radioName}-${option}`}
                name={radioName}
                value={option}
                checked={status === option}
                onChange={() => setStatus(option)}
                required
              />
              <label htmlFor={`${radioName}-${option}`}>
                {t(`measures.implementation.status.${option}`)}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      <TextArea
        label={t('measures.report.note')}
        labelNote={t('common.optional')}
        hint={t('measures.report.noteHint')}
        value={note}
        onChange={setNote}
        rows={4}
        maxLength={5_000}
        dir="auto"
        error={fieldErrors.note}
      />
      <div className="cg-cluster">
        <Button type="submit" isBusy={report.isBusy} disabled={!status}>
          {existing ? t('measures.report.update') : t('measures.report.submit')}
        </Button>
      </div>
    </form>
  );
}

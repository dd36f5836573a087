import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client.ts';
import { useErrorMessages } from '../../../lib/errorMessages.ts';
import { useAction } from '../../../lib/useAction.ts';
import { Button } from '../../../ui/index.ts';
import { useStakeholderKinds } from '../../organizations/reference.ts';
import { isolate } from '../drafts/bidi.ts';
import { DispositionBadge } from './badges.tsx';
import { type Contribution, DISPOSITION_OUTCOMES, type DispositionOutcome } from './types.ts';

type DispositionRowProps = {
  contribution: Contribution;
  /** Chairs record outcomes once the consultation has closed. */
  isEditable: boolean;
  onSaved: (contribution: Contribution) => void;
};

function ParagraphCell({ contribution }: { contribution: Contribution }) {
  const { t } = useTranslation();
  if (contribution.paragraphNumber === null) return <>{t('consultations.generalShort')}</>;
  return <>{contribution.paragraphNumber}</>;
}

/** One row of the disposition table; for chairs, the outcome and its reason are editable in place. */
export function DispositionRow({ contribution, isEditable, onSaved }: DispositionRowProps) {
  const { t } = useTranslation();
  const { kindName } = useStakeholderKinds();
  const { messageOf } = useErrorMessages();
  const ids = useId();
  const [outcome, setOutcome] = useState<DispositionOutcome | ''>(contribution.disposition?.outcome ?? '');
  const [reason, setReason] = useState(contribution.disposition?.reason ?? '');
  const [isIncomplete, setIsIncomplete] = useState(false);
  const save = useAction(() =>
    call(
      api.POST('/api/v1/participation/contributions/{id}/disposition', {
        params: { path: { id: contribution.id } },
        body: { outcome: outcome as DispositionOutcome, reason: reason.trim() },
      }),
    ),
  );

  const onSave = async () => {
    const incomplete = outcome === '' || reason.trim() === '';
    setIsIncomplete(incomplete);
    if (incomplete) return;
    const saved = await save.run();
    if (saved) onSaved(saved);
  };

  const { disposition } = contribution;
  const isChanged = outcome !== (disposition?.outcome ?? '') || reason.trim() !== (disposition?.reason ?? '');
  const rowName = `${contribution.organization.name}, ${t(`consultations.kinds.${contribution.kind}`)}`;
  return (
    <tr>
      <td>
        <ParagraphCell contribution={contribution} />
      </td>
      <td>{t(`consultations.kinds.${contribution.kind}`)}</td>
      <td>
        <bdi>{contribution.organization.name}</bdi>
      </td>
      <td>{kindName(contribution.organization.kind)}</td>
      <td className="cg-disposition-text">
        {contribution.body && <p dir="auto">{contribution.body}</p>}
        {contribution.proposedText !== null && (
          <div className="cg-amendment">
            <p className="cg-amendment-label">{t('consultations.proposedReplacement')}</p>
            <p className="cg-amendment-text" dir="auto">
              {contribution.proposedText}
            </p>
          </div>
        )}
      </td>
      <td>
        <span className={isEditable ? 'cg-print-only' : undefined}>
          <DispositionBadge outcome={disposition?.outcome ?? null} />
        </span>
        {isEditable && (
          <div className="cg-no-print cg-field cg-disposition-outcome">
            <label className="cg-visually-hidden" htmlFor={`${ids}-outcome`}>
              {t('consultations.outcomeFor', { name: isolate(rowName) })}
            </label>
            <select
              id={`${ids}-outcome`}
              className="cg-select"
              value={outcome}
              onChange={(event) => setOutcome(event.target.value as DispositionOutcome | '')}
              aria-invalid={isIncomplete && outcome === '' ? true : undefined}
            >
              <option value="">{t('consultations.outcomes.pending')}</option>
              {DISPOSITION_OUTCOMES.map((value) => (
                <option key={value} value={value}>
                  {t(`consultations.outcomes.${value}`)}
                </option>
              ))}
            </select>
          </div>
        )}
      </td>
      <td>
        <span className={isEditable ? 'cg-print-only' : undefined} dir="auto">
          {disposition?.reason ?? ''}
        </span>
        {isEditable && (
          <div className="cg-no-print cg-stack-tight">
            <label className="cg-visually-hidden" htmlFor={`${ids}-reason`}>
              {t('consultations.reasonFor', { name: isolate(rowName) })}
            </label>
            <textarea
              id={`${ids}-reason`}
              className="cg-textarea cg-disposition-reason"
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              rows={3}
              maxLength={1_000}
              dir="auto"
              aria-invalid={isIncomplete && reason.trim() === '' ? true : undefined}
            />
            {(isIncomplete || save.error) && (
              <p className="cg-field-error" role="alert">
                {save.error ? messageOf(save.error) : t('consultations.dispositionIncomplete')}
              </p>
            )}
            <div>
              <Button size="small" onClick={() => void onSave()} isBusy={save.isBusy} disabled={!isChanged}>
                {t('common.save')}
                <span className="cg-visually-hidden">: {rowName}</span>
              </Button>
            </div>
          </div>
        )}
      </td>
    </tr>
  );
}

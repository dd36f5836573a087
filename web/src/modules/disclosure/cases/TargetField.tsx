import { useTranslation } from 'react-i18next';
import { ChoiceGroup } from '../shared/ChoiceGroup.tsx';
import { useDayCount } from '../shared/codes.ts';
import { LocalDateTimeField } from './LocalDateTimeField.tsx';
import { localInputToIso } from './times.ts';
import { TARGET_PRESETS, type TargetDays } from './types.ts';
import { useCaseTimes } from './ZonedTime.tsx';

export type TargetChoice = { mode: `${TargetDays}` | 'date'; date: string };

/** The part of a request body that sets the target: a preset, or a date; null when the date is not valid. */
export function targetBody(
  choice: TargetChoice,
  timeZone: string,
): { targetDays: TargetDays } | { targetDate: string } | null {
  if (choice.mode !== 'date') return { targetDays: Number(choice.mode) as TargetDays };
  const iso = localInputToIso(choice.date, timeZone);
  return iso ? { targetDate: iso } : null;
}

type TargetFieldProps = {
  value: TargetChoice;
  onChange: (value: TargetChoice) => void;
  error?: string | undefined;
};

/** The target date of publication: 45, 90 or 120 days from the case's opening, or a date of one's own. */
export function TargetField({ value, onChange, error }: TargetFieldProps) {
  const { t } = useTranslation();
  const dayCount = useDayCount();
  const times = useCaseTimes();
  const isDateInvalid =
    value.mode === 'date' && value.date !== '' && !localInputToIso(value.date, times.timeZone);
  return (
    <div className="cg-stack-tight">
      <ChoiceGroup
        legend={t('cases.target.legend')}
        hint={t('cases.target.hint')}
        isInline
        value={value.mode}
        onChange={(mode) => onChange({ ...value, mode })}
        choices={[
          ...TARGET_PRESETS.map((days) => ({ value: `${days}` as const, label: dayCount(days) })),
          { value: 'date' as const, label: t('cases.target.ownDate') },
        ]}
        error={value.mode === 'date' ? undefined : error}
      />
      {value.mode === 'date' && (
        <LocalDateTimeField
          label={t('cases.target.dateLabel')}
          value={value.date}
          onChange={(date) => onChange({ ...value, date })}
          isRequired
          error={isDateInvalid ? t('cases.time.invalid') : error}
        />
      )}
    </div>
  );
}

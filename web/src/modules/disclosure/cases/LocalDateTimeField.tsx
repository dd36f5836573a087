import { useTranslation } from 'react-i18next';
import { TextField } from '../../../ui/index.ts';
import { localInputToIso } from './times.ts';
import { useCaseTimes } from './ZonedTime.tsx';

type LocalDateTimeFieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  isRequired?: boolean;
};

/**
 * A date and time typed in the viewer's own zone. The hint names the zone the time is read in and, once a
 * time is typed, the UTC time that will be stored, so nobody sets an end in the wrong zone.
 */
export function LocalDateTimeField({
  label,
  value,
  onChange,
  error,
  isRequired = false,
}: LocalDateTimeFieldProps) {
  const { t } = useTranslation();
  const times = useCaseTimes();
  const iso = localInputToIso(value, times.timeZone);
  return (
    <TextField
      label={label}
      type="datetime-local"
      value={value}
      onChange={onChange}
      error={error}
      required={isRequired}
      className="cg-case-datetime"
      hint={
        <>
          <span>
            {t('cases.time.zoneHint', { zone: times.timeZone, abbreviation: times.zone(iso ?? Date.now()) })}
          </span>{' '}
          {iso && (
            <span className="cg-case-utc-preview">
              {t('cases.time.utcPreview', { utc: times.utcFull(iso) })}
            </span>
          )}
        </>
      }
    />
  );
}

import { useTranslation } from 'react-i18next';
import type { WebhookEventType } from '../../api/types.ts';
import { Checkbox } from '../../ui/index.ts';
import { ALL_EVENTS, WEBHOOK_EVENTS } from './webhookEvents.ts';

type EventTypesFieldsetProps = {
  value: WebhookEventType[];
  onChange: (value: WebhookEventType[]) => void;
  error?: string | undefined;
};

/** "All events" or a chosen list; choosing all makes the individual boxes moot, so they are disabled. */
export function EventTypesFieldset({ value, onChange, error }: EventTypesFieldsetProps) {
  const { t } = useTranslation();
  const isAll = value.includes(ALL_EVENTS);
  const toggle = (type: WebhookEventType, isChecked: boolean) =>
    onChange(
      isChecked
        ? [...value.filter((entry) => entry !== type), type]
        : value.filter((entry) => entry !== type),
    );

  return (
    <fieldset className="cg-fieldset" aria-invalid={error ? true : undefined}>
      <legend>{t('webhooks.eventTypes')}</legend>
      <Checkbox
        label={t('webhooks.allEvents')}
        hint={t('webhooks.allEventsHint')}
        checked={isAll}
        onChange={(isChecked) => onChange(isChecked ? [ALL_EVENTS] : [])}
      />
      <div className="cg-checkbox-group">
        {WEBHOOK_EVENTS.map((event) => (
          <Checkbox
            key={event.type}
            label={t(event.labelKey)}
            hint={<code className="cg-ltr">{event.type}</code>}
            checked={isAll || value.includes(event.type)}
            disabled={isAll}
            onChange={(isChecked) => toggle(event.type, isChecked)}
          />
        ))}
      </div>
      {error && <p className="cg-field-error">{error}</p>}
    </fieldset>
  );
}

import { useTranslation } from 'react-i18next';
import { ALL_EVENTS, WEBHOOK_EVENTS } from './webhookEvents.ts';

const labelKeyOf = new Map<string, (typeof WEBHOOK_EVENTS)[number]['labelKey']>(
  WEBHOOK_EVENTS.map((event) => [event.type, event.labelKey]),
);

/** The events a webhook receives, by name; an event type this version does not know shows as its code. */
export function EventTypesList({ eventTypes }: { eventTypes: string[] }) {
  const { t } = useTranslation();
  if (eventTypes.includes(ALL_EVENTS)) return <span>{t('webhooks.allEvents')}</span>;
  return (
    <ul className="cg-stack-tight">
      {eventTypes.map((type) => {
        const labelKey = labelKeyOf.get(type);
        return <li key={type}>{labelKey ? t(labelKey) : <code className="cg-ltr">{type}</code>}</li>;
      })}
    </ul>
  );
}

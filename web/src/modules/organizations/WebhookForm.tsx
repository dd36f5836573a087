import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { Webhook, WebhookEventType } from '../../api/types.ts';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { Button, Card, TextField } from '../../ui/index.ts';
import { EventTypesFieldset } from './EventTypesFieldset.tsx';
import { ALL_EVENTS } from './webhookEvents.ts';

type WebhookFormProps = {
  organizationId: string;
  onCreated: (webhook: Webhook & { secret: string }) => void;
};

export function WebhookForm({ organizationId, onCreated }: WebhookFormProps) {
  const { t } = useTranslation();
  const { fieldErrorsOf } = useErrorMessages();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [eventTypes, setEventTypes] = useState<WebhookEventType[]>([ALL_EVENTS]);
  const create = useAction(() =>
    call(
      api.POST('/api/v1/organizations/{id}/webhooks', {
        params: { path: { id: organizationId } },
        body: { url: url.trim(), description: description.trim() || undefined, eventTypes },
      }),
    ),
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const webhook = await create.run();
    if (!webhook) return;
    setUrl('');
    setDescription('');
    setEventTypes([ALL_EVENTS]);
    onCreated(webhook);
  };

  const fieldErrors = fieldErrorsOf(create.error);
  return (
    <Card title={t('webhooks.createTitle')} description={t('webhooks.createIntro')}>
      <form className="cg-form" onSubmit={onSubmit} noValidate>
        <FormErrorAlert error={create.error} />
        <TextField
          label={t('webhooks.url')}
          hint={t('webhooks.urlHint')}
          type="url"
          value={url}
          onChange={setUrl}
          required
          error={fieldErrors.url}
        />
        <TextField
          label={t('fields.description')}
          value={description}
          onChange={setDescription}
          labelNote={t('common.optional')}
          error={fieldErrors.description}
        />
        <EventTypesFieldset value={eventTypes} onChange={setEventTypes} error={fieldErrors.eventTypes} />
        <div>
          <Button type="submit" isBusy={create.isBusy}>
            {t('webhooks.create')}
          </Button>
        </div>
      </form>
    </Card>
  );
}

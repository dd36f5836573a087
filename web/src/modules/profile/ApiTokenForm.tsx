import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { useCurrentUser } from '../../app/auth.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { Button, Select, TextField } from '../../ui/index.ts';

const DEFAULT_LIFETIME_DAYS = '90';

/** A token acts for one organization; its secret is shown once, by the caller. */
export function ApiTokenForm({ onCreated }: { onCreated: (token: string) => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { fieldErrorsOf } = useErrorMessages();
  const [name, setName] = useState('');
  const [organizationId, setOrganizationId] = useState(user.memberships[0]?.organizationId ?? '');
  const [expiresInDays, setExpiresInDays] = useState(DEFAULT_LIFETIME_DAYS);

  const create = useAction(() =>
    call(
      api.POST('/api/v1/me/api-tokens', {
        body: { name, organizationId, expiresInDays: Number(expiresInDays) },
      }),
    ),
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const created = await create.run();
    if (!created) return;
    setName('');
    onCreated(created.token);
  };

  if (user.memberships.length === 0) return <p className="cg-muted">{t('apiTokens.needsMembership')}</p>;

  const fieldErrors = fieldErrorsOf(create.error);
  const organizationOptions = user.memberships.map((membership) => ({
    value: membership.organizationId,
    label: membership.organizationName,
  }));
  return (
    <form className="cg-form cg-form-wide" onSubmit={onSubmit} noValidate>
      <h3>{t('apiTokens.createTitle')}</h3>
      <FormErrorAlert error={create.error} />
      <div className="cg-form-row">
        <TextField
          label={t('fields.name')}
          hint={t('apiTokens.nameHint')}
          value={name}
          onChange={setName}
          required
          error={fieldErrors.name}
        />
        <Select
          label={t('fields.organization')}
          value={organizationId}
          onChange={setOrganizationId}
          options={organizationOptions}
          error={fieldErrors.organizationId}
        />
        <TextField
          label={t('apiTokens.lifetime')}
          hint={t('apiTokens.lifetimeHint')}
          type="number"
          min={1}
          max={365}
          inputMode="numeric"
          value={expiresInDays}
          onChange={setExpiresInDays}
          required
          error={fieldErrors.expiresInDays}
        />
      </div>
      <div>
        <Button type="submit" isBusy={create.isBusy}>
          {t('apiTokens.create')}
        </Button>
      </div>
    </form>
  );
}

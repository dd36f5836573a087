import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { Organization } from '../../api/types.ts';
import { useToast } from '../../app/toasts.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { Button, Select, TextArea, TextField } from '../../ui/index.ts';
import { useCountries } from './reference.ts';

type OrganizationEditFormProps = {
  organization: Organization;
  onSaved: (organization: Organization) => void;
  onCancel: () => void;
};

/** Cleared optional fields are sent as null so the server removes them. */
const nullable = (value: string) => (value.trim() ? value.trim() : null);

export function OrganizationEditForm({ organization, onSaved, onCancel }: OrganizationEditFormProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const countries = useCountries();
  const { fieldErrorsOf } = useErrorMessages();
  const [name, setName] = useState(organization.name);
  const [countryCode, setCountryCode] = useState(organization.countryCode ?? '');
  const [website, setWebsite] = useState(organization.website ?? '');
  const [description, setDescription] = useState(organization.description ?? '');

  const save = useAction(() =>
    call(
      api.PATCH('/api/v1/organizations/{id}', {
        params: { path: { id: organization.id } },
        body: {
          name: name.trim(),
          countryCode: nullable(countryCode),
          website: nullable(website),
          description: nullable(description),
        },
      }),
    ),
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const updated = await save.run();
    if (!updated) return;
    toast(t('organizations.saved'));
    onSaved(updated);
  };

  const fieldErrors = fieldErrorsOf(save.error, { country_required: 'countryCode' });
  const isState = organization.kind === 'state';
  return (
    <form className="cg-form" onSubmit={onSubmit} noValidate>
      <FormErrorAlert error={save.error} />
      <TextField
        label={t('fields.name')}
        value={name}
        onChange={setName}
        autoComplete="organization"
        required
        error={fieldErrors.name}
      />
      <Select
        label={t('fields.country')}
        labelNote={isState ? undefined : t('common.optional')}
        value={countryCode}
        onChange={setCountryCode}
        options={countries.options}
        emptyOption={t('common.choose')}
        required={isState}
        error={fieldErrors.countryCode}
      />
      <TextField
        label={t('fields.website')}
        labelNote={t('common.optional')}
        type="url"
        value={website}
        onChange={setWebsite}
        autoComplete="url"
        error={fieldErrors.website}
      />
      <TextArea
        label={t('fields.description')}
        labelNote={t('common.optional')}
        value={description}
        onChange={setDescription}
        rows={4}
        error={fieldErrors.description}
      />
      <div className="cg-cluster">
        <Button type="submit" isBusy={save.isBusy}>
          {t('common.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}

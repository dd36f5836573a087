import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import type { Organization } from '../../api/types.ts';
import { useToast } from '../../app/toasts.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { Button } from '../../ui/index.ts';
import { OrganizationFields, type OrganizationFieldValues } from './OrganizationFields.tsx';

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
  const { fieldErrorsOf } = useErrorMessages();
  const [values, setValues] = useState<OrganizationFieldValues>({
    name: organization.name,
    countryCode: organization.countryCode ?? '',
    website: organization.website ?? '',
    description: organization.description ?? '',
  });

  const save = useAction(() =>
    call(
      api.PATCH('/api/v1/organizations/{id}', {
        params: { path: { id: organization.id } },
        body: {
          name: values.name.trim(),
          countryCode: nullable(values.countryCode),
          website: nullable(values.website),
          description: nullable(values.description),
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
  return (
    <form className="cg-form" onSubmit={onSubmit} noValidate>
      <FormErrorAlert error={save.error} />
      <OrganizationFields
        values={values}
        onChange={setValues}
        fieldErrors={fieldErrors}
        isState={organization.kind === 'state'}
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

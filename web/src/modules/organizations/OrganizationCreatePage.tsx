import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call } from '../../api/client.ts';
import type { OrgKind } from '../../api/types.ts';
import { useAuth } from '../../app/auth.tsx';
import { useToast } from '../../app/toasts.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { FormErrorAlert } from '../../lib/FormErrorAlert.tsx';
import { useAction } from '../../lib/useAction.ts';
import { usePageTitle } from '../../lib/usePageTitle.ts';
import { Button, ButtonLink, Card, PageHeader, Select } from '../../ui/index.ts';
import { OrganizationFields, type OrganizationFieldValues } from './OrganizationFields.tsx';
import { useStakeholderKinds } from './reference.ts';

/** Drops empty optional fields so the server sees them as absent, not as empty strings. */
const optional = (value: string) => (value.trim() ? value.trim() : undefined);

export function OrganizationCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const toast = useToast();
  const { refresh } = useAuth();
  const { fieldErrorsOf } = useErrorMessages();
  const kinds = useStakeholderKinds();
  const [kind, setKind] = useState('');
  const [values, setValues] = useState<OrganizationFieldValues>({
    name: '',
    countryCode: '',
    website: '',
    description: '',
  });
  usePageTitle(t('organizations.createTitle'));

  const create = useAction(() =>
    call(
      api.POST('/api/v1/organizations', {
        body: {
          name: values.name.trim(),
          // The options come from the server's own list of kinds.
          kind: kind as OrgKind,
          countryCode: optional(values.countryCode),
          website: optional(values.website),
          description: optional(values.description),
        },
      }),
    ),
  );

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const organization = await create.run();
    if (!organization) return;
    // The creator is now its admin: reload the session so menus and permissions know it.
    await refresh();
    toast(t('organizations.created', { name: organization.name }));
    navigate(`/organizations/${organization.id}`);
  };

  const fieldErrors = fieldErrorsOf(create.error, { country_required: 'countryCode' });
  return (
    <>
      <PageHeader title={t('organizations.createTitle')} description={t('organizations.createIntro')} />
      <Card>
        <form className="cg-form" onSubmit={onSubmit} noValidate>
          <FormErrorAlert error={create.error} />
          <OrganizationFields
            values={values}
            onChange={setValues}
            fieldErrors={fieldErrors}
            isState={kind === 'state'}
            hasHints
            kindField={
              <Select
                label={t('fields.kind')}
                hint={kind ? kinds.kindDescription(kind) : t('organizations.kindHint')}
                value={kind}
                onChange={setKind}
                options={kinds.options}
                emptyOption={t('common.choose')}
                required
                error={fieldErrors.kind}
              />
            }
          />
          <div className="cg-cluster">
            <Button type="submit" isBusy={create.isBusy}>
              {t('organizations.create')}
            </Button>
            <ButtonLink to="/organizations" variant="secondary">
              {t('common.cancel')}
            </ButtonLink>
          </div>
        </form>
      </Card>
    </>
  );
}

import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Select, TextArea, TextField } from '../../ui/index.ts';
import { useCountries } from './reference.ts';

export type OrganizationFieldValues = {
  name: string;
  countryCode: string;
  website: string;
  description: string;
};

type OrganizationFieldsProps = {
  values: OrganizationFieldValues;
  onChange: (values: OrganizationFieldValues) => void;
  fieldErrors: Record<string, string>;
  /** A State must name its country; for everyone else it is optional. */
  isState: boolean;
  /** Registration explains each field; the edit form is used by people who have already read them. */
  hasHints?: boolean;
  /** The kind is chosen only at registration, between the name and the country. */
  kindField?: ReactNode;
};

/** The fields of an organization shared by registration and editing. */
export function OrganizationFields({
  values,
  onChange,
  fieldErrors,
  isState,
  hasHints = false,
  kindField,
}: OrganizationFieldsProps) {
  const { t } = useTranslation();
  const countries = useCountries();
  const set = (name: keyof OrganizationFieldValues) => (value: string) =>
    onChange({ ...values, [name]: value });
  const countryHint = isState ? t('organizations.countryRequiredForState') : t('organizations.countryHint');
  return (
    <>
      <TextField
        label={t('fields.name')}
        hint={hasHints ? t('organizations.nameHint') : undefined}
        value={values.name}
        onChange={set('name')}
        autoComplete="organization"
        required
        error={fieldErrors.name}
      />
      {kindField}
      <Select
        label={t('fields.country')}
        labelNote={isState ? undefined : t('common.optional')}
        hint={hasHints ? countryHint : undefined}
        value={values.countryCode}
        onChange={set('countryCode')}
        options={countries.options}
        emptyOption={t('common.choose')}
        required={isState}
        error={fieldErrors.countryCode}
      />
      <TextField
        label={t('fields.website')}
        labelNote={t('common.optional')}
        hint={hasHints ? t('organizations.websiteHint') : undefined}
        type="url"
        value={values.website}
        onChange={set('website')}
        autoComplete="url"
        error={fieldErrors.website}
      />
      <TextArea
        label={t('fields.description')}
        labelNote={t('common.optional')}
        value={values.description}
        onChange={set('description')}
        rows={4}
        error={fieldErrors.description}
      />
    </>
  );
}

import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, Select, TextField } from '../../ui/index.ts';
import { useCountries, useStakeholderKinds } from './reference.ts';

export type OrganizationFilters = {
  q: string;
  kind: string;
  countryCode: string;
  verificationStatus: string;
};

const EMPTY: OrganizationFilters = { q: '', kind: '', countryCode: '', verificationStatus: '' };

/** Filters live in the URL, so a filtered list can be bookmarked and shared. */
export function OrganizationFiltersForm({
  initial,
  onApply,
}: {
  initial: OrganizationFilters;
  onApply: (filters: OrganizationFilters) => void;
}) {
  const { t } = useTranslation();
  const countries = useCountries();
  const kinds = useStakeholderKinds();
  const [filters, setFilters] = useState(initial);
  const set = (name: keyof OrganizationFilters) => (value: string) =>
    setFilters({ ...filters, [name]: value });

  const verificationOptions = (['verified', 'unverified', 'rejected'] as const).map((status) => ({
    value: status,
    label: t(`verification.${status}`),
  }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply(filters);
  };

  return (
    <Card>
      <search aria-label={t('organizations.filtersLabel')}>
        <form className="cg-form cg-form-wide" onSubmit={onSubmit}>
          <div className="cg-form-row">
            <TextField label={t('common.search')} type="search" value={filters.q} onChange={set('q')} />
            <Select
              label={t('fields.kind')}
              value={filters.kind}
              onChange={set('kind')}
              options={kinds.options}
              emptyOption={t('common.any')}
            />
            <Select
              label={t('fields.country')}
              value={filters.countryCode}
              onChange={set('countryCode')}
              options={countries.options}
              emptyOption={t('common.any')}
            />
            <Select
              label={t('fields.verification')}
              value={filters.verificationStatus}
              onChange={set('verificationStatus')}
              options={verificationOptions}
              emptyOption={t('common.any')}
            />
          </div>
          <div className="cg-cluster">
            <Button type="submit">{t('common.applyFilters')}</Button>
            <Button
              variant="ghost"
              onClick={() => {
                setFilters(EMPTY);
                onApply(EMPTY);
              }}
            >
              {t('common.clearFilters')}
            </Button>
          </div>
        </form>
      </search>
    </Card>
  );
}

import { useTranslation } from 'react-i18next';
import { useLanguageNames } from '../../lib/localized.ts';
import { usePlaces } from './places.ts';
import { useRoleLabel } from './roles.ts';
import type { CheckFilter } from './types.ts';

/** Who a check asked, in words: every list of the filter, or "every point of contact". */
export function FilterSummary({ filter }: { filter: CheckFilter }) {
  const { t, i18n } = useTranslation();
  const { countryName, regionName } = usePlaces();
  const roleLabel = useRoleLabel();
  const languageName = useLanguageNames();
  const list = new Intl.ListFormat(i18n.language, { type: 'conjunction' });
  const parts = [
    filter.regionCodes && [
      t('checks.filter.regions'),
      filter.regionCodes.map((code) => regionName(code) ?? code),
    ],
    filter.countryCodes && [
      t('checks.filter.countries'),
      filter.countryCodes.map((code) => countryName(code) ?? code),
    ],
    filter.roles && [t('checks.filter.roles'), filter.roles.map(roleLabel)],
    filter.languages && [t('checks.filter.languages'), filter.languages.map(languageName)],
    filter.orgIds && [t('checks.filter.organizations'), [String(filter.orgIds.length)]],
  ].filter((part): part is [string, string[]] => Boolean(part));
  if (parts.length === 0) return <span>{t('checks.filter.everyone')}</span>;
  return (
    <span>
      {parts.map(([name, values], index) => (
        <span key={name}>
          {index > 0 && t('checks.filter.separator')}
          {t('checks.filter.part', { name, values: list.format(values) })}
        </span>
      ))}
    </span>
  );
}

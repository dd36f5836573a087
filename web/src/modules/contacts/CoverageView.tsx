import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formattingLocale } from '../../lib/dates.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { useQuery } from '../../lib/useQuery.ts';
import { Alert, Card, PageSpinner, Select, Table } from '../../ui/index.ts';
import { contactsApi } from './contactsApi.ts';
import { useCountries, useRegions } from './reference.ts';
import { POC_ROLES } from './types.ts';

/**
 * Which States have named points of contact, and how many per region. Public: it carries no personal
 * data, only whether a State's organization has an entry for each role.
 */
export function CoverageView({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const { messageOf } = useErrorMessages();
  const { regionName, options: regionOptions } = useRegions();
  const { countryName, regionOf } = useCountries();
  const [region, setRegion] = useState('');
  const coverage = useQuery('contacts:coverage', contactsApi.coverage);
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  const numbers = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const collator = new Intl.Collator(locale);

  if (coverage.isLoading && !coverage.data) return <PageSpinner label={t('common.loading')} />;
  if (coverage.error || !coverage.data) {
    return (
      <Alert tone="danger">{coverage.error ? messageOf(coverage.error) : t('errors.unexpected_error')}</Alert>
    );
  }
  const { states, totals } = coverage.data;
  const regions = coverage.data.regions.map(regionRow);
  const shownStates = states
    .filter((state) => !region || (state.regionCode ?? regionOf(state.countryCode)) === region)
    .map((state) => ({ ...state, country: countryName(state.countryCode) }))
    .sort((a, b) => collator.compare(a.country, b.country));
  const mark = (isCovered: boolean) =>
    isCovered ? (
      <span className="cg-poc-yes">
        <span aria-hidden="true">✓ </span>
        {t('contacts.coverage.yes')}
      </span>
    ) : (
      <span className="cg-poc-no">{t('contacts.coverage.no')}</span>
    );

  return (
    <div className="cg-stack">
      <Card title={t('contacts.coverage.byRegion')} headingLevel={headingLevel}>
        <p className="cg-muted">
          {t('contacts.coverage.summary', {
            nominated: numbers.format(totals.nominated),
            states: numbers.format(totals.states),
          })}
        </p>
        <Table
          caption={t('contacts.coverage.byRegion')}
          isCaptionHidden
          columns={[
            t('contacts.coverage.region'),
            t('contacts.coverage.states'),
            t('contacts.coverage.nominated'),
            t('contacts.coverage.share'),
          ]}
        >
          {regions.map((entry) => (
            <tr key={entry.code}>
              <th scope="row">{regionName(entry.code) || t('contacts.noRegion')}</th>
              <td>{numbers.format(entry.states)}</td>
              <td>{numbers.format(entry.nominated)}</td>
              <td>
                <span className="cg-poc-share">
                  <span className="cg-poc-share-bar" aria-hidden="true">
                    <span
                      style={{
                        inlineSize: `${entry.states ? (100 * entry.nominated) / entry.states : 0}%`,
                      }}
                    />
                  </span>
                  {percent.format(entry.states ? entry.nominated / entry.states : 0)}
                </span>
              </td>
            </tr>
          ))}
        </Table>
      </Card>
      <Card title={t('contacts.coverage.byState')} headingLevel={headingLevel}>
        <div className="cg-poc-filters">
          <Select
            label={t('contacts.filters.region')}
            value={region}
            onChange={setRegion}
            options={regionOptions}
            emptyOption={t('contacts.filters.anyRegion')}
          />
        </div>
        <Table
          caption={t('contacts.coverage.byState')}
          isCaptionHidden
          columns={[
            t('contacts.coverage.state'),
            t('contacts.coverage.organization'),
            t('contacts.coverage.hasNominated'),
            ...POC_ROLES.map((role) => t(`contacts.coverage.roles.${role}`)),
          ]}
        >
          {shownStates.map((state) => (
            <tr key={state.orgId}>
              <th scope="row">{state.country}</th>
              <td>{state.orgName ? <bdi>{state.orgName}</bdi> : <span className="cg-muted">—</span>}</td>
              <td>{mark(state.hasNominated)}</td>
              {POC_ROLES.map((role) => (
                <td key={role}>{mark(state.roles[role])}</td>
              ))}
            </tr>
          ))}
        </Table>
      </Card>
    </div>
  );
}

/** A region row of the coverage, in the short names the tables use. */
function regionRow(entry: { regionCode: string; stateCount: number; nominatedCount: number }) {
  return { code: entry.regionCode, states: entry.stateCount, nominated: entry.nominatedCount };
}

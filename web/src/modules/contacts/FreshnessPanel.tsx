import { useTranslation } from 'react-i18next';
import { formattingLocale } from '../../lib/dates.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { useQuery } from '../../lib/useQuery.ts';
import { Alert, Card, Spinner, Table } from '../../ui/index.ts';
import { contactsApi } from './contactsApi.ts';
import { useRegions } from './reference.ts';
import { FRESHNESS_STATES } from './types.ts';

/** How current the directory is: entries fresh, expiring and stale, overall and per region. */
export function FreshnessPanel() {
  const { t, i18n } = useTranslation();
  const { messageOf } = useErrorMessages();
  const { regionName } = useRegions();
  const statistics = useQuery('contacts:freshness', contactsApi.freshness);
  const numbers = new Intl.NumberFormat(formattingLocale(i18n.language, navigator.languages ?? []), {
    maximumFractionDigits: 0,
  });

  const data = statistics.data;
  return (
    <Card title={t('contacts.stats.title')} className="cg-poc-stats">
      {statistics.error && <Alert tone="danger">{messageOf(statistics.error)}</Alert>}
      {statistics.isLoading && !data && <Spinner label={t('common.loading')} isLabelVisible />}
      {data && (
        <div className="cg-stack">
          <ul className="cg-poc-stat-tiles">
            {FRESHNESS_STATES.map((state) => (
              <li key={state} className={`cg-poc-stat-tile cg-poc-stat-${state}`}>
                <span className="cg-poc-stat-number">{numbers.format(data.overall[state])}</span>
                <span>{t(`contacts.freshness.${state}`)}</span>
              </li>
            ))}
            <li className="cg-poc-stat-tile">
              <span className="cg-poc-stat-number">
                {data.overall.medianDaysSinceConfirmation === null
                  ? '—'
                  : numbers.format(data.overall.medianDaysSinceConfirmation)}
              </span>
              <span>{t('contacts.stats.medianDays')}</span>
            </li>
          </ul>
          {data.regions.length > 0 && (
            <details className="cg-poc-details">
              <summary>{t('contacts.stats.byRegion')}</summary>
              <Table
                caption={t('contacts.stats.byRegion')}
                isCaptionHidden
                columns={[
                  t('contacts.coverage.region'),
                  t('contacts.freshness.fresh'),
                  t('contacts.freshness.expiring'),
                  t('contacts.freshness.stale'),
                ]}
              >
                {data.regions.map((region) => (
                  <tr key={region.regionCode ?? 'none'}>
                    <th scope="row">{regionName(region.regionCode) || t('contacts.noRegion')}</th>
                    <td>{numbers.format(region.fresh)}</td>
                    <td>{numbers.format(region.expiring)}</td>
                    <td>{numbers.format(region.stale)}</td>
                  </tr>
                ))}
              </Table>
            </details>
          )}
        </div>
      )}
    </Card>
  );
}

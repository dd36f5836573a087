import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Card, Table } from '../../ui/index.ts';
import { INTENSITY_TERMS } from './codes.ts';
import { IntensityMark, useIncidentFormat } from './format.tsx';
import { useIncidentLabels } from './labels.tsx';
import type { Incident } from './types.ts';

/** The most points each term of the formula can give (src/modules/incidents/intensity.ts). */
const TERM_MAXIMA: Record<(typeof INTENSITY_TERMS)[number], number> = {
  availability: 3,
  confidentiality: 3,
  integrity: 1,
  physical: 2,
  economic: 2,
  people: 3,
};
export const INTENSITY_MAX = 10;

/**
 * The intensity score with its arithmetic: each term's points, its scale, and how the sum is capped, so a
 * reader can check the score against the impacts and harm above.
 */
export function IntensityCard({ intensity }: { intensity: Incident['intensity'] }) {
  const { t } = useTranslation();
  const labels = useIncidentLabels();
  const { formatCount } = useIncidentFormat();
  const formulaId = useId();
  const sum = INTENSITY_TERMS.reduce((total, term) => total + intensity.breakdown[term], 0);
  return (
    <Card title={t('incidents.intensity.title')}>
      <div className="cg-stack">
        <p className="cg-inc-intensity-score">
          <IntensityMark score={intensity.score} />
        </p>
        <p>
          {t('incidents.intensity.summary')} <a href={`#${formulaId}`}>{t('incidents.intensity.howLink')}</a>
        </p>
        <Table
          caption={t('incidents.intensity.breakdownCaption')}
          columns={[
            t('incidents.intensity.term'),
            t('incidents.intensity.points'),
            t('incidents.intensity.scale'),
          ]}
        >
          {INTENSITY_TERMS.map((term) => (
            <tr key={term}>
              <th scope="row">{labels.intensityTerm(term)}</th>
              <td className="cg-nowrap">
                {t('incidents.intensity.pointsOf', {
                  points: formatCount(intensity.breakdown[term]),
                  max: formatCount(TERM_MAXIMA[term]),
                })}
              </td>
              <td>{t(`incidents.intensity.rules.${term}`)}</td>
            </tr>
          ))}
          <tr className="cg-inc-intensity-total">
            <th scope="row">{t('incidents.intensity.total')}</th>
            <td className="cg-nowrap">
              {t('incidents.intensity.pointsOf', {
                points: formatCount(intensity.score),
                max: formatCount(INTENSITY_MAX),
              })}
            </td>
            <td>
              {sum > INTENSITY_MAX
                ? t('incidents.intensity.capped', { sum: formatCount(sum), max: formatCount(INTENSITY_MAX) })
                : t('incidents.intensity.sum')}
            </td>
          </tr>
        </Table>
        <section aria-labelledby={formulaId} className="cg-inc-formula">
          <h3 id={formulaId} tabIndex={-1}>
            {t('incidents.intensity.formulaTitle')}
          </h3>
          <p>{t('incidents.intensity.formulaIntro')}</p>
          <p>{t('incidents.intensity.formulaFloor')}</p>
          <p>{t('incidents.intensity.formulaCap', { max: formatCount(INTENSITY_MAX) })}</p>
        </section>
      </div>
    </Card>
  );
}

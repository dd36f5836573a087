import { useTranslation } from 'react-i18next';
import type { Bar } from './format.ts';

type BarTableProps = {
  caption: string;
  keyHeading: string;
  bars: readonly Bar[];
  labelOf: (key: string) => string;
  /** What the counts add up to, for each bar's percentage. */
  total: number;
};

/**
 * A small bar chart that is a table: each row names the value and gives its count and share, and the bar
 * beside them only draws the count. Screen readers and printouts read the table; the bars are decoration.
 */
export function BarTable({ caption, keyHeading, bars, labelOf, total }: BarTableProps) {
  const { t, i18n } = useTranslation();
  const percent = new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const count = new Intl.NumberFormat(i18n.language);
  return (
    <table className="cg-stats-bars">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyHeading}</th>
          <th scope="col">{t('disclosureStats.count')}</th>
          <th scope="col">
            <span className="cg-visually-hidden">{t('disclosureStats.barColumn')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {bars.map((bar) => (
          <tr key={bar.key}>
            <th scope="row">{labelOf(bar.key)}</th>
            <td className="cg-stats-bars-count">
              {count.format(bar.count)}
              {total > 0 && <span className="cg-muted"> ({percent.format(bar.count / total)})</span>}
            </td>
            <td className="cg-stats-bars-cell">
              <span className="cg-stats-bar-track" aria-hidden="true">
                <span className="cg-stats-bar" style={{ inlineSize: `${Math.max(bar.share * 100, 2)}%` }} />
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCalendarFormatters } from '../measures/calendar.ts';
import { useNumberFormatters } from '../measures/numbers.ts';
import type { Bucket } from './types.ts';
import './transparency.css';

/**
 * Contributions and written contributions per month as stacked columns. The chart is drawn for sighted
 * readers only; the table that follows it holds the same figures for everyone.
 */
export function MonthChart({ months, tableId }: { months: Bucket[]; tableId: string }) {
  const { t } = useTranslation();
  const { formatShortMonth, formatCalendarDate } = useCalendarFormatters();
  const { formatCount } = useNumberFormatters();
  const captionId = useId();
  const highest = Math.max(1, ...months.map((month) => month.contributions + month.statements));
  return (
    <figure className="cg-tr-chart" aria-labelledby={captionId}>
      <figcaption id={captionId} className="cg-tr-chart-caption">
        {t('transparency.months.chartCaption')} <a href={`#${tableId}`}>{t('transparency.months.toTable')}</a>
      </figcaption>
      <div className="cg-tr-legend" aria-hidden="true">
        <span>
          <span className="cg-tr-swatch cg-tr-swatch-contributions" />
          {t('transparency.columns.contributions')}
        </span>
        <span>
          <span className="cg-tr-swatch cg-tr-swatch-statements" />
          {t('transparency.columns.statements')}
        </span>
      </div>
      <div className="cg-tr-columns" aria-hidden="true">
        {months.map((month) => {
          const total = month.contributions + month.statements;
          return (
            <div
              key={month.key}
              className="cg-tr-column"
              title={`${formatCalendarDate(month.key)}: ${formatCount(month.contributions)} + ${formatCount(month.statements)}`}
            >
              <span className="cg-tr-column-plot">
                <span className="cg-tr-column-total">{formatCount(total)}</span>
                <span
                  className="cg-tr-column-bar"
                  style={{ blockSize: `calc((100% - 1.5rem) * ${total / highest})` }}
                >
                  <span className="cg-tr-column-statements" style={{ flexGrow: month.statements }} />
                  <span className="cg-tr-column-contributions" style={{ flexGrow: month.contributions }} />
                </span>
              </span>
              <span className="cg-tr-column-label">{formatShortMonth(month.key)}</span>
            </div>
          );
        })}
      </div>
    </figure>
  );
}

import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCheckFormatters } from './format.ts';
import type { CheckSummary } from './types.ts';
import './checks.css';

const WIDTH = 720;
const HEIGHT = 260;
const AXIS = 52;
const TOP = 30;
const BOTTOM = 44;
const TICKS = [0, 0.25, 0.5, 0.75, 1];

/**
 * The response rate of each check as a column, oldest first along the inline axis (mirrored in
 * right-to-left languages). The table of checks holds the same figures for everyone, so the picture
 * carries a title and a description and nothing depends on seeing it.
 */
export function ResponseRateChart({ checks, tableId }: { checks: CheckSummary[]; tableId: string }) {
  const { t, i18n } = useTranslation();
  const { formatCount, formatShare, formatShortDate, formatDuration } = useCheckFormatters();
  const titleId = useId();
  const descId = useId();
  const isRtl = i18n.dir(i18n.language) === 'rtl';
  const ordered = [...checks].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const plotWidth = WIDTH - AXIS - 8;
  const plotHeight = HEIGHT - TOP - BOTTOM;
  const slot = plotWidth / Math.max(ordered.length, 1);
  const barWidth = Math.min(48, slot * 0.6);
  // Mirrors a horizontal position for right-to-left pages; text anchors follow the text direction.
  const x = (value: number) => (isRtl ? WIDTH - value : value);
  const y = (rate: number) => TOP + plotHeight * (1 - rate);
  const rates = ordered.map((check) => check.responseRate);
  const latest = ordered.at(-1);
  const labelEvery = Math.ceil(ordered.length / 12);

  return (
    <figure className="cg-checks-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        direction={isRtl ? 'rtl' : 'ltr'}
      >
        <title id={titleId}>{t('checks.chart.title')}</title>
        <desc id={descId}>
          {latest
            ? t('checks.chart.description', {
                total: formatCount(ordered.length),
                lowest: formatShare(Math.min(...rates)),
                highest: formatShare(Math.max(...rates)),
                latest: formatShare(latest.responseRate),
                median:
                  latest.medianSecondsToAcknowledge === null
                    ? t('checks.noAnswers')
                    : formatDuration(latest.medianSecondsToAcknowledge),
              })
            : ''}
        </desc>
        <g className="cg-checks-chart-grid">
          {TICKS.map((tick) => (
            <g key={tick}>
              <line x1={x(AXIS)} x2={x(WIDTH - 8)} y1={y(tick)} y2={y(tick)} />
              <text x={x(AXIS - 6)} y={y(tick)} dy="0.35em" textAnchor="end">
                {formatShare(tick)}
              </text>
            </g>
          ))}
        </g>
        {ordered.map((check, index) => {
          const center = AXIS + slot * index + slot / 2;
          const top = y(check.responseRate);
          return (
            <g key={check.id} className="cg-checks-chart-bar">
              <rect
                x={x(center) - barWidth / 2}
                y={top}
                width={barWidth}
                height={Math.max(0, y(0) - top)}
                rx={2}
              />
              {slot >= 34 && (
                <text x={x(center)} y={top - 4} textAnchor="middle" className="cg-checks-chart-value">
                  {formatShare(check.responseRate)}
                </text>
              )}
              {index % labelEvery === 0 && (
                <text x={x(center)} y={y(0) + 16} textAnchor="middle">
                  {formatShortDate(check.createdAt)}
                </text>
              )}
            </g>
          );
        })}
        <line className="cg-checks-chart-axis" x1={x(AXIS)} x2={x(AXIS)} y1={TOP} y2={y(0)} />
        <line className="cg-checks-chart-axis" x1={x(AXIS)} x2={x(WIDTH - 8)} y1={y(0)} y2={y(0)} />
        <text x={x(4)} y={14} textAnchor="start" className="cg-checks-chart-axis-label">
          {t('checks.chart.yAxis')}
        </text>
        <text x={WIDTH / 2} y={HEIGHT - 6} textAnchor="middle" className="cg-checks-chart-axis-label">
          {t('checks.chart.xAxis')}
        </text>
      </svg>
      <figcaption className="cg-checks-chart-caption">
        {t('checks.chart.caption')} <a href={`#${tableId}`}>{t('checks.chart.toTable')}</a>
      </figcaption>
    </figure>
  );
}

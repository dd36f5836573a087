import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useCheckFormatters } from './format.ts';
import './checks.css';

export type RateBar = { key: string; label: string; rate: number };

const WIDTH = 560;
const LABEL = 190;
const VALUE = 56;
const ROW = 26;
const BAR = 16;

/**
 * Response rates as horizontal bars, one row per group, names at the inline start (mirrored in
 * right-to-left languages). The table beside it has the same figures; the picture has a title and a
 * description for screen readers.
 */
export function RateBars({ title, bars }: { title: string; bars: RateBar[] }) {
  const { t, i18n } = useTranslation();
  const { formatShare } = useCheckFormatters();
  const titleId = useId();
  const descId = useId();
  const isRtl = i18n.dir(i18n.language) === 'rtl';
  const x = (value: number) => (isRtl ? WIDTH - value : value);
  const track = WIDTH - LABEL - VALUE;
  const height = bars.length * ROW + 4;
  return (
    <svg
      className="cg-checks-bars"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      direction={isRtl ? 'rtl' : 'ltr'}
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>
        {bars
          .map((bar) => t('checks.bars.item', { name: bar.label, rate: formatShare(bar.rate) }))
          .join('; ')}
      </desc>
      {bars.map((bar, index) => {
        const middle = index * ROW + ROW / 2 + 2;
        const length = track * Math.max(0, Math.min(1, bar.rate));
        return (
          <g key={bar.key}>
            <text x={x(0)} y={middle} dy="0.35em" textAnchor="start" className="cg-checks-bars-label">
              {bar.label.length > 26 ? `${bar.label.slice(0, 25)}…` : bar.label}
            </text>
            <rect
              className="cg-checks-bars-track"
              x={isRtl ? x(LABEL + track) : LABEL}
              y={middle - BAR / 2}
              width={track}
              height={BAR}
              rx={3}
            />
            <rect
              className="cg-checks-bars-fill"
              x={isRtl ? x(LABEL + length) : LABEL}
              y={middle - BAR / 2}
              width={length}
              height={BAR}
              rx={3}
            />
            <text x={x(LABEL + track + 8)} y={middle} dy="0.35em" textAnchor="start">
              {formatShare(bar.rate)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

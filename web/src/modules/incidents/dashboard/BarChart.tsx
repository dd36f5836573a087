import { useId } from 'react';
import type { Bar } from './chartData.ts';
import {
  BAR_COLOR,
  CHART_FONT,
  FONT_SIZE,
  fitText,
  GRID_COLOR,
  isolated,
  TEXT_COLOR,
  textWidth,
} from './chartKit.tsx';

const ROW = 28;
/** On a narrow screen each label takes a line of its own above its bar, so long names stay readable. */
const STACKED_ROW = 44;
const STACKED_BELOW = 480;
const BAR = 18;
const GAP = 8;

type BarChartProps = {
  bars: readonly Bar[];
  width: number;
  /** The figure's name and its figures in words, for screen readers. */
  title: string;
  summary: string;
  formatValue: (value: number) => string;
  isRtl: boolean;
};

/**
 * Counts as horizontal bars, one row per label, labels at the inline start: mirrored in right-to-left
 * languages. Every bar carries its figure, so no axis is needed to read it.
 */
export function BarChart({ bars, width, title, summary, formatValue, isRtl }: BarChartProps) {
  const titleId = useId();
  const descId = useId();
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const valueWidth = Math.max(...bars.map((bar) => textWidth(formatValue(bar.value))), 12) + GAP;
  const isStacked = width < STACKED_BELOW;
  const labelWidth = isStacked ? width : Math.min(280, Math.max(90, Math.round(width * 0.46)));
  const barStart = isStacked ? 0 : labelWidth + GAP;
  const track = Math.max(20, width - barStart - valueWidth - GAP);
  const row = isStacked ? STACKED_ROW : ROW;
  const height = Math.max(bars.length, 1) * row + 4;
  // Positions are computed left to right and mirrored for right-to-left pages, where the root's
  // `direction` also makes "start" anchors mean the right edge.
  const x = (value: number) => (isRtl ? width - value : value);
  const barX = (start: number, length: number) => (isRtl ? width - start - length : start);

  return (
    <svg
      data-chart=""
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      direction={isRtl ? 'rtl' : 'ltr'}
      fontFamily={CHART_FONT}
      fontSize={FONT_SIZE}
      className="cg-dashboard-svg"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{summary}</desc>
      {bars.map((bar, index) => {
        const middle = isStacked ? index * row + 16 + 2 + BAR / 2 + 6 : index * row + row / 2 + 2;
        const labelMiddle = isStacked ? index * row + 10 : middle;
        const length = bar.value === 0 ? 0 : Math.max(2, (track * bar.value) / max);
        return (
          <g key={bar.key}>
            <title>{`${bar.label}: ${formatValue(bar.value)}`}</title>
            <text x={x(0)} y={labelMiddle} dy="0.35em" textAnchor="start" fill={TEXT_COLOR}>
              {isolated(fitText(bar.label, labelWidth))}
            </text>
            <rect
              x={barX(barStart, track)}
              y={middle - BAR / 2}
              width={track}
              height={BAR}
              fill="#eef2f6"
              stroke={GRID_COLOR}
              strokeWidth={0.5}
              rx={3}
            />
            {length > 0 && (
              <rect
                x={barX(barStart, length)}
                y={middle - BAR / 2}
                width={length}
                height={BAR}
                fill={BAR_COLOR}
                rx={3}
              />
            )}
            <text
              x={x(barStart + track + GAP)}
              y={middle}
              dy="0.35em"
              textAnchor="start"
              fill={TEXT_COLOR}
              fontWeight={600}
            >
              {formatValue(bar.value)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

import { useId } from 'react';
import { countScale } from './chartData.ts';
import {
  AXIS_COLOR,
  CHART_FONT,
  FONT_SIZE,
  fitText,
  GRID_COLOR,
  isolated,
  MUTED_COLOR,
  SeriesPatterns,
  seriesFill,
  svgIdOf,
  TEXT_COLOR,
  textWidth,
} from './chartKit.tsx';

export type Column = { key: string; label: string; values: readonly number[]; total: number };
export type LegendEntry = { key: string; label: string; colorIndex: number };

type ColumnChartProps = {
  columns: readonly Column[];
  /** One entry per stacked part; with one part the legend is left out. */
  legend: readonly LegendEntry[];
  width: number;
  title: string;
  summary: string;
  xAxisTitle: string;
  yAxisTitle: string;
  formatValue: (value: number) => string;
  isRtl: boolean;
};

const PLOT_HEIGHT = 220;
const LEGEND_ROW = 20;
const SWATCH = 12;
const TOP_GAP = 18;
const X_LABELS = 22;
const X_TITLE = 20;

type PlacedEntry = LegendEntry & { x: number; y: number; text: string };

/** Legend entries in rows that fit the width, flowing from the inline start. */
function placeLegend(entries: readonly LegendEntry[], width: number, isRtl: boolean): PlacedEntry[] {
  const placed: PlacedEntry[] = [];
  let offset = 0;
  let row = 0;
  for (const entry of entries) {
    const text = fitText(entry.label, Math.min(200, width - SWATCH - 12));
    const itemWidth = SWATCH + 6 + textWidth(text) + 16;
    if (offset > 0 && offset + itemWidth > width) {
      offset = 0;
      row++;
    }
    placed.push({ ...entry, text, x: isRtl ? width - offset : offset, y: row * LEGEND_ROW });
    offset += itemWidth;
  }
  return placed;
}

/**
 * Counts as columns, stacked when a breakdown is chosen, with a count axis and a legend whose swatches
 * carry the same patterns as the columns. The horizontal axis runs left to right in every language (time
 * and scores read that way in charts); the legend and its labels follow the page's direction.
 */
export function ColumnChart({
  columns,
  legend,
  width,
  title,
  summary,
  xAxisTitle,
  yAxisTitle,
  formatValue,
  isRtl,
}: ColumnChartProps) {
  const titleId = useId();
  const descId = useId();
  const prefix = svgIdOf(useId());
  const hasLegend = legend.length > 1;
  const placedLegend = hasLegend ? placeLegend(legend, width, isRtl) : [];
  const legendHeight = hasLegend ? Math.max(...placedLegend.map((entry) => entry.y)) + LEGEND_ROW + 8 : 0;
  const stackMax = Math.max(
    0,
    ...columns.map((column) => column.values.reduce((sum, value) => sum + value, 0)),
  );
  const scale = countScale(stackMax);
  const axisWidth = Math.max(...scale.ticks.map((tick) => textWidth(formatValue(tick)))) + 10;
  const plotLeft = axisWidth;
  const plotRight = width - 6;
  const plotTop = legendHeight + TOP_GAP;
  const plotBottom = plotTop + PLOT_HEIGHT;
  const height = plotBottom + X_LABELS + X_TITLE;
  const slot = (plotRight - plotLeft) / Math.max(columns.length, 1);
  const columnWidth = Math.max(1, Math.min(44, slot * 0.72));
  const y = (value: number) => plotBottom - (PLOT_HEIGHT * value) / scale.max;
  const widestLabel = Math.max(0, ...columns.map((column) => textWidth(column.label)));
  const labelEvery = Math.max(1, Math.ceil((widestLabel + 10) / slot));
  const isSingle = legend.length <= 1;
  const showsValues = isSingle && columns.every((column) => textWidth(formatValue(column.total)) + 4 <= slot);

  return (
    <svg
      data-chart=""
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      fontFamily={CHART_FONT}
      fontSize={FONT_SIZE}
      className="cg-dashboard-svg"
    >
      <title id={titleId}>{title}</title>
      <desc id={descId}>{summary}</desc>
      <SeriesPatterns prefix={prefix} count={Math.max(...legend.map((entry) => entry.colorIndex + 1), 1)} />
      {placedLegend.map((entry) => (
        <g key={entry.key}>
          <rect
            x={isRtl ? entry.x - SWATCH : entry.x}
            y={entry.y + 3}
            width={SWATCH}
            height={SWATCH}
            fill={seriesFill(prefix, entry.colorIndex)}
            stroke={AXIS_COLOR}
            strokeWidth={0.5}
          />
          <text
            x={isRtl ? entry.x - SWATCH - 6 : entry.x + SWATCH + 6}
            y={entry.y + 9}
            dy="0.35em"
            direction={isRtl ? 'rtl' : 'ltr'}
            textAnchor="start"
            fill={TEXT_COLOR}
          >
            {isolated(entry.text)}
          </text>
        </g>
      ))}
      <text
        x={0}
        y={plotTop - 8}
        fill={MUTED_COLOR}
        direction={isRtl ? 'rtl' : 'ltr'}
        textAnchor={isRtl ? 'end' : 'start'}
      >
        {yAxisTitle}
      </text>
      {scale.ticks.map((tick) => (
        <g key={tick}>
          <line x1={plotLeft} x2={plotRight} y1={y(tick)} y2={y(tick)} stroke={GRID_COLOR} strokeWidth={1} />
          <text x={plotLeft - 6} y={y(tick)} dy="0.35em" textAnchor="end" fill={MUTED_COLOR}>
            {formatValue(tick)}
          </text>
        </g>
      ))}
      {columns.map((column, index) => {
        const center = plotLeft + slot * index + slot / 2;
        let base = 0;
        return (
          <g key={column.key}>
            <title>
              {[
                `${column.label}: ${formatValue(column.total)}`,
                ...(isSingle
                  ? []
                  : legend
                      .map((entry, part) => ({ entry, value: column.values[part] ?? 0 }))
                      .filter((part) => part.value > 0)
                      .map((part) => `${part.entry.label}: ${formatValue(part.value)}`)),
              ].join('\n')}
            </title>
            {column.values.map((value, part) => {
              if (value <= 0) return null;
              const top = y(base + value);
              const bottom = y(base);
              base += value;
              return (
                <rect
                  key={legend[part]?.key ?? part}
                  x={center - columnWidth / 2}
                  y={top}
                  width={columnWidth}
                  height={Math.max(0, bottom - top)}
                  fill={seriesFill(prefix, legend[part]?.colorIndex ?? 0)}
                  stroke="#ffffff"
                  strokeWidth={isSingle || columnWidth < 4 ? 0 : 1}
                />
              );
            })}
            {showsValues && column.total > 0 && (
              <text x={center} y={y(column.total) - 4} textAnchor="middle" fill={TEXT_COLOR} fontWeight={600}>
                {formatValue(column.total)}
              </text>
            )}
            {index % labelEvery === 0 && (
              <text
                x={Math.min(
                  Math.max(center, textWidth(column.label) / 2 + 1),
                  width - textWidth(column.label) / 2 - 1,
                )}
                y={plotBottom + 15}
                textAnchor="middle"
                fill={TEXT_COLOR}
              >
                {column.label}
              </text>
            )}
          </g>
        );
      })}
      <line
        x1={plotLeft}
        x2={plotRight}
        y1={plotBottom}
        y2={plotBottom}
        stroke={AXIS_COLOR}
        strokeWidth={1}
      />
      <text x={(plotLeft + plotRight) / 2} y={height - 6} textAnchor="middle" fill={MUTED_COLOR}>
        {xAxisTitle}
      </text>
    </svg>
  );
}

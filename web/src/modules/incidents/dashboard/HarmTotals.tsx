import { useTranslation } from 'react-i18next';
import { translateDynamic } from '../../../lib/translate.ts';
import { CHART_FONT, fitText, GRID_COLOR, MUTED_COLOR, TEXT_COLOR, useElementWidth } from './chartKit.tsx';
import { PICTURE_MIN_WIDTH } from './Measured.tsx';
import type { HarmTotals as Harm } from './types.ts';

/** The harm totals in the order the record lists them: harm to people first, then records and money. */
export const HARM_FIELDS = [
  'hospitalServicesDisrupted',
  'patientsRedirected',
  'peopleDataLeaked',
  'essentialServicesLost',
  'recordsExposed',
  'economicLossUsd',
  'incidentsWithHarmToPeople',
] as const satisfies readonly (keyof Harm)[];

type Figure = { field: string; label: string; value: string };

const TILE_HEIGHT = 64;
const GAP = 8;

/** The figures as tiles in an SVG, for the PNG download only: the page shows them as a list. */
function HarmPicture({
  figures,
  width,
  isRtl,
}: {
  figures: readonly Figure[];
  width: number;
  isRtl: boolean;
}) {
  const perRow = width >= 640 ? 3 : 2;
  const tileWidth = (width - GAP * (perRow - 1)) / perRow;
  const rows = Math.ceil(figures.length / perRow);
  const height = rows * TILE_HEIGHT + (rows - 1) * GAP;
  return (
    <svg
      data-chart=""
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      direction={isRtl ? 'rtl' : 'ltr'}
      fontFamily={CHART_FONT}
      aria-hidden="true"
    >
      {figures.map((figure, index) => {
        const column = index % perRow;
        const row = Math.floor(index / perRow);
        const left = column * (tileWidth + GAP);
        const x = isRtl ? width - left - tileWidth : left;
        const y = row * (TILE_HEIGHT + GAP);
        const textX = isRtl ? x + tileWidth - 12 : x + 12;
        return (
          <g key={figure.field}>
            <rect
              x={x}
              y={y}
              width={tileWidth}
              height={TILE_HEIGHT}
              rx={6}
              fill="#eef2f6"
              stroke={GRID_COLOR}
            />
            <text x={textX} y={y + 22} fontSize={12} fill={MUTED_COLOR} textAnchor="start">
              {fitText(figure.label, tileWidth - 24, 12)}
            </text>
            <text x={textX} y={y + 48} fontSize={20} fontWeight={700} fill={TEXT_COLOR} textAnchor="start">
              {fitText(figure.value, tileWidth - 24, 20, 700)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

type HarmTotalsProps = {
  harm: Harm;
  formatCount: (value: number) => string;
  formatUsd: (value: number) => string;
};

/** The harm totals as a list of figures, and the same figures drawn for the PNG download. */
export function HarmTotals({ harm, formatCount, formatUsd }: HarmTotalsProps) {
  const { t, i18n } = useTranslation();
  const figures: Figure[] = HARM_FIELDS.map((field) => ({
    field,
    label: translateDynamic(t, `incidentDashboard.harm.${field}`, `incidentDashboard.harm.${field}`),
    value: field === 'economicLossUsd' ? formatUsd(harm[field]) : formatCount(harm[field]),
  }));
  const { ref, width } = useElementWidth<HTMLDivElement>();
  return (
    <div ref={ref}>
      <dl className="cg-dashboard-tiles">
        {figures.map((figure) => (
          <div key={figure.field} className="cg-dashboard-tile">
            <dt>{figure.label}</dt>
            <dd>{figure.value}</dd>
          </div>
        ))}
      </dl>
      {width > 0 && (
        <div hidden data-picture="">
          <HarmPicture
            figures={figures}
            width={Math.max(width, PICTURE_MIN_WIDTH)}
            isRtl={i18n.dir(i18n.language) === 'rtl'}
          />
        </div>
      )}
    </div>
  );
}

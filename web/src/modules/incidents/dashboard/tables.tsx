import { useTranslation } from 'react-i18next';
import { Table } from '../../../ui/index.ts';
import type { Column, LegendEntry } from './ColumnChart.tsx';
import type { Bar } from './chartData.ts';

type CountsTableProps = {
  caption: string;
  keyHeading: string;
  bars: readonly Bar[];
  formatValue: (value: number) => string;
};

/** A chart's figures as a table: one row per label with its count. */
export function CountsTable({ caption, keyHeading, bars, formatValue }: CountsTableProps) {
  const { t } = useTranslation();
  return (
    <Table caption={caption} columns={[keyHeading, t('incidentDashboard.chart.count')]}>
      {bars.map((bar) => (
        <tr key={bar.key}>
          <th scope="row">
            <bdi>{bar.label}</bdi>
          </th>
          <td className="cg-dashboard-number">{formatValue(bar.value)}</td>
        </tr>
      ))}
    </Table>
  );
}

type ColumnsTableProps = {
  caption: string;
  keyHeading: string;
  columns: readonly Column[];
  legend: readonly LegendEntry[];
  formatValue: (value: number) => string;
};

/** A column chart's figures: one row per column with its total and, when stacked, each part. */
export function ColumnsTable({ caption, keyHeading, columns, legend, formatValue }: ColumnsTableProps) {
  const { t } = useTranslation();
  const parts = legend.length > 1 ? legend : [];
  return (
    <Table
      caption={caption}
      columns={[
        keyHeading,
        t('incidentDashboard.chart.total'),
        ...parts.map((entry) => <bdi key={entry.key}>{entry.label}</bdi>),
      ]}
    >
      {columns.map((column) => (
        <tr key={column.key}>
          <th scope="row">{column.label}</th>
          <td className="cg-dashboard-number">{formatValue(column.total)}</td>
          {parts.map((entry, index) => (
            <td key={entry.key} className="cg-dashboard-number">
              {formatValue(column.values[index] ?? 0)}
            </td>
          ))}
        </tr>
      ))}
    </Table>
  );
}

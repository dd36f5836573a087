import { type ReactNode, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Card, classNames } from '../../../ui/index.ts';
import { type CsvRow, csvBlob } from './csv.ts';
import { downloadBlob, standaloneSvg, svgToPng } from './exportFiles.ts';

type ChartCardProps = {
  title: string;
  description?: ReactNode;
  /** File names: "<fileName>-<date>.png" and ".csv". */
  fileName: string;
  csvRows: () => CsvRow[];
  /** Lines under the title in the PNG: what it covers, which filters, when. */
  pictureLines: readonly string[];
  /** The same figures as a table, for keyboard and screen-reader users; none where the card is already text. */
  table?: ReactNode;
  isWide?: boolean;
  children: ReactNode;
};

/**
 * One chart of the dashboard with its downloads: the picture as PNG, the figures as CSV, and a table with
 * the same figures. The chart inside draws its picture in a `data-picture` element (see Measured).
 */
export function ChartCard({
  title,
  description,
  fileName,
  csvRows,
  pictureLines,
  table,
  isWide = false,
  children,
}: ChartCardProps) {
  const { t, i18n } = useTranslation();
  const bodyRef = useRef<HTMLDivElement>(null);
  const tableId = useId();
  const [isTableShown, setIsTableShown] = useState(false);
  const [isExporting, setIsExporting] = useState(false);
  const [hasPngFailed, setHasPngFailed] = useState(false);
  const chartName = <span className="cg-visually-hidden">: {title}</span>;

  const downloadPng = async () => {
    const chart = bodyRef.current?.querySelector<SVGSVGElement>('[data-picture] svg[data-chart]');
    if (!chart) return;
    setIsExporting(true);
    setHasPngFailed(false);
    try {
      const picture = standaloneSvg(chart, {
        title,
        // A PNG leaves the page that explained it: the card's description goes with it.
        lines: typeof description === 'string' ? [...pictureLines, description] : pictureLines,
        isRtl: i18n.dir(i18n.language) === 'rtl',
      });
      downloadBlob(await svgToPng(picture), `${fileName}.png`);
    } catch {
      setHasPngFailed(true);
    } finally {
      setIsExporting(false);
    }
  };

  return (
    <Card
      title={title}
      description={description}
      className={classNames('cg-dashboard-card', isWide && 'cg-dashboard-wide')}
    >
      <div ref={bodyRef} className="cg-dashboard-chart">
        {children}
      </div>
      <div className="cg-cluster cg-dashboard-actions">
        <Button variant="secondary" size="small" onClick={downloadPng} isBusy={isExporting}>
          {t('incidentDashboard.chart.downloadPng')}
          {chartName}
        </Button>
        <Button
          variant="secondary"
          size="small"
          onClick={() => downloadBlob(csvBlob(csvRows()), `${fileName}.csv`)}
        >
          {t('incidentDashboard.chart.downloadCsv')}
          {chartName}
        </Button>
        {table && (
          <Button
            variant="ghost"
            size="small"
            aria-expanded={isTableShown}
            aria-controls={tableId}
            onClick={() => setIsTableShown((shown) => !shown)}
          >
            {isTableShown ? t('incidentDashboard.chart.hideTable') : t('incidentDashboard.chart.showTable')}
            {chartName}
          </Button>
        )}
      </div>
      {hasPngFailed && (
        <Alert tone="warning" isLive>
          {t('incidentDashboard.chart.pngFailed')}
        </Alert>
      )}
      {table && (
        <div id={tableId} hidden={!isTableShown} className="cg-dashboard-table">
          {table}
        </div>
      )}
    </Card>
  );
}

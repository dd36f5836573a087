import { useTranslation } from 'react-i18next';
import { DateTime, formattingLocale } from '../../lib/dates.tsx';
import { Badge } from '../../ui/index.ts';
import { useCodeLabels } from './codes.ts';
import { formatRelative } from './deadlines.ts';
import type { RequestStatus } from './types.ts';

const statusTone = {
  sent: 'info',
  acknowledged: 'info',
  accepted: 'success',
  partially_accepted: 'success',
  declined: 'danger',
  more_info_needed: 'warning',
  responded: 'success',
  closed: 'neutral',
} as const;

/** Where a request stands with one recipient, in words. */
export function StatusBadge({ status }: { status: RequestStatus }) {
  const { label } = useCodeLabels();
  return <Badge tone={statusTone[status] ?? 'neutral'}>{label('requestStatuses', status)}</Badge>;
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return <Badge tone="danger">{t('assistance.overdue')}</Badge>;
}

type DeadlineProps = { value: string; isOverdue?: boolean | undefined; now: Date };

/** A deadline: the date and time in the viewer's zone, how far off it is, and "overdue" once missed. */
export function Deadline({ value, isOverdue = false, now }: DeadlineProps) {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  return (
    <span className="cg-rfa-deadline">
      <DateTime value={value} />
      <span className="cg-muted cg-small">{formatRelative(value, now, locale)}</span>
      {isOverdue && <OverdueBadge />}
    </span>
  );
}

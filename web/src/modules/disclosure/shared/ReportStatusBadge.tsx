import type { Tone } from '../../../ui/index.ts';
import { Badge } from '../../../ui/index.ts';
import { useDisclosureLabels } from './codes.ts';

const STATUS_TONES: Record<string, Tone | 'neutral'> = {
  received: 'info',
  acknowledged: 'info',
  tracked: 'warning',
  coordinating: 'warning',
  closed: 'neutral',
};

/** A report's status in words (the colour only repeats it), with the close reason when closed. */
export function ReportStatusBadge({ status, closeReason }: { status: string; closeReason?: string | null }) {
  const labels = useDisclosureLabels();
  return (
    <Badge tone={STATUS_TONES[status] ?? 'neutral'}>
      {labels.reportStatus(status)}
      {status === 'closed' && closeReason ? `: ${labels.closeReason(closeReason)}` : ''}
    </Badge>
  );
}

import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { translateDynamic } from '../../../lib/translate.ts';
import { Badge } from '../../../ui/index.ts';
import type { Severity } from './format.ts';

type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** Labels of the codes the advisories API speaks, in the reader's language; an unknown code shows as written. */
export function useAdvisoryLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const label = (group: string, code: string) =>
      translateDynamic(t, `advisories.${group}.${code}`, `advisories.${group}.${code}`, {
        defaultValue: code,
      });
    return {
      status: (code: string) => label('status', code),
      reviewStatus: (code: string) => label('reviewStatus', code),
      productStatus: (code: string) => label('productStatus', code),
      /** A VEX justification of "not affected", in plain words. */
      justification: (code: string) => label('justification', code),
      severity: (code: Severity) => label('severity', code),
      tlpMeaning: (code: string) => label('tlpMeaning', code),
      embargoState: (code: string) => label('embargoState', code),
    };
  }, [t]);
}

const STATUS_TONES: Record<string, Tone> = {
  draft: 'neutral',
  in_review: 'info',
  approved: 'success',
  published: 'success',
};

/** The advisory's status; an approved advisory waiting for its embargo says so instead. */
export function AdvisoryStatusBadge({
  status,
  isScheduled = false,
}: {
  status: string;
  isScheduled?: boolean;
}) {
  const labels = useAdvisoryLabels();
  if (status === 'approved' && isScheduled) {
    return <Badge tone="warning">{labels.status('scheduled')}</Badge>;
  }
  return <Badge tone={STATUS_TONES[status] ?? 'neutral'}>{labels.status(status)}</Badge>;
}

const REVIEW_TONES: Record<string, Tone> = {
  pending: 'neutral',
  approved: 'success',
  changes_requested: 'warning',
};

export function ReviewStatusBadge({ status }: { status: string }) {
  const labels = useAdvisoryLabels();
  return <Badge tone={REVIEW_TONES[status] ?? 'neutral'}>{labels.reviewStatus(status)}</Badge>;
}

/**
 * A product status as text with a mark, never by colour alone. "No response yet" has its own dashed,
 * uncoloured look and a question mark, so a vendor's silence never reads as "not affected".
 */
export function ProductStatus({ status }: { status: string }) {
  const labels = useAdvisoryLabels();
  return (
    <span className={`cg-adv-status cg-adv-status-${status}`}>
      <span className="cg-adv-status-mark" aria-hidden="true" />
      <span>{labels.productStatus(status)}</span>
    </span>
  );
}

/** A CVSS severity with its band's colour and its name. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const labels = useAdvisoryLabels();
  return <span className={`cg-adv-severity cg-adv-severity-${severity}`}>{labels.severity(severity)}</span>;
}

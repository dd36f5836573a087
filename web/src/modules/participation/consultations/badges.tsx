import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui/index.ts';
import type { ConsultationStatus, ContributionKind, DispositionOutcome } from './types.ts';

const statusTone = { scheduled: 'info', open: 'success', closed: 'neutral' } as const;

export function ConsultationStatusBadge({ status }: { status: ConsultationStatus }) {
  const { t } = useTranslation();
  return <Badge tone={statusTone[status]}>{t(`consultations.status.${status}`)}</Badge>;
}

const kindTone = { comment: 'neutral', amendment: 'warning', general: 'info' } as const;

export function ContributionKindBadge({ kind }: { kind: ContributionKind }) {
  const { t } = useTranslation();
  return <Badge tone={kindTone[kind]}>{t(`consultations.kinds.${kind}`)}</Badge>;
}

const outcomeTone = {
  incorporated: 'success',
  partly_incorporated: 'success',
  considered: 'info',
  out_of_scope: 'neutral',
} as const;

/** What became of a contribution; "pending" until the chair records it. */
export function DispositionBadge({ outcome }: { outcome: DispositionOutcome | null }) {
  const { t } = useTranslation();
  if (!outcome) return <Badge tone="neutral">{t('consultations.outcomes.pending')}</Badge>;
  return <Badge tone={outcomeTone[outcome]}>{t(`consultations.outcomes.${outcome}`)}</Badge>;
}

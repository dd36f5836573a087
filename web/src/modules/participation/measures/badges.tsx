import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui/index.ts';
import { useNorms } from './norms.ts';
import type { ImplementationStatus, MeasureSummary, ProposalKind, ProposalStatus } from './types.ts';
import './measures.css';

const implementationTone = {
  implemented: 'success',
  in_progress: 'info',
  planned: 'neutral',
} as const;

export function ImplementationStatusBadge({ status }: { status: ImplementationStatus }) {
  const { t } = useTranslation();
  return <Badge tone={implementationTone[status]}>{t(`measures.implementation.status.${status}`)}</Badge>;
}

const proposalTone = { submitted: 'warning', accepted: 'success', rejected: 'danger' } as const;

export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const { t } = useTranslation();
  return <Badge tone={proposalTone[status]}>{t(`measures.proposals.status.${status}`)}</Badge>;
}

export function ProposalKindBadge({ kind }: { kind: ProposalKind }) {
  const { t } = useTranslation();
  return <Badge tone="info">{t(`measures.proposals.kind.${kind}`)}</Badge>;
}

/** "OSCE CBM 16", or the source alone for measures without a number. */
export function useMeasureReference() {
  const { t } = useTranslation();
  return (measure: Pick<MeasureSummary, 'source' | 'number'>) => {
    const source = t(`measures.sources.${measure.source}.short`);
    return measure.number === null ? source : t('measures.numbered', { source, number: measure.number });
  };
}

export function MeasureReferenceBadge({ measure }: { measure: Pick<MeasureSummary, 'source' | 'number'> }) {
  const referenceOf = useMeasureReference();
  return <Badge tone={measure.source === 'community' ? 'info' : 'neutral'}>{referenceOf(measure)}</Badge>;
}

/** The norms a measure supports, as short labels whose full titles screen readers and tooltips give. */
export function NormBadges({ codes }: { codes: string[] }) {
  const { t } = useTranslation();
  const { labelOf, titleOf } = useNorms();
  if (codes.length === 0) return null;
  return (
    <span className="cg-cbm-norms">
      <span className="cg-visually-hidden">{t('measures.normsLabel')}</span>
      <ul>
        {codes.map((code) => {
          const title = titleOf(code);
          return (
            <li key={code}>
              <abbr className="cg-cbm-norm" title={title?.text}>
                {labelOf(code)}
              </abbr>
            </li>
          );
        })}
      </ul>
    </span>
  );
}

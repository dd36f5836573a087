import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { translateDynamic } from '../../../lib/translate.ts';
import { Badge } from '../../../ui/index.ts';

type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

/** Labels of the codes the case API speaks, in the reader's language; an unknown code shows as written. */
export function useCaseLabels() {
  const { t } = useTranslation();
  return useMemo(() => {
    const label = (group: string, code: string) =>
      translateDynamic(t, `cases.${group}.${code}`, `cases.${group}.${code}`, { defaultValue: code });
    return {
      productStatus: (code: string) => label('productStatus', code),
      /** What choosing the status means, in plain words. */
      productStatusHelp: (code: string) => label('productStatusHelp', code),
      justification: (code: string) => label('justification', code),
      justificationHelp: (code: string) => label('justificationHelp', code),
      role: (code: string) => label('roles', code),
      caseStatus: (code: string) => label('caseStatus', code),
      embargoState: (code: string) => label('embargoState', code),
      embargoStateHelp: (code: string) => label('embargoStateHelp', code),
      exitReason: (code: string) => label('exitReason', code),
      statementStatus: (code: string) => label('statementStatus', code),
    };
  }, [t]);
}

/**
 * A product status as text with a mark, never by colour alone. "No response yet" has its own dashed,
 * uncoloured look, so silence is never mistaken for the all-clear of "not affected".
 */
export function ProductStatusBadge({ status, count }: { status: string; count?: number }) {
  const labels = useCaseLabels();
  return (
    <span className={`cg-case-status cg-case-status-${status}`}>
      <span className="cg-case-status-mark" aria-hidden="true" />
      <span>{labels.productStatus(status)}</span>
      {count !== undefined && <span className="cg-case-status-count">{count}</span>}
    </span>
  );
}

const ROLE_TONES: Record<string, Tone> = {
  coordinator: 'info',
  reporter: 'neutral',
  vendor: 'neutral',
  affected_owner: 'neutral',
  observer: 'neutral',
};

export function RoleBadge({ role }: { role: string }) {
  const labels = useCaseLabels();
  return <Badge tone={ROLE_TONES[role] ?? 'neutral'}>{labels.role(role)}</Badge>;
}

const EMBARGO_TONES: Record<string, Tone> = {
  none: 'neutral',
  proposed: 'info',
  active: 'warning',
  revise: 'warning',
  exited: 'neutral',
};

export function EmbargoStateBadge({ state }: { state: string }) {
  const labels = useCaseLabels();
  return <Badge tone={EMBARGO_TONES[state] ?? 'neutral'}>{labels.embargoState(state)}</Badge>;
}

export function CaseStatusBadge({ status }: { status: string }) {
  const labels = useCaseLabels();
  return <Badge tone={status === 'open' ? 'success' : 'neutral'}>{labels.caseStatus(status)}</Badge>;
}

const STATEMENT_TONES: Record<string, Tone> = { submitted: 'info', approved: 'success', rejected: 'danger' };

export function StatementStatusBadge({ status }: { status: string }) {
  const labels = useCaseLabels();
  return <Badge tone={STATEMENT_TONES[status] ?? 'neutral'}>{labels.statementStatus(status)}</Badge>;
}

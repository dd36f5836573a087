import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { formattingLocale } from '../../../lib/dates.tsx';
import { translateDynamic } from '../../../lib/translate.ts';
import { Badge } from '../../../ui/index.ts';
import type { SsvcDecisionPoint, SsvcKind } from './types.ts';

type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

const STATUS_TONES: Record<string, Tone> = {
  received: 'info',
  acknowledged: 'info',
  tracked: 'neutral',
  coordinating: 'success',
  closed: 'neutral',
};
const PRIORITY_TONES: Record<string, Tone> = {
  low: 'neutral',
  medium: 'info',
  high: 'warning',
  critical: 'danger',
};
const SEVERITY_TONES: Record<string, Tone> = {
  NONE: 'neutral',
  LOW: 'neutral',
  MEDIUM: 'info',
  HIGH: 'warning',
  CRITICAL: 'danger',
};
const OUTCOME_TONES: Record<SsvcKind, Record<string, Tone>> = {
  triage: { D: 'neutral', T: 'info', C: 'warning' },
  publish: { N: 'neutral', P: 'success' },
};

/** Labels of the codes the API speaks, in the reader's language; an unknown code is shown as it is. */
export function useTriageLabels() {
  const { t } = useTranslation();
  const dynamic = (key: string, fallback: string, options: Record<string, unknown> = {}) =>
    translateDynamic(t, key, key, { defaultValue: fallback, ...options });
  return {
    // Statuses and close reasons are the reporter pages' words, so both sides of a report say the same.
    status: (status: string) => dynamic(`reporter.status.${status}`, status),
    closeReason: (reason: string) => dynamic(`reporter.closeReason.${reason}`, reason),
    priority: (priority: string) => dynamic(`triage.priorities.${priority}`, priority),
    tristate: (value: string) => dynamic(`triage.tristates.${value}`, value),
    severity: (severity: string) => dynamic(`triage.severities.${severity}`, severity),
    outcome: (kind: SsvcKind, outcome: string) => dynamic(`triage.ssvc.outcomes.${kind}.${outcome}`, outcome),
    /** A decision point's name; CERT/CC's English name when the catalog has none. */
    point: (point: Pick<SsvcDecisionPoint, 'key' | 'name'>) =>
      dynamic(`triage.ssvc.points.${point.key}.name`, point.name),
    /** A value's name within its decision point (the same key means different things in different points). */
    value: (pointKey: string, value: { key: string; name: string }) =>
      dynamic(`triage.ssvc.points.${pointKey}.values.${value.key}`, value.name),
  };
}

export function StatusBadge({ status }: { status: string }) {
  const labels = useTriageLabels();
  return <Badge tone={STATUS_TONES[status] ?? 'neutral'}>{labels.status(status)}</Badge>;
}

export function PriorityBadge({ priority }: { priority: string | null }) {
  const { t } = useTranslation();
  const labels = useTriageLabels();
  if (!priority) return <span className="cg-muted">{t('triage.notSet')}</span>;
  return <Badge tone={PRIORITY_TONES[priority] ?? 'neutral'}>{labels.priority(priority)}</Badge>;
}

export function SeverityBadge({ severity }: { severity: string }) {
  const labels = useTriageLabels();
  return <Badge tone={SEVERITY_TONES[severity] ?? 'neutral'}>{labels.severity(severity)}</Badge>;
}

export function OutcomeBadge({ kind, outcome }: { kind: SsvcKind; outcome: string }) {
  const labels = useTriageLabels();
  return <Badge tone={OUTCOME_TONES[kind][outcome] ?? 'neutral'}>{labels.outcome(kind, outcome)}</Badge>;
}

export function OverdueBadge() {
  const { t } = useTranslation();
  return <Badge tone="danger">{t('triage.acknowledgementOverdue')}</Badge>;
}

/** A CVSS score with its one decimal, in the reader's number format. */
export function useScoreFormat(): (score: number) => string {
  const { i18n } = useTranslation();
  const locale = formattingLocale(i18n.language, navigator.languages ?? []);
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
    return (score: number) => format.format(score);
  }, [locale]);
}

import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui/index.ts';
import type { StatementStatus } from './types.ts';

const statusTone = { submitted: 'warning', published: 'success', rejected: 'danger' } as const;

export function StatementStatusBadge({ status }: { status: StatementStatus }) {
  const { t } = useTranslation();
  return <Badge tone={statusTone[status]}>{t(`statements.status.${status}`)}</Badge>;
}

export { useLanguageNames } from '../../../lib/localized.ts';

/** Wraps typed text in first-strong isolates before it goes into a translated sentence. */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}

const RIGHT_TO_LEFT_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'ps', 'sd', 'ug', 'ur', 'yi']);

/** The writing direction of a BCP 47 language tag, so a text block sits on the side its script starts. */
export function directionOfLanguage(tag: string): 'ltr' | 'rtl' {
  const primary = tag.toLowerCase().split('-')[0] ?? '';
  return RIGHT_TO_LEFT_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}

import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui/index.ts';
import type { ProcessStatus } from './types.ts';

export function ProcessStatusBadge({ status }: { status: ProcessStatus }) {
  const { t } = useTranslation();
  return <Badge tone={status === 'active' ? 'success' : 'neutral'}>{t(`processes.status.${status}`)}</Badge>;
}

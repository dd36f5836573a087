import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/index.ts';

/** Whether a check still takes answers, in words (not colour alone). */
export function OpenBadge({ isOpen }: { isOpen: boolean }) {
  const { t } = useTranslation();
  return isOpen ? (
    <Badge tone="info">{t('checks.status.open')}</Badge>
  ) : (
    <Badge tone="neutral">{t('checks.status.closed')}</Badge>
  );
}

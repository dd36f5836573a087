import { useTranslation } from 'react-i18next';
import { Badge } from '../../../ui/index.ts';
import type { AccreditationRoute, ApplicationStatus } from '../processes/types.ts';

const statusTone = {
  pending_confirmation: 'info',
  circulating: 'warning',
  accredited: 'success',
  objected: 'danger',
  declined: 'danger',
  withdrawn: 'neutral',
} as const;

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useTranslation();
  return <Badge tone={statusTone[status]}>{t(`accreditation.status.${status}`)}</Badge>;
}

/** The route in words; `isShort` for table cells ("ECOSOC", "Non-objection"). */
export function RouteLabel({ route, isShort = false }: { route: AccreditationRoute; isShort?: boolean }) {
  const { t } = useTranslation();
  return <>{isShort ? t(`accreditation.routeShort.${route}`) : t(`accreditation.route.${route}`)}</>;
}

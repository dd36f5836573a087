import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { AuditEventsTable } from '../audit/AuditEventsTable.tsx';

export function AuditTab({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation();
  return (
    <AuditEventsTable
      listKey={`audit:${organizationId}`}
      caption={t('audit.organizationCaption')}
      loadPage={(cursor) =>
        call(
          api.GET('/api/v1/organizations/{id}/audit-events', {
            params: { path: { id: organizationId }, query: { cursor } },
          }),
        )
      }
    />
  );
}

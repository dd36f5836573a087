import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client.ts';
import { AuditEventsTable } from '../audit/AuditEventsTable.tsx';
import { AdminLayout } from './AdminLayout.tsx';

export function AdminAuditPage() {
  const { t } = useTranslation();
  return (
    <AdminLayout title={t('admin.auditLog')} description={t('admin.auditLogIntro')}>
      <AuditEventsTable
        listKey="audit:all"
        caption={t('admin.auditLog')}
        loadPage={(cursor) => call(api.GET('/api/v1/audit-events', { params: { query: { cursor } } }))}
      />
    </AdminLayout>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../../api/client.ts';
import type { Membership } from '../../../api/types.ts';
import { PagedListView } from '../../../lib/PagedListView.tsx';
import { usePagedList } from '../../../lib/usePagedList.ts';
import { Select } from '../../../ui/index.ts';
import { StatementList } from './StatementList.tsx';
import './statements.css';

/**
 * Everything the person's organization submitted, whatever its status, so a submission awaiting
 * moderation or not published (with the secretariat's reason) can be found again.
 */
export function OwnSubmissions({ organizations }: { organizations: Membership[] }) {
  const { t } = useTranslation();
  const [organizationId, setOrganizationId] = useState(organizations[0]?.organizationId ?? '');
  const list = usePagedList(organizationId ? `own-statements:${organizationId}` : null, (cursor) =>
    call(
      api.GET('/api/v1/participation/statements', {
        params: { query: { organizationId, limit: 20, cursor } },
      }),
    ),
  );
  return (
    <div className="cg-stack">
      <p className="cg-muted">{t('statements.own.intro')}</p>
      {organizations.length > 1 && (
        <Select
          label={t('statements.fields.organization')}
          value={organizationId}
          onChange={setOrganizationId}
          options={organizations.map((membership) => ({
            value: membership.organizationId,
            label: membership.organizationName,
          }))}
          className="cg-stmt-own-filter"
        />
      )}
      <PagedListView
        list={list}
        loadingStyle="inline"
        emptyTitle={t('statements.own.empty')}
        emptyText={t('statements.own.emptyHint')}
      >
        <StatementList statements={list.items} headingLevel={2} isOrganizationShown={false} isStatusShown />
      </PagedListView>
    </div>
  );
}

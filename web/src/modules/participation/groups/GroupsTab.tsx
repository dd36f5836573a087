import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useToast } from '../../../app/toasts.tsx';
import { PagedListView } from '../../../lib/PagedListView.tsx';
import { usePagedList } from '../../../lib/usePagedList.ts';
import { Button, Card } from '../../../ui/index.ts';
import { isolate } from '../processes/bidi.ts';
import { excerptOf } from '../processes/PlainText.tsx';
import { draftsPath, groupPath } from '../processes/paths.ts';
import { isSecretariat } from '../processes/viewer.ts';
import { GroupForm } from './GroupForm.tsx';
import '../processes/participation.css';

/** The thematic working groups of a process; the secretariat creates them here. */
export function GroupsTab({ processId }: { processId: string }) {
  const { t } = useTranslation();
  const { user } = useAuth();
  const toast = useToast();
  const navigate = useNavigate();
  const [isCreating, setIsCreating] = useState(false);
  const list = usePagedList(`groups:${processId}`, (cursor) =>
    call(
      api.GET('/api/v1/participation/processes/{id}/groups', {
        params: { path: { id: processId }, query: { cursor } },
      }),
    ),
  );

  return (
    <div className="cg-stack">
      <div className="cg-proc-toolbar">
        <p className="cg-muted">{t('groups.intro')}</p>
        {isSecretariat(user) && !isCreating && (
          <Button onClick={() => setIsCreating(true)}>{t('groups.create')}</Button>
        )}
      </div>
      {isCreating && (
        <Card title={t('groups.createTitle')}>
          <GroupForm
            processId={processId}
            onSaved={(group) => {
              toast(t('groups.created', { name: isolate(group.name) }));
              navigate(groupPath(group.id));
            }}
            onCancel={() => setIsCreating(false)}
          />
        </Card>
      )}
      <PagedListView
        list={list}
        loadingStyle="inline"
        emptyTitle={t('groups.empty')}
        emptyText={isSecretariat(user) ? t('groups.emptyHintSecretariat') : t('groups.emptyHint')}
      >
        <ul className="cg-proc-group-list">
          {list.items.map((group) => (
            <li key={group.id} className="cg-card">
              <h3 className="cg-proc-group-name">
                <Link to={groupPath(group.id)} dir="auto">
                  {group.name}
                </Link>
              </h3>
              <p className="cg-proc-group-mandate" dir="auto">
                {excerptOf(group.mandate)}
              </p>
              <dl className="cg-proc-group-facts">
                <div>
                  <dt>{t('groups.chairs')}</dt>
                  <dd>
                    {group.chairs.length > 0
                      ? group.chairs.map((chair) => chair.displayName).join(', ')
                      : t('groups.noChairs')}
                  </dd>
                </div>
                <div>
                  <dt>{t('groups.memberCount')}</dt>
                  <dd>{group.memberCount}</dd>
                </div>
              </dl>
              <div className="cg-cluster">
                <Link to={draftsPath(processId, group.id)}>
                  {t('groups.draftsLink')}
                  <span className="cg-visually-hidden">{` ${group.name}`}</span>
                </Link>
              </div>
            </li>
          ))}
        </ul>
      </PagedListView>
    </div>
  );
}

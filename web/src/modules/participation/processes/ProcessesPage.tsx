import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { useAuth } from '../../../app/auth.tsx';
import { useToast } from '../../../app/toasts.tsx';
import { PagedListView } from '../../../lib/PagedListView.tsx';
import { usePagedList } from '../../../lib/usePagedList.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { Button, Card, PageHeader, Table } from '../../../ui/index.ts';
import { ProcessStatusBadge } from './badges.tsx';
import { isolate } from './bidi.ts';
import { HowToTakePart } from './HowToTakePart.tsx';
import { ProcessForm } from './ProcessForm.tsx';
import { processPath } from './paths.ts';
import { useDayCount } from './useDayCount.ts';
import { isSecretariat } from './viewer.ts';

/** /participation: how to take part, the processes, and for the secretariat a way to define one. */
export function ProcessesPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const navigate = useNavigate();
  const toast = useToast();
  const [isCreating, setIsCreating] = useState(false);
  const listHeadingId = useId();
  const dayCount = useDayCount();
  usePageTitle(t('processes.title'));

  const list = usePagedList('participation-processes', (cursor) =>
    call(api.GET('/api/v1/participation/processes', { params: { query: { cursor } } })),
  );

  return (
    <>
      <PageHeader
        title={t('processes.title')}
        description={t('processes.intro')}
        actions={
          isSecretariat(user) &&
          !isCreating && <Button onClick={() => setIsCreating(true)}>{t('processes.create')}</Button>
        }
      />
      <div className="cg-stack">
        {isCreating && (
          <Card title={t('processes.createTitle')} description={t('processes.createIntro')}>
            <ProcessForm
              onSaved={(process) => {
                toast(t('processes.created', { title: isolate(process.title) }));
                navigate(processPath(process.id));
              }}
              onCancel={() => setIsCreating(false)}
            />
          </Card>
        )}
        <HowToTakePart />
        <Card title={t('processes.exploreTitle')}>
          <ul className="cg-stack-tight">
            <li>
              <Link to="/participation/statements">{t('processes.statementsLink')}</Link>
            </li>
            <li>
              <Link to="/participation/measures">{t('processes.measuresLink')}</Link>
            </li>
            <li>
              <Link to="/participation/transparency">{t('processes.transparencyLink')}</Link>
            </li>
            <li>
              <Link to="/participation/search">{t('processes.searchLink')}</Link>
            </li>
            {user && (
              <li>
                <Link to="/participation/following">{t('processes.followingLink')}</Link>
              </li>
            )}
            {isSecretariat(user) && (
              <>
                <li>
                  <Link to="/participation/moderation">{t('processes.moderationLink')}</Link>
                </li>
                <li>
                  <Link to="/participation/measures/proposals">{t('measures.proposals.moderationLink')}</Link>
                </li>
              </>
            )}
          </ul>
        </Card>
        <section className="cg-stack" aria-labelledby={listHeadingId}>
          <h2 id={listHeadingId} className="cg-proc-section-heading">
            {t('processes.listTitle')}
          </h2>
          <PagedListView
            list={list}
            loadingStyle="inline"
            emptyTitle={t('processes.empty')}
            emptyText={isSecretariat(user) ? t('processes.emptyHintSecretariat') : t('processes.emptyHint')}
          >
            <Table
              caption={t('processes.listTitle')}
              isCaptionHidden
              columns={[
                t('processes.fields.title'),
                t('processes.fields.status'),
                t('processes.accreditedCount'),
                t('processes.groupCount'),
                t('processes.fields.objectionPeriod'),
              ]}
            >
              {list.items.map((process) => (
                <tr key={process.id}>
                  <td>
                    <Link to={processPath(process.id)} dir="auto">
                      {process.title}
                    </Link>
                  </td>
                  <td>
                    <ProcessStatusBadge status={process.status} />
                  </td>
                  <td>{process.accreditedCount}</td>
                  <td>{process.groupCount}</td>
                  <td>{dayCount(process.objectionPeriodDays)}</td>
                </tr>
              ))}
            </Table>
          </PagedListView>
        </section>
      </div>
    </>
  );
}

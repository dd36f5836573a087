import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../../../api/client.ts';
import { DateTime } from '../../../lib/dates.tsx';
import { PagedListView } from '../../../lib/PagedListView.tsx';
import { usePagedList } from '../../../lib/usePagedList.ts';
import { usePageTitle } from '../../../lib/usePageTitle.ts';
import { useQuery } from '../../../lib/useQuery.ts';
import { PageHeader, Table } from '../../../ui/index.ts';
import { ParticipationBreadcrumb } from '../processes/ParticipationBreadcrumb.tsx';
import { useLanguageNames } from './labels.tsx';
import { contributorPath, statementPath, statementsPath } from './paths.ts';
import './statements.css';

/** /participation/moderation: submissions waiting for the secretariat, oldest last as the API lists them. */
export function ModerationQueuePage() {
  const { t } = useTranslation();
  const languageName = useLanguageNames();
  usePageTitle(t('statements.moderation.queueTitle'));

  const processes = useQuery('participation-processes:all', () =>
    call(api.GET('/api/v1/participation/processes', { params: { query: { limit: 100 } } })),
  );
  const processTitle = new Map((processes.data?.items ?? []).map((process) => [process.id, process.title]));
  const queue = usePagedList('statement-moderation-queue', (cursor) =>
    call(
      api.GET('/api/v1/participation/statements', {
        params: { query: { status: 'submitted', cursor } },
      }),
    ),
  );

  return (
    <>
      <ParticipationBreadcrumb items={[{ to: statementsPath(), label: t('statements.title') }]} />
      <PageHeader
        title={t('statements.moderation.queueTitle')}
        description={t('statements.moderation.queueIntro')}
      />
      <PagedListView
        list={queue}
        emptyTitle={t('statements.moderation.queueEmpty')}
        emptyText={t('statements.moderation.queueEmptyHint')}
      >
        <Table
          caption={t('statements.moderation.queueTitle')}
          isCaptionHidden
          columns={[
            t('statements.fields.title'),
            t('statements.fields.organization'),
            t('statements.fields.process'),
            t('statements.fields.kind'),
            t('statements.fields.language'),
            t('statements.submittedOn'),
          ]}
        >
          {queue.items.map((statement) => (
            <tr key={statement.id}>
              <td>
                <Link to={statementPath(statement.id)} dir="auto">
                  {statement.title}
                </Link>
                {statement.format === 'pdf' && (
                  <span className="cg-muted cg-small"> · {t('statements.pdfShort')}</span>
                )}
              </td>
              <td>
                <Link to={contributorPath(statement.organization.id)} dir="auto">
                  {statement.organization.name}
                </Link>
              </td>
              <td dir="auto">{processTitle.get(statement.processId) ?? '—'}</td>
              <td>{t(`statements.kinds.${statement.kind}`)}</td>
              <td>{languageName(statement.language)}</td>
              <td>
                <DateTime value={statement.createdAt} />
              </td>
            </tr>
          ))}
        </Table>
      </PagedListView>
    </>
  );
}

import { useTranslation } from 'react-i18next';
import type { AuditEvent, Page } from '../../api/types.ts';
import { DateTime } from '../../lib/dates.tsx';
import { useErrorMessages } from '../../lib/errorMessages.ts';
import { usePagedList } from '../../lib/usePagedList.ts';
import { Alert, EmptyState, LoadMore, PageSpinner, Table } from '../../ui/index.ts';

type AuditEventsTableProps = {
  /** Names the list; a new key reloads it. */
  listKey: string;
  caption: string;
  loadPage: (cursor: string | undefined) => Promise<Page<AuditEvent>>;
};

/** The hash-chained audit log: newest first, with each entry's hash so a reader can check the chain. */
export function AuditEventsTable({ listKey, caption, loadPage }: AuditEventsTableProps) {
  const { t } = useTranslation();
  const { messageOf } = useErrorMessages();
  const events = usePagedList(listKey, loadPage);

  if (events.isLoading) return <PageSpinner label={t('common.loading')} />;
  return (
    <div className="cg-stack">
      {events.error && <Alert tone="danger">{messageOf(events.error)}</Alert>}
      {events.items.length === 0 && !events.error ? (
        <EmptyState title={t('audit.empty')} />
      ) : (
        <Table
          caption={caption}
          columns={[
            t('audit.sequence'),
            t('audit.time'),
            t('audit.actor'),
            t('audit.action'),
            t('audit.summary'),
            t('audit.hash'),
          ]}
        >
          {events.items.map((event) => (
            <tr key={event.id}>
              <td className="cg-mono">{event.seq}</td>
              <td>
                <DateTime value={event.at} />
              </td>
              <td>{event.actorLabel}</td>
              <td className="cg-mono cg-ltr">{event.action}</td>
              <td>{event.summary}</td>
              <td className="cg-mono cg-ltr" title={event.hash}>
                {event.hash.slice(0, 12)}…
              </td>
            </tr>
          ))}
        </Table>
      )}
      <LoadMore
        hasMore={events.hasMore}
        isLoading={events.isLoadingMore}
        onLoadMore={events.loadMore}
        label={t('common.loadMore')}
      />
    </div>
  );
}

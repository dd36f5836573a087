import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, EmptyState, LoadMore, PageSpinner, Spinner } from '../ui/index.ts';
import { useErrorMessages } from './errorMessages.ts';
import type { PagedListState } from './usePagedList.ts';

type PagedListViewProps<T> = {
  list: PagedListState<T>;
  emptyTitle: ReactNode;
  emptyText?: ReactNode;
  /** `page` centres the spinner in the page; `inline` keeps it in the flow, for lists below a form. */
  loadingStyle?: 'page' | 'inline';
  /** The items (a table, a list), shown once there is at least one. */
  children: ReactNode;
};

/** The states of a cursor-paginated list: its load error, a spinner, "nothing here", or the items and "load more". */
export function PagedListView<T>({
  list,
  emptyTitle,
  emptyText,
  loadingStyle = 'page',
  children,
}: PagedListViewProps<T>) {
  const { t } = useTranslation();
  const { messageOf } = useErrorMessages();
  const loadingLabel = t('common.loading');
  return (
    <>
      {list.error && <Alert tone="danger">{messageOf(list.error)}</Alert>}
      {list.isLoading ? (
        loadingStyle === 'page' ? (
          <PageSpinner label={loadingLabel} />
        ) : (
          <Spinner label={loadingLabel} isLabelVisible />
        )
      ) : list.items.length === 0 ? (
        <EmptyState title={emptyTitle}>{emptyText}</EmptyState>
      ) : (
        <>
          {children}
          {/* Hidden while the list reloads: the old cursor would append a page of the previous list. */}
          <LoadMore
            hasMore={list.hasMore}
            isLoading={list.isLoadingMore}
            onLoadMore={list.loadMore}
            label={t('common.loadMore')}
          />
        </>
      )}
    </>
  );
}

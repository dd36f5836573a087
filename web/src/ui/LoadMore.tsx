import { Button } from './Button.tsx';

type LoadMoreProps = { hasMore: boolean; isLoading: boolean; onLoadMore: () => void; label: string };

/** "Load more" pagination for cursor lists: appends the next page below the current one. */
export function LoadMore({ hasMore, isLoading, onLoadMore, label }: LoadMoreProps) {
  if (!hasMore) return null;
  return (
    <div className="cg-load-more">
      <Button variant="secondary" onClick={onLoadMore} isBusy={isLoading}>
        {label}
      </Button>
    </div>
  );
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/errors.ts';
import type { Page } from '../api/types.ts';

export type PagedListState<T> = {
  items: T[];
  error: ApiError | undefined;
  isLoading: boolean;
  isLoadingMore: boolean;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => void;
  /** Replaces items in place after a change, without refetching. */
  updateItems: (update: (items: T[]) => T[]) => void;
};

const asApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError(0, 'unexpected_error');

/** A cursor-paginated list with "load more". A new `key` (e.g. new filters) starts again from the first page. */
export function usePagedList<T>(
  key: string | null,
  loadPage: (cursor: string | undefined) => Promise<Page<T>>,
): PagedListState<T> {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [error, setError] = useState<ApiError>();
  const [isLoading, setIsLoading] = useState(key !== null);
  const [isLoadingMore, setIsLoadingMore] = useState(false);
  const [version, setVersion] = useState(0);
  const loadRef = useRef(loadPage);
  loadRef.current = loadPage;
  const generation = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `version` is the reload trigger; `loadPage` is read through a ref.
  useEffect(() => {
    if (key === null) return;
    const current = ++generation.current;
    setIsLoading(true);
    setError(undefined);
    loadRef.current(undefined).then(
      (page) => {
        if (current !== generation.current) return;
        setItems(page.items);
        setNextCursor(page.nextCursor);
        setIsLoading(false);
      },
      (failure: unknown) => {
        if (current !== generation.current) return;
        setError(asApiError(failure));
        setIsLoading(false);
      },
    );
  }, [key, version]);

  const loadMore = useCallback(() => {
    if (!nextCursor) return;
    const current = generation.current;
    setIsLoadingMore(true);
    loadRef.current(nextCursor).then(
      (page) => {
        if (current !== generation.current) return;
        setItems((previous) => [...previous, ...page.items]);
        setNextCursor(page.nextCursor);
        setIsLoadingMore(false);
      },
      (failure: unknown) => {
        if (current !== generation.current) return;
        setError(asApiError(failure));
        setIsLoadingMore(false);
      },
    );
  }, [nextCursor]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  const updateItems = useCallback((update: (items: T[]) => T[]) => setItems(update), []);

  return {
    items,
    error,
    isLoading,
    isLoadingMore,
    hasMore: nextCursor !== null,
    loadMore,
    reload,
    updateItems,
  };
}

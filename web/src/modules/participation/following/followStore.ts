import { useCallback, useEffect, useSyncExternalStore } from 'react';
import { api, call } from '../../../api/client.ts';
import { ApiError } from '../../../api/errors.ts';
import type { Follow, SubjectType } from './types.ts';

/**
 * What the signed-in user follows, shared by every follow button and the "Following" page, so one
 * request serves a page with several buttons and a change made in one place shows everywhere.
 */
type State = {
  userId: string | null;
  items: Follow[] | undefined;
  error: ApiError | undefined;
  isLoading: boolean;
};

let state: State = { userId: null, items: undefined, error: undefined, isLoading: false };
let generation = 0;
const listeners = new Set<() => void>();

function setState(next: Partial<State>) {
  state = { ...state, ...next };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const asApiError = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError(0, 'unexpected_error');

function load(userId: string) {
  const current = ++generation;
  setState({
    userId,
    isLoading: true,
    error: undefined,
    ...(state.userId === userId ? {} : { items: undefined }),
  });
  call(api.GET('/api/v1/participation/follows')).then(
    (result) => {
      if (current === generation) setState({ items: result.items, isLoading: false });
    },
    (failure: unknown) => {
      if (current === generation) setState({ error: asApiError(failure), isLoading: false });
    },
  );
}

const sameSubject = (follow: Follow, type: SubjectType, id: string) =>
  follow.subjectType === type && follow.subjectId === id;

/**
 * The follows of `userId` (null when signed out). `isFresh` reloads them on mount, for the page that
 * lists them; buttons reuse what is already loaded.
 */
export function useFollows(userId: string | null, { isFresh = false }: { isFresh?: boolean } = {}) {
  const snapshot = useSyncExternalStore(subscribe, () => state);
  useEffect(() => {
    if (!userId) return;
    if (isFresh || state.userId !== userId || (state.items === undefined && !state.isLoading)) load(userId);
  }, [userId, isFresh]);

  const follow = useCallback(async (type: SubjectType, id: string) => {
    const created = await call(
      api.PUT('/api/v1/participation/follows/{subjectType}/{subjectId}', {
        params: { path: { subjectType: type, subjectId: id } },
      }),
    );
    const others = (state.items ?? []).filter((item) => !sameSubject(item, type, id));
    setState({ items: [created, ...others] });
    return created;
  }, []);

  const unfollow = useCallback(async (type: SubjectType, id: string) => {
    await call(
      api.DELETE('/api/v1/participation/follows/{subjectType}/{subjectId}', {
        params: { path: { subjectType: type, subjectId: id } },
      }),
    );
    setState({ items: (state.items ?? []).filter((item) => !sameSubject(item, type, id)) });
    return true;
  }, []);

  const isCurrentUser = userId !== null && snapshot.userId === userId;
  const items = isCurrentUser ? snapshot.items : undefined;
  return {
    items,
    error: isCurrentUser ? snapshot.error : undefined,
    isLoading: userId !== null && (!isCurrentUser || snapshot.isLoading) && items === undefined,
    isFollowing: (type: SubjectType, id: string) =>
      items?.some((item) => sameSubject(item, type, id)) ?? false,
    follow,
    unfollow,
    reload: () => userId && load(userId),
  };
}

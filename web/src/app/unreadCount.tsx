import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, call } from '../api/client.ts';
import { useAuth } from './auth.tsx';

const POLL_INTERVAL_MS = 60_000;

type UnreadCountValue = { count: number; refresh: () => void };

const UnreadCountContext = createContext<UnreadCountValue>({ count: 0, refresh: () => {} });

/** The unread notification count for the bell, polled every minute while signed in and the tab is visible. */
export function UnreadCountProvider({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  const [count, setCount] = useState(0);
  const userId = user?.id;

  const refresh = useCallback(() => {
    if (!userId) return;
    call(api.GET('/api/v1/notifications/unread-count')).then(
      (result) => setCount(result.count),
      () => {
        // The bell is a hint: keep the last known count when a poll fails.
      },
    );
  }, [userId]);

  useEffect(() => {
    if (!userId) {
      setCount(0);
      return;
    }
    refresh();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, POLL_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [userId, refresh]);

  const value = useMemo(() => ({ count, refresh }), [count, refresh]);
  return <UnreadCountContext.Provider value={value}>{children}</UnreadCountContext.Provider>;
}

export const useUnreadCount = () => useContext(UnreadCountContext);

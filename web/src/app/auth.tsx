import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, call, onApiError, setCsrfToken } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { changeLanguage, i18n } from '../i18n/index.ts';
import { matchLanguage } from '../i18n/languages.ts';

type AuthContextValue = {
  user: Me | null;
  isLoading: boolean;
  /** Set when the session could not be loaded at all (server unreachable). */
  hasFailed: boolean;
  /**
   * Records a session the server just opened (sign-in, setup, accepting an invitation). A new account
   * keeps the language the person used to create it, rather than the server's default.
   */
  signIn: (session: { user: Me; csrfToken: string }, options?: { isNewAccount?: boolean }) => void;
  signOut: () => Promise<void>;
  /** Replaces the user after a profile change. */
  updateUser: (user: Me) => void;
  /** Reloads the session, e.g. after 2FA or memberships changed. */
  refresh: () => Promise<void>;
};

const AuthContext = createContext<AuthContextValue | undefined>(undefined);

/** The user's saved language wins over the browser's, once we know who they are. */
function followUserLanguage(user: Me | null) {
  const preferred = matchLanguage(user?.locale);
  if (preferred && preferred !== i18n.language) void changeLanguage(preferred);
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<Me | null>(null);
  const [isLoading, setIsLoading] = useState(true);
  const [hasFailed, setHasFailed] = useState(false);

  const applySession = useCallback((next: { user: Me | null; csrfToken: string | null }) => {
    setCsrfToken(next.csrfToken);
    setUser(next.user);
    followUserLanguage(next.user);
  }, []);

  const refresh = useCallback(async () => {
    try {
      applySession(await call(api.GET('/api/v1/auth/session')));
      setHasFailed(false);
    } catch {
      setHasFailed(true);
    } finally {
      setIsLoading(false);
    }
  }, [applySession]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // A 401 anywhere means the session ended (expired, revoked from another device).
  useEffect(
    () =>
      onApiError((error) => {
        if (error.status === 401 && error.code === 'authentication_required') {
          setCsrfToken(null);
          setUser(null);
        }
      }),
    [],
  );

  const signOut = useCallback(async () => {
    try {
      await call(api.POST('/api/v1/auth/logout'));
    } finally {
      setCsrfToken(null);
      setUser(null);
    }
  }, []);

  const signIn = useCallback(
    (session: { user: Me; csrfToken: string }, options: { isNewAccount?: boolean } = {}) => {
      const language = matchLanguage(i18n.language);
      if (!options.isNewAccount || !language || language === matchLanguage(session.user.locale)) {
        applySession(session);
        return;
      }
      setCsrfToken(session.csrfToken);
      setUser({ ...session.user, locale: language });
      call(api.PATCH('/api/v1/me', { body: { locale: language } })).then(setUser, () => {
        // The account keeps the server's default language; the person can change it in their profile.
      });
    },
    [applySession],
  );

  const value = useMemo<AuthContextValue>(
    () => ({
      user,
      isLoading,
      hasFailed,
      signIn,
      signOut,
      updateUser: (next) => {
        setUser(next);
        followUserLanguage(next);
      },
      refresh,
    }),
    [user, isLoading, hasFailed, signIn, signOut, refresh],
  );

  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}

/** The signed-in user; only for pages behind <RequireAuth>. */
export function useCurrentUser(): Me {
  const { user } = useAuth();
  if (!user) throw new Error('useCurrentUser must be used behind <RequireAuth>');
  return user;
}

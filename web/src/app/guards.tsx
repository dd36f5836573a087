import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useSearchParams } from 'react-router';
import { safeNextPath } from '../lib/safeRedirect.ts';
import { PageSpinner } from '../ui/index.ts';
import { useAuth } from './auth.tsx';
import { ForbiddenPage } from './StatusPages.tsx';

/** Sends signed-out visitors to sign in, and back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, isLoading } = useAuth();
  const location = useLocation();
  if (isLoading) return <PageSpinner label={t('common.loading')} />;
  if (!user) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={`/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

/** Platform administration needs a platform admin who has two-factor authentication on. */
export function RequirePlatformAdmin({ children }: { children: ReactNode }) {
  const { user } = useAuth();
  return (
    <RequireAuth>
      {user?.isPlatformAdmin && user.hasTotp ? children : <ForbiddenPage needsTotp={user?.isPlatformAdmin} />}
    </RequireAuth>
  );
}

/**
 * Pages for signed-out visitors (sign-in) send signed-in users on to `?next=` or home. This is also how
 * the sign-in page leaves after success: the session update and the redirect happen in one render.
 */
export function RequireSignedOut({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { user, isLoading } = useAuth();
  const [searchParams] = useSearchParams();
  if (isLoading) return <PageSpinner label={t('common.loading')} />;
  if (user) return <Navigate to={safeNextPath(searchParams.get('next'))} replace />;
  return children;
}

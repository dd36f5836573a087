import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { Alert } from '../ui/index.ts';
import { useAuth } from './auth.tsx';
import { Header } from './Header.tsx';

/** Landmarks, the skip link, and focus moved to the new page's content after each navigation. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { hasFailed } = useAuth();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const isFirstRender = useRef(true);

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each new path, on purpose.
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <div className="cg-app">
      <a className="cg-skip-link" href="#main">
        {t('shell.skipToContent')}
      </a>
      <Header />
      <main id="main" className="cg-main" ref={mainRef} tabIndex={-1}>
        {hasFailed && (
          <Alert tone="danger" isLive className="cg-page-alert">
            {t('errors.network_error')}
          </Alert>
        )}
        {children}
      </main>
      <footer className="cg-footer">
        <div className="cg-footer-inner">
          <span>{t('shell.footerTagline')}</span>
          <a href="/api/docs">{t('shell.apiDocumentation')}</a>
        </div>
      </footer>
    </div>
  );
}

import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { RequireAuth } from '../../app/guards.tsx';
import { NotFoundPage } from '../../app/StatusPages.tsx';
import { PageSpinner } from '../../ui/index.ts';

// Each page loads on its own: a reader of a published advisory downloads neither the editor nor the charts.
const AdvisoriesPage = lazy(() =>
  import('./advisories/AdvisoriesPage.tsx').then((module) => ({ default: module.AdvisoriesPage })),
);
const NewAdvisoryPage = lazy(() =>
  import('./advisories/NewAdvisoryPage.tsx').then((module) => ({ default: module.NewAdvisoryPage })),
);
const AdvisoryPage = lazy(() =>
  import('./advisories/AdvisoryPage.tsx').then((module) => ({ default: module.AdvisoryPage })),
);
const ProgramStatisticsPage = lazy(() =>
  import('./statistics/ProgramStatisticsPage.tsx').then((module) => ({
    default: module.ProgramStatisticsPage,
  })),
);

function Loading({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return <Suspense fallback={<PageSpinner label={t('common.loading')} />}>{children}</Suspense>;
}

/**
 * Everything under /advisories: the public list and advisory pages (the API decides who reads a draft),
 * drafting a case's advisory for its coordinators, and a program's transparency figures.
 */
export function AdvisoriesRoutes() {
  return (
    <Loading>
      <Routes>
        <Route index element={<AdvisoriesPage />} />
        <Route
          path="new"
          element={
            <RequireAuth>
              <NewAdvisoryPage />
            </RequireAuth>
          }
        />
        <Route path="programs/:programId/statistics" element={<ProgramStatisticsPage />} />
        <Route path=":id" element={<AdvisoryPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Loading>
  );
}

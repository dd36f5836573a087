import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { RequireAuth } from '../../app/guards.tsx';
import { NotFoundPage } from '../../app/StatusPages.tsx';
import { PageSpinner } from '../../ui/index.ts';

// Each page loads on its own, so a researcher on a slow link who opens the report form downloads neither
// the program editor nor the tracking page.
const ProgramsPage = lazy(() =>
  import('./programs/ProgramsPage.tsx').then((module) => ({ default: module.ProgramsPage })),
);
const ProgramPage = lazy(() =>
  import('./programs/ProgramPage.tsx').then((module) => ({ default: module.ProgramPage })),
);
const ProgramEditorPage = lazy(() =>
  import('./programs/ProgramEditorPage.tsx').then((module) => ({ default: module.ProgramEditorPage })),
);
const ReportFormPage = lazy(() =>
  import('./reporter/ReportFormPage.tsx').then((module) => ({ default: module.ReportFormPage })),
);
const LazyReportTrackPage = lazy(() =>
  import('./reporter/ReportTrackPage.tsx').then((module) => ({ default: module.ReportTrackPage })),
);

const LazyReportCasePage = lazy(() =>
  import('./reporter/ReportCasePage.tsx').then((module) => ({ default: module.ReportCasePage })),
);

function Loading({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return <Suspense fallback={<PageSpinner label={t('common.loading')} />}>{children}</Suspense>;
}

/**
 * Everything under /disclose: the public list and pages of disclosure programs and the report form (open
 * to anyone, with or without an account), and the program editor for organization admins.
 */
export function DisclosurePublicRoutes() {
  return (
    <Loading>
      <Routes>
        <Route index element={<ProgramsPage />} />
        <Route
          path="new"
          element={
            <RequireAuth>
              <ProgramEditorPage />
            </RequireAuth>
          }
        />
        <Route path=":id" element={<ProgramPage />} />
        <Route
          path=":id/edit"
          element={
            <RequireAuth>
              <ProgramEditorPage />
            </RequireAuth>
          }
        />
        <Route path=":id/report" element={<ReportFormPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Loading>
  );
}

/** /reports/track#token=…: where a researcher follows a report with the secret link. */
export function ReportTrackPage() {
  return (
    <Loading>
      <LazyReportTrackPage />
    </Loading>
  );
}

/** /reports/track/case?case=…: the case a report became, opened with the report's secret link. */
export function ReportCasePage() {
  return (
    <Loading>
      <LazyReportCasePage />
    </Loading>
  );
}

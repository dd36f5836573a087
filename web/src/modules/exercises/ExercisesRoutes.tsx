import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { RequirePlatformAdmin } from '../../app/guards.tsx';
import { NotFoundPage } from '../../app/StatusPages.tsx';
import { AcknowledgePage } from './AcknowledgePage.tsx';

// The secretariat's pages (charts, tables, code lists) load on demand, so the page a point of contact
// opens from the mail stays small.
const ChecksDashboardPage = lazy(() =>
  import('./ChecksDashboardPage.tsx').then((module) => ({ default: module.ChecksDashboardPage })),
);
const NewCheckPage = lazy(() =>
  import('./NewCheckPage.tsx').then((module) => ({ default: module.NewCheckPage })),
);
const CheckResultsPage = lazy(() =>
  import('./CheckResultsPage.tsx').then((module) => ({ default: module.CheckResultsPage })),
);

/** Everything under /checks: the one-click acknowledgement for anyone with a link, the rest for the secretariat. */
export function ExercisesRoutes() {
  return (
    <Routes>
      <Route path="acknowledge" element={<AcknowledgePage />} />
      <Route
        index
        element={
          <RequirePlatformAdmin>
            <ChecksDashboardPage />
          </RequirePlatformAdmin>
        }
      />
      <Route
        path="new"
        element={
          <RequirePlatformAdmin>
            <NewCheckPage />
          </RequirePlatformAdmin>
        }
      />
      <Route
        path=":checkId"
        element={
          <RequirePlatformAdmin>
            <CheckResultsPage />
          </RequirePlatformAdmin>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

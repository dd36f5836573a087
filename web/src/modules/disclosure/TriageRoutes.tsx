import { Route, Routes } from 'react-router';
import { RequireAuth } from '../../app/guards.tsx';
import { NotFoundPage } from '../../app/StatusPages.tsx';
import { ReportPage } from './triage/ReportPage.tsx';
import { ReportsPage } from './triage/ReportsPage.tsx';

/** Everything under /disclosure/reports: for signed-in users, each report checked again by the API. */
export function TriageRoutes() {
  return (
    <RequireAuth>
      <Routes>
        <Route index element={<ReportsPage />} />
        <Route path=":id" element={<ReportPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireAuth>
  );
}

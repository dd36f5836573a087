import { lazy, type ReactElement } from 'react';
import { Route } from 'react-router';
import { RequireAuth } from '../../app/guards.tsx';

// Each page loads on first visit; the list page is the usual way in.
const ProcessesPage = lazy(() =>
  import('./processes/ProcessesPage.tsx').then((module) => ({ default: module.ProcessesPage })),
);
const ProcessPage = lazy(() =>
  import('./processes/ProcessPage.tsx').then((module) => ({ default: module.ProcessPage })),
);
const ApplyPage = lazy(() =>
  import('./accreditation/ApplyPage.tsx').then((module) => ({ default: module.ApplyPage })),
);
const ApplicationPage = lazy(() =>
  import('./accreditation/ApplicationPage.tsx').then((module) => ({ default: module.ApplicationPage })),
);
const GroupPage = lazy(() =>
  import('./groups/GroupPage.tsx').then((module) => ({ default: module.GroupPage })),
);

/** Routes for processes, accreditation and groups, relative to /participation. */
export const processRoutes: ReactElement[] = [
  <Route key="processes" index element={<ProcessesPage />} />,
  <Route key="process" path="processes/:processId" element={<ProcessPage />} />,
  <Route
    key="apply"
    path="processes/:processId/apply"
    element={
      <RequireAuth>
        <ApplyPage />
      </RequireAuth>
    }
  />,
  <Route key="application" path="applications/:applicationId" element={<ApplicationPage />} />,
  <Route key="group" path="groups/:groupId" element={<GroupPage />} />,
];

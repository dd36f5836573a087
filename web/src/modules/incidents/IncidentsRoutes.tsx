import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { RequireAuth } from '../../app/guards.tsx';
import { NotFoundPage } from '../../app/StatusPages.tsx';
import { PageSpinner } from '../../ui/index.ts';

// Each page loads on its own: a reader of the list or of one incident downloads neither editor.
const IncidentsPage = lazy(() =>
  import('./IncidentsPage.tsx').then((module) => ({ default: module.IncidentsPage })),
);
const IncidentPage = lazy(() =>
  import('./IncidentPage.tsx').then((module) => ({ default: module.IncidentPage })),
);
const NewIncidentPage = lazy(() =>
  import('./IncidentEditorPage.tsx').then((module) => ({ default: module.NewIncidentPage })),
);
const EditIncidentPage = lazy(() =>
  import('./IncidentEditorPage.tsx').then((module) => ({ default: module.EditIncidentPage })),
);

const IncidentDashboardPage = lazy(() =>
  import('./dashboard/DashboardPage.tsx').then((module) => ({ default: module.IncidentDashboardPage })),
);

function Loading({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return <Suspense fallback={<PageSpinner label={t('common.loading')} />}>{children}</Suspense>;
}

/**
 * Everything under /incidents: the list and the incident pages for anyone (the API decides what each reader
 * sees), and the editor for signed-in members of the record's organization.
 */
export function IncidentsRoutes() {
  return (
    <Loading>
      <Routes>
        <Route index element={<IncidentsPage />} />
        <Route path="dashboard" element={<IncidentDashboardPage />} />
        <Route
          path="new"
          element={
            <RequireAuth>
              <NewIncidentPage />
            </RequireAuth>
          }
        />
        <Route path=":id" element={<IncidentPage />} />
        <Route
          path=":id/edit"
          element={
            <RequireAuth>
              <EditIncidentPage />
            </RequireAuth>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Loading>
  );
}

import { lazy, type ReactElement } from 'react';
import { Route } from 'react-router';
import { RequireAuth } from '../../app/guards.tsx';

// Each page loads on first visit; the draft view and the editor are the heavy ones.
const DraftsPage = lazy(() =>
  import('./drafts/DraftsPage.tsx').then((module) => ({ default: module.DraftsPage })),
);
const DraftPage = lazy(() =>
  import('./drafts/DraftPage.tsx').then((module) => ({ default: module.DraftPage })),
);
const DraftEditorPage = lazy(() =>
  import('./drafts/DraftEditorPage.tsx').then((module) => ({ default: module.DraftEditorPage })),
);
const DiffPage = lazy(() => import('./drafts/DiffPage.tsx').then((module) => ({ default: module.DiffPage })));
const DispositionsPage = lazy(() =>
  import('./consultations/DispositionsPage.tsx').then((module) => ({ default: module.DispositionsPage })),
);

/** Routes for drafts, revisions, consultations and dispositions, relative to /participation. */
export const draftRoutes: ReactElement[] = [
  <Route key="drafts" path="processes/:processId/drafts" element={<DraftsPage />} />,
  <Route key="draft" path="drafts/:draftId" element={<DraftPage />} />,
  <Route
    key="draft-edit"
    path="drafts/:draftId/edit"
    element={
      <RequireAuth>
        <DraftEditorPage />
      </RequireAuth>
    }
  />,
  <Route key="draft-diff" path="drafts/:draftId/diff" element={<DiffPage />} />,
  <Route
    key="dispositions"
    path="consultations/:consultationId/dispositions"
    element={<DispositionsPage />}
  />,
];

import { lazy, type ReactElement } from 'react';
import { Route } from 'react-router';
import { RequireAuth } from '../../app/guards.tsx';

// Each page loads on first visit.
const MeasuresPage = lazy(() =>
  import('./measures/MeasuresPage.tsx').then((module) => ({ default: module.MeasuresPage })),
);
const MeasurePage = lazy(() =>
  import('./measures/MeasurePage.tsx').then((module) => ({ default: module.MeasurePage })),
);
const ProposePage = lazy(() =>
  import('./measures/ProposePage.tsx').then((module) => ({ default: module.ProposePage })),
);
const ProposalsPage = lazy(() =>
  import('./measures/ProposalsPage.tsx').then((module) => ({ default: module.ProposalsPage })),
);
const TransparencyPage = lazy(() =>
  import('./transparency/TransparencyPage.tsx').then((module) => ({ default: module.TransparencyPage })),
);
const FollowingPage = lazy(() =>
  import('./following/FollowingPage.tsx').then((module) => ({ default: module.FollowingPage })),
);

/** Routes for the CBM repository, transparency statistics and following, relative to /participation. */
export const measureRoutes: ReactElement[] = [
  <Route key="measures" path="measures" element={<MeasuresPage />} />,
  <Route
    key="measure-propose"
    path="measures/propose"
    element={
      <RequireAuth>
        <ProposePage />
      </RequireAuth>
    }
  />,
  <Route
    key="measure-proposals"
    path="measures/proposals"
    element={
      <RequireAuth>
        <ProposalsPage />
      </RequireAuth>
    }
  />,
  <Route key="measure" path="measures/:measureId" element={<MeasurePage />} />,
  <Route key="transparency" path="transparency" element={<TransparencyPage />} />,
  <Route
    key="following"
    path="following"
    element={
      <RequireAuth>
        <FollowingPage />
      </RequireAuth>
    }
  />,
];

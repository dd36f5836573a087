import { lazy, type ReactElement } from 'react';
import { Route } from 'react-router';
import { RequireAuth, RequirePlatformAdmin } from '../../app/guards.tsx';

// Each page loads on first visit.
const StatementsPage = lazy(() =>
  import('./statements/StatementsPage.tsx').then((module) => ({ default: module.StatementsPage })),
);
const SubmitStatementPage = lazy(() =>
  import('./statements/SubmitStatementPage.tsx').then((module) => ({ default: module.SubmitStatementPage })),
);
const StatementPage = lazy(() =>
  import('./statements/StatementPage.tsx').then((module) => ({ default: module.StatementPage })),
);
const ModerationQueuePage = lazy(() =>
  import('./statements/ModerationQueuePage.tsx').then((module) => ({ default: module.ModerationQueuePage })),
);
const MeetingsPage = lazy(() =>
  import('./meetings/MeetingsPage.tsx').then((module) => ({ default: module.MeetingsPage })),
);
const MeetingPage = lazy(() =>
  import('./meetings/MeetingPage.tsx').then((module) => ({ default: module.MeetingPage })),
);
const ContributorPage = lazy(() =>
  import('./contributors/ContributorPage.tsx').then((module) => ({ default: module.ContributorPage })),
);
const SearchPage = lazy(() =>
  import('./search/SearchPage.tsx').then((module) => ({ default: module.SearchPage })),
);

/** Routes for written contributions, meetings, contributors and search, relative to /participation. */
export const contributionRoutes: ReactElement[] = [
  <Route key="statements" path="statements" element={<StatementsPage />} />,
  <Route
    key="statement-new"
    path="processes/:processId/statements/new"
    element={
      <RequireAuth>
        <SubmitStatementPage />
      </RequireAuth>
    }
  />,
  <Route key="statement" path="statements/:statementId" element={<StatementPage />} />,
  <Route
    key="moderation"
    path="moderation"
    element={
      <RequirePlatformAdmin>
        <ModerationQueuePage />
      </RequirePlatformAdmin>
    }
  />,
  <Route key="meetings" path="processes/:processId/meetings" element={<MeetingsPage />} />,
  <Route key="meeting" path="meetings/:meetingId" element={<MeetingPage />} />,
  <Route key="contributor" path="contributors/:organizationId" element={<ContributorPage />} />,
  <Route key="search" path="search" element={<SearchPage />} />,
];

import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import { SignInPage } from '../modules/auth/SignInPage.tsx';
import { PageSpinner } from '../ui/index.ts';
import { RequireAuth, RequirePlatformAdmin, RequireSignedOut } from './guards.tsx';
import { HomePage } from './HomePage.tsx';
import { NotFoundPage } from './StatusPages.tsx';

// Pages load on first visit, so the first screen needs only the shell and the sign-in page.
const AdminAuditPage = lazy(() =>
  import('../modules/admin/AdminAuditPage.tsx').then((module) => ({ default: module.AdminAuditPage })),
);
const AdminUsersPage = lazy(() =>
  import('../modules/admin/AdminUsersPage.tsx').then((module) => ({ default: module.AdminUsersPage })),
);
const VerificationQueuePage = lazy(() =>
  import('../modules/admin/VerificationQueuePage.tsx').then((module) => ({
    default: module.VerificationQueuePage,
  })),
);
const PasswordResetCompletePage = lazy(() =>
  import('../modules/auth/PasswordResetCompletePage.tsx').then((module) => ({
    default: module.PasswordResetCompletePage,
  })),
);
const PasswordResetRequestPage = lazy(() =>
  import('../modules/auth/PasswordResetRequestPage.tsx').then((module) => ({
    default: module.PasswordResetRequestPage,
  })),
);
const SetupPage = lazy(() =>
  import('../modules/auth/SetupPage.tsx').then((module) => ({ default: module.SetupPage })),
);
const AcceptInvitationPage = lazy(() =>
  import('../modules/invitations/AcceptInvitationPage.tsx').then((module) => ({
    default: module.AcceptInvitationPage,
  })),
);
const NotificationsPage = lazy(() =>
  import('../modules/notifications/NotificationsPage.tsx').then((module) => ({
    default: module.NotificationsPage,
  })),
);
const OrganizationCreatePage = lazy(() =>
  import('../modules/organizations/OrganizationCreatePage.tsx').then((module) => ({
    default: module.OrganizationCreatePage,
  })),
);
const OrganizationPage = lazy(() =>
  import('../modules/organizations/OrganizationPage.tsx').then((module) => ({
    default: module.OrganizationPage,
  })),
);
const OrganizationsPage = lazy(() =>
  import('../modules/organizations/OrganizationsPage.tsx').then((module) => ({
    default: module.OrganizationsPage,
  })),
);
const ContactsRoutes = lazy(() =>
  import('../modules/contacts/ContactsRoutes.tsx').then((module) => ({ default: module.ContactsRoutes })),
);
const AssistanceRoutes = lazy(() =>
  import('../modules/assistance/AssistanceRoutes.tsx').then((module) => ({
    default: module.AssistanceRoutes,
  })),
);
const ExercisesRoutes = lazy(() =>
  import('../modules/exercises/ExercisesRoutes.tsx').then((module) => ({ default: module.ExercisesRoutes })),
);
const ParticipationRoutes = lazy(() =>
  import('../modules/participation/ParticipationRoutes.tsx').then((module) => ({
    default: module.ParticipationRoutes,
  })),
);
const DisclosurePublicRoutes = lazy(() =>
  import('../modules/disclosure/DisclosurePublicRoutes.tsx').then((module) => ({
    default: module.DisclosurePublicRoutes,
  })),
);
const ReportTrackPage = lazy(() =>
  import('../modules/disclosure/DisclosurePublicRoutes.tsx').then((module) => ({
    default: module.ReportTrackPage,
  })),
);
const ReportCasePage = lazy(() =>
  import('../modules/disclosure/DisclosurePublicRoutes.tsx').then((module) => ({
    default: module.ReportCasePage,
  })),
);
const TriageRoutes = lazy(() =>
  import('../modules/disclosure/TriageRoutes.tsx').then((module) => ({ default: module.TriageRoutes })),
);
const CasesRoutes = lazy(() =>
  import('../modules/disclosure/CasesRoutes.tsx').then((module) => ({ default: module.CasesRoutes })),
);
const CaseJoinPage = lazy(() =>
  import('../modules/disclosure/CasesRoutes.tsx').then((module) => ({ default: module.CaseJoinPage })),
);
const IncidentsRoutes = lazy(() =>
  import('../modules/incidents/IncidentsRoutes.tsx').then((module) => ({ default: module.IncidentsRoutes })),
);
const AdvisoriesRoutes = lazy(() =>
  import('../modules/disclosure/AdvisoriesRoutes.tsx').then((module) => ({
    default: module.AdvisoriesRoutes,
  })),
);
const ProfilePage = lazy(() =>
  import('../modules/profile/ProfilePage.tsx').then((module) => ({ default: module.ProfilePage })),
);

export function AppRoutes() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<PageSpinner label={t('common.loading')} />}>
      <Routes>
        <Route path="/" element={<HomePage />} />
        <Route
          path="/sign-in"
          element={
            <RequireSignedOut>
              <SignInPage />
            </RequireSignedOut>
          }
        />
        <Route path="/setup" element={<SetupPage />} />
        <Route path="/invitations/accept" element={<AcceptInvitationPage />} />
        <Route path="/password-reset" element={<PasswordResetRequestPage />} />
        <Route path="/password-reset/complete" element={<PasswordResetCompletePage />} />
        <Route
          path="/profile"
          element={
            <RequireAuth>
              <ProfilePage />
            </RequireAuth>
          }
        />
        <Route
          path="/organizations"
          element={
            <RequireAuth>
              <OrganizationsPage />
            </RequireAuth>
          }
        />
        <Route
          path="/organizations/new"
          element={
            <RequireAuth>
              <OrganizationCreatePage />
            </RequireAuth>
          }
        />
        <Route
          path="/organizations/:organizationId"
          element={
            <RequireAuth>
              <OrganizationPage />
            </RequireAuth>
          }
        />
        <Route
          path="/notifications"
          element={
            <RequireAuth>
              <NotificationsPage />
            </RequireAuth>
          }
        />
        <Route
          path="/admin/organizations"
          element={
            <RequirePlatformAdmin>
              <VerificationQueuePage />
            </RequirePlatformAdmin>
          }
        />
        <Route
          path="/admin/users"
          element={
            <RequirePlatformAdmin>
              <AdminUsersPage />
            </RequirePlatformAdmin>
          }
        />
        <Route
          path="/admin/audit"
          element={
            <RequirePlatformAdmin>
              <AdminAuditPage />
            </RequirePlatformAdmin>
          }
        />
        <Route path="/participation/*" element={<ParticipationRoutes />} />
        <Route path="/contacts/*" element={<ContactsRoutes />} />
        <Route path="/requests/*" element={<AssistanceRoutes />} />
        <Route path="/checks/*" element={<ExercisesRoutes />} />
        <Route path="/disclose/*" element={<DisclosurePublicRoutes />} />
        <Route path="/reports/track" element={<ReportTrackPage />} />
        <Route path="/reports/track/case" element={<ReportCasePage />} />
        <Route path="/disclosure/reports/*" element={<TriageRoutes />} />
        <Route path="/disclosure/cases/*" element={<CasesRoutes />} />
        <Route path="/cases/join" element={<CaseJoinPage />} />
        <Route path="/advisories/*" element={<AdvisoriesRoutes />} />
        <Route path="/incidents/*" element={<IncidentsRoutes />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}

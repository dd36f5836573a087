import { Route, Routes } from 'react-router';
import { RequireAuth } from '../../app/guards.tsx';
import { NotFoundPage } from '../../app/StatusPages.tsx';
import { ContactEditorPage } from './ContactEditorPage.tsx';
import { ContactPage } from './ContactPage.tsx';
import { CoveragePage } from './CoveragePage.tsx';
import { DirectoryPage } from './DirectoryPage.tsx';
import { ReconfirmPage } from './ReconfirmPage.tsx';

/**
 * Everything under /contacts. The directory and coverage pages serve everyone (the directory shows the
 * public coverage to those outside the verified community); entries and the editor need a sign-in.
 */
export function ContactsRoutes() {
  return (
    <Routes>
      <Route index element={<DirectoryPage />} />
      <Route path="coverage" element={<CoveragePage />} />
      <Route path="reconfirm" element={<ReconfirmPage />} />
      <Route
        path="new"
        element={
          <RequireAuth>
            <ContactEditorPage />
          </RequireAuth>
        }
      />
      <Route
        path=":id"
        element={
          <RequireAuth>
            <ContactPage />
          </RequireAuth>
        }
      />
      <Route
        path=":id/edit"
        element={
          <RequireAuth>
            <ContactEditorPage />
          </RequireAuth>
        }
      />
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

import { Route, Routes } from 'react-router';
import { RequireAuth } from '../../app/guards.tsx';
import { NotFoundPage } from '../../app/StatusPages.tsx';
import { ComposerPage } from './ComposerPage.tsx';
import { PrintPage } from './PrintPage.tsx';
import { RequestPage } from './RequestPage.tsx';
import { RequestsPage } from './RequestsPage.tsx';

/** Everything under /requests: for signed-in members of organizations, each page checked again by the API. */
export function AssistanceRoutes() {
  return (
    <RequireAuth>
      <Routes>
        <Route index element={<RequestsPage />} />
        <Route path="new" element={<ComposerPage />} />
        <Route path=":id" element={<RequestPage />} />
        <Route path=":id/print" element={<PrintPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireAuth>
  );
}

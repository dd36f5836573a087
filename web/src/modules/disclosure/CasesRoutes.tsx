import { Route, Routes } from 'react-router';
import { RequireAuth } from '../../app/guards.tsx';
import { NotFoundPage } from '../../app/StatusPages.tsx';
import { CasePage } from './cases/CasePage.tsx';
import { CasesPage } from './cases/CasesPage.tsx';
import { NewCasePage } from './cases/NewCasePage.tsx';

export { CaseJoinPage } from './cases/CaseJoinPage.tsx';

/**
 * Everything under /disclosure/cases: for signed-in users, each case checked again by the API. Invited
 * participants without an account use CaseJoinPage at /cases/join instead, which needs no sign-in.
 */
export function CasesRoutes() {
  return (
    <RequireAuth>
      <Routes>
        <Route index element={<CasesPage />} />
        <Route path="new" element={<NewCasePage />} />
        <Route path=":id" element={<CasePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </RequireAuth>
  );
}

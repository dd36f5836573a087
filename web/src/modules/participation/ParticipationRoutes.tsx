import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/StatusPages.tsx';
import { contributionRoutes } from './contributionRoutes.tsx';
import { draftRoutes } from './draftRoutes.tsx';
import { measureRoutes } from './measureRoutes.tsx';
import { processRoutes } from './processRoutes.tsx';

/** Everything under /participation: public pages, with actions for those entitled to them. */
export function ParticipationRoutes() {
  return (
    <Routes>
      {processRoutes}
      {draftRoutes}
      {contributionRoutes}
      {measureRoutes}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

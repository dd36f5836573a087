import { Route, Routes } from 'react-router';
import { NotFoundPage } from '../../app/StatusPages.tsx';
import { draftRoutes } from './draftRoutes.tsx';
import { processRoutes } from './processRoutes.tsx';

/** Everything under /participation: public pages, with actions for those entitled to them. */
export function ParticipationRoutes() {
  return (
    <Routes>
      {processRoutes}
      {draftRoutes}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

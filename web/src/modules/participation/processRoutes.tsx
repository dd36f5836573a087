import type { ReactElement } from 'react';

/** Routes for processes, accreditation and groups, relative to /participation. */
export const processRoutes: ReactElement[] = [];

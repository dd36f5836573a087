import type { ReactElement } from 'react';

/** Routes for written contributions, meetings, contributors and search, relative to /participation. */
export const contributionRoutes: ReactElement[] = [];

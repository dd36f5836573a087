import type { ReactElement } from 'react';

/** Routes for the CBM repository, transparency statistics and following, relative to /participation. */
export const measureRoutes: ReactElement[] = [];

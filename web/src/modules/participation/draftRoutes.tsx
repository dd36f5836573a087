import type { ReactElement } from 'react';

/** Routes for drafts, revisions, consultations and dispositions, relative to /participation. */
export const draftRoutes: ReactElement[] = [];

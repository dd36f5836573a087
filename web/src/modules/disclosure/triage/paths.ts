/** Addresses of the triage pages, under /disclosure/reports. */

const segment = encodeURIComponent;

export type QueueTab = 'queue' | 'mine';

export const reportsPath = (tab: QueueTab = 'queue') =>
  tab === 'queue' ? '/disclosure/reports' : '/disclosure/reports?tab=mine';
export const reportPath = (id: string) => `/disclosure/reports/${segment(id)}`;

/** Addresses of the case pages: /disclosure/cases for accounts, /cases/join for holders of a case link. */

const segment = encodeURIComponent;

export type CaseTab = 'overview' | 'participants' | 'response' | 'messages' | 'settings';

export const casesPath = () => '/disclosure/cases';
/** The page that opens a case from a report (the triage page links here). */
export const newCasePath = (reportId: string) => `/disclosure/cases/new?report=${segment(reportId)}`;
export const casePath = (id: string) => `/disclosure/cases/${segment(id)}`;
/** Where an invited participant's link leads; the case id and the secret travel in the fragment. */
export const CASE_JOIN_PATH = '/cases/join';

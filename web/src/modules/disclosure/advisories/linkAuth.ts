/**
 * A reader without an account may hold a case's secret link: an invited participant's (kept by the case
 * join page) or the reporter's (kept by the report tracking page). Both pages keep the token in this tab's
 * sessionStorage under these keys; the advisory page only reads them, to show a draft to its case's
 * participants. The token goes in a header, never in the URL.
 */
const CASE_LINK_KEY = 'commonground.caseLink';
const REPORTER_TOKEN_KEY = 'commonground.reporterToken';

const PARTICIPANT_TOKEN = /^cl_[0-9a-z]{26}\.[A-Za-z0-9_-]{43}$/;
const REPORTER_TOKEN = /^vr_[0-9a-z]{26}\.[A-Za-z0-9_-]{43}$/;

export type LinkHeaders = { 'x-participant-token'?: string; 'x-reporter-token'?: string };

function readSession(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/** The participant token of a stored case link (`{ caseId, token }` as JSON), when well formed. */
export function participantTokenOf(stored: string | null): string | null {
  if (!stored) return null;
  try {
    const value: unknown = JSON.parse(stored);
    if (typeof value !== 'object' || value === null) return null;
    const token = (value as Record<string, unknown>).token;
    return typeof token === 'string' && PARTICIPANT_TOKEN.test(token) ? token : null;
  } catch {
    return null;
  }
}

export function reporterTokenOf(stored: string | null): string | null {
  return stored && REPORTER_TOKEN.test(stored) ? stored : null;
}

/**
 * The headers to try, in order, after reading without one failed: the participant link first, then the
 * reporter link. A link replaces the account on the server, so the page never sends one unless it must.
 */
export function storedLinkHeaders(
  participantStored: string | null = readSession(CASE_LINK_KEY),
  reporterStored: string | null = readSession(REPORTER_TOKEN_KEY),
): LinkHeaders[] {
  const attempts: LinkHeaders[] = [];
  const participant = participantTokenOf(participantStored);
  if (participant) attempts.push({ 'x-participant-token': participant });
  const reporter = reporterTokenOf(reporterStored);
  if (reporter) attempts.push({ 'x-reporter-token': reporter });
  return attempts;
}

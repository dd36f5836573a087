import { readFragmentParam } from '../../../lib/fragment.ts';

/** An invited participant's link token: `<link id>.<secret>`, the id being `cl_` and 26 base-32 characters. */
const TOKEN = /^cl_[0-9a-z]{26}\.[A-Za-z0-9_-]{43}$/;
const CASE_ID = /^case_[0-9a-z]{26}$/;

export type CaseLink = { caseId: string | null; token: string };

export const isParticipantToken = (token: string) => TOKEN.test(token);

/** The case id in what a participant pastes: the id alone, or the bracketed id of a mail subject. */
export function caseIdFromText(text: string): string | null {
  const candidate = /case_[0-9a-z]{26}/i.exec(text.trim())?.[0]?.toLowerCase() ?? '';
  return CASE_ID.test(candidate) ? candidate : null;
}

/** The link in a fragment: `#token=…`, with the case id as `case=…` when the link carries it. */
export function caseLinkFromFragment(hash: string): CaseLink | null {
  const token = readFragmentParam(hash, 'token');
  if (!token || !isParticipantToken(token)) return null;
  const caseParam = readFragmentParam(hash, 'case');
  return { caseId: caseParam ? caseIdFromText(caseParam) : null, token };
}

// The link is kept in this tab's sessionStorage, not only in memory: the join page removes the secret from
// the address bar at once (so it stays out of the history and of copied addresses), and without a copy a
// reload would lose it and the participant would need the mail again. sessionStorage lasts as long as the
// tab, is not shared with other tabs or sent to any server, and "Forget this link" clears it. localStorage
// would keep the secret on the device indefinitely.
const STORAGE_KEY = 'commonground.caseLink';

export function storeCaseLink(link: CaseLink): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(link));
  } catch {
    // Storage refused (private mode, quota): the link then lasts until the page is left.
  }
}

export function readStoredCaseLink(): CaseLink | null {
  try {
    const stored: unknown = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? 'null');
    if (typeof stored !== 'object' || stored === null) return null;
    const { caseId, token } = stored as Record<string, unknown>;
    if (typeof token !== 'string' || !isParticipantToken(token)) return null;
    return { caseId: typeof caseId === 'string' ? caseIdFromText(caseId) : null, token };
  } catch {
    return null;
  }
}

export function forgetCaseLink(): void {
  try {
    window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored.
  }
}

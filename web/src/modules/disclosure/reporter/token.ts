import { readFragmentParam } from '../../../lib/fragment.ts';

/** A reporter link's token: `<report id>.<secret>`, the id being `vr_` and 26 base-32 characters. */
const TOKEN = /^(vr_[0-9a-z]{26})\.([A-Za-z0-9_-]{43})$/;

/** The report id of a well-formed token, else null. */
export function reportIdOf(token: string): string | null {
  return TOKEN.exec(token)?.[1] ?? null;
}

/**
 * The token in what a researcher pastes: the whole link (`…/reports/track#token=…`), the fragment, or the
 * token alone. Spaces and line breaks that mail programs add when wrapping are ignored. Null when none.
 */
export function tokenFromPasted(input: string): string | null {
  const text = input.replace(/\s+/g, '');
  if (!text) return null;
  const hashAt = text.indexOf('#');
  const candidate = hashAt === -1 ? text : (readFragmentParam(text.slice(hashAt), 'token') ?? '');
  const token = candidate.startsWith('token=') ? candidate.slice('token='.length) : candidate;
  return TOKEN.test(token) ? token : null;
}

/** The secret link of a token, on this site. */
export function reporterLinkOf(token: string, origin: string): string {
  return `${origin}/reports/track#token=${token}`;
}

// The token is kept in this tab's sessionStorage, not only in memory: the tracking page removes it from the
// address bar at once, so without a copy a reload would lose it and the researcher would need their saved
// link again. sessionStorage lasts as long as the tab, is not shared with other tabs or sent to any
// server, and "Forget this link" clears it. localStorage would keep the secret on the device indefinitely.
const STORAGE_KEY = 'commonground.reporterToken';

export function storeToken(token: string): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, token);
  } catch {
    // Storage refused (private mode, quota): the token then lasts until the page is left.
  }
}

export function readStoredToken(): string | null {
  try {
    const token = window.sessionStorage.getItem(STORAGE_KEY);
    return token && TOKEN.test(token) ? token : null;
  } catch {
    return null;
  }
}

export function forgetStoredToken(): void {
  try {
    window.sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored.
  }
}

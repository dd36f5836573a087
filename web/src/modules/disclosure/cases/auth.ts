import { REPORTER_TOKEN_HEADER } from '../shared/types.ts';

/**
 * Who the case pages act as: the signed-in account (its session cookie), an invited participant's secret
 * case link, or the reporter's report link, which stands for the reporter in the case. The pages take
 * this as a prop, so the same components serve /disclosure/cases/:id and /cases/join.
 */
export type CaseAuth =
  | { kind: 'session' }
  | { kind: 'participant'; token: string }
  | { kind: 'reporter'; token: string };

export const SESSION_AUTH: CaseAuth = { kind: 'session' };

export const PARTICIPANT_TOKEN_HEADER = 'x-participant-token';

/** The headers that carry a link's secret. Never a URL: it would reach server logs and Referer headers. */
export function linkHeaders(auth: CaseAuth): {
  'x-participant-token'?: string;
  'x-reporter-token'?: string;
} {
  if (auth.kind === 'participant') return { [PARTICIPANT_TOKEN_HEADER]: auth.token };
  if (auth.kind === 'reporter') return { [REPORTER_TOKEN_HEADER]: auth.token };
  return {};
}

/** Whether the pages act through a link rather than an account (no list of cases, no account pages). */
export const isLinkAuth = (auth: CaseAuth) => auth.kind !== 'session';

import { describe, expect, it } from 'vitest';
import { participantTokenOf, reporterTokenOf, storedLinkHeaders } from './linkAuth.ts';

const PARTICIPANT = `cl_${'a'.repeat(26)}.${'B'.repeat(43)}`;
const REPORTER = `vr_${'0'.repeat(26)}.${'_'.repeat(43)}`;

describe('case links kept by the case and report pages', () => {
  it('reads the participant token of a stored case link and ignores malformed ones', () => {
    expect(participantTokenOf(JSON.stringify({ caseId: null, token: PARTICIPANT }))).toBe(PARTICIPANT);
    expect(participantTokenOf(JSON.stringify({ token: 'cl_short.secret' }))).toBeNull();
    expect(participantTokenOf('{not json')).toBeNull();
    expect(participantTokenOf(null)).toBeNull();
  });

  it('reads a reporter token only when well formed', () => {
    expect(reporterTokenOf(REPORTER)).toBe(REPORTER);
    expect(reporterTokenOf(PARTICIPANT)).toBeNull();
  });

  it('tries the participant link first, then the reporter link', () => {
    expect(storedLinkHeaders(JSON.stringify({ caseId: null, token: PARTICIPANT }), REPORTER)).toEqual([
      { 'x-participant-token': PARTICIPANT },
      { 'x-reporter-token': REPORTER },
    ]);
    expect(storedLinkHeaders(null, null)).toEqual([]);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  caseIdFromText,
  caseLinkFromFragment,
  forgetCaseLink,
  readStoredCaseLink,
  storeCaseLink,
} from './caseLink.ts';

const TOKEN = `cl_01jd8k2m3n4p5q6r7s8t9v0wxy.${'A'.repeat(40)}b_-`;
const CASE = 'case_01jd8k2m3n4p5q6r7s8t9v0wxy';

describe('case links', () => {
  it('reads the token, and the case id when the link carries it, from the fragment', () => {
    expect(caseLinkFromFragment(`#case=${CASE}&token=${TOKEN}`)).toEqual({ caseId: CASE, token: TOKEN });
    expect(caseLinkFromFragment(`#token=${TOKEN}`)).toEqual({ caseId: null, token: TOKEN });
  });

  it('refuses a fragment without a well-formed token', () => {
    expect(caseLinkFromFragment('')).toBeNull();
    expect(caseLinkFromFragment(`#case=${CASE}`)).toBeNull();
    expect(caseLinkFromFragment('#token=cl_short.secret')).toBeNull();
    expect(caseLinkFromFragment(`#token=vr_01jd8k2m3n4p5q6r7s8t9v0wxy.${'A'.repeat(43)}`)).toBeNull();
  });

  it('finds the case id in a mail subject or typed alone', () => {
    expect(caseIdFromText(`[${CASE}] You are invited to a case`)).toBe(CASE);
    expect(caseIdFromText(`  ${CASE.toUpperCase()} `)).toBe(CASE);
    expect(caseIdFromText('case_123')).toBeNull();
    expect(caseIdFromText('')).toBeNull();
  });

  describe('in the tab', () => {
    const store = new Map<string, string>();
    const globals = globalThis as { window?: unknown };
    beforeEach(() => {
      store.clear();
      globals.window = {
        sessionStorage: {
          getItem: (key: string) => store.get(key) ?? null,
          setItem: (key: string, value: string) => store.set(key, value),
          removeItem: (key: string) => store.delete(key),
        },
      };
    });
    afterEach(() => {
      delete globals.window;
    });

    it('keeps the link until it is forgotten', () => {
      expect(readStoredCaseLink()).toBeNull();
      storeCaseLink({ caseId: CASE, token: TOKEN });
      expect(readStoredCaseLink()).toEqual({ caseId: CASE, token: TOKEN });
      forgetCaseLink();
      expect(readStoredCaseLink()).toBeNull();
    });

    it('ignores what another page left under its key', () => {
      store.set('commonground.caseLink', '{"token":"nonsense"}');
      expect(readStoredCaseLink()).toBeNull();
      store.set('commonground.caseLink', 'not json');
      expect(readStoredCaseLink()).toBeNull();
    });

    it('carries on without storage when the browser refuses it', () => {
      delete globals.window;
      expect(() => storeCaseLink({ caseId: CASE, token: TOKEN })).not.toThrow();
      expect(readStoredCaseLink()).toBeNull();
    });
  });
});

import { describe, expect, it } from 'vitest';
import {
  CWE_CATALOGUE_VERSION,
  cweName,
  InvalidCweIdError,
  isDeprecatedCwe,
  isKnownCwe,
  normaliseCweId,
} from './cwe.ts';
import catalogue from './data/cwe/weaknesses.json' with { type: 'json' };

describe('normaliseCweId', () => {
  it.each([
    ['CWE-79', 'CWE-79'],
    ['cwe-79', 'CWE-79'],
    ['79', 'CWE-79'],
    [' CWE-079 ', 'CWE-79'],
    ['Cwe-1426', 'CWE-1426'],
    [787, 'CWE-787'],
    // Not in the shipped catalogue, but well-formed: the list grows.
    ['CWE-99999', 'CWE-99999'],
  ])('%j becomes %s', (input, expected) => {
    expect(normaliseCweId(input)).toBe(expected);
  });

  it.each([
    '',
    'CWE-',
    'CWE-0',
    '0',
    'CWE79',
    'CWE 79',
    'CWE-79a',
    'CVE-2021-44228',
    'NVD-CWE-noinfo',
    'NVD-CWE-Other',
    '-79',
    '7.9',
    'CWE-12345678',
  ])('refuses %j', (input) => {
    expect(() => normaliseCweId(input)).toThrow(InvalidCweIdError);
  });

  it('refuses what is not a string or a whole number, with a readable message', () => {
    for (const input of [null, undefined, 7.9, {}, Number.NaN]) {
      expect(() => normaliseCweId(input as unknown as string)).toThrow(InvalidCweIdError);
    }
    try {
      normaliseCweId('NVD-CWE-noinfo');
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidCweIdError);
      expect((error as InvalidCweIdError).input).toBe('NVD-CWE-noinfo');
      expect((error as Error).message).toBe(
        '"NVD-CWE-noinfo" is not a CWE identifier; write it as CWE-79 or 79.',
      );
    }
  });
});

describe('the CWE catalogue', () => {
  it('is CWE 4.15 with its weaknesses, deprecated ones apart', () => {
    expect(CWE_CATALOGUE_VERSION).toBe('4.15');
    expect(Object.keys(catalogue.weaknesses)).toHaveLength(939);
    expect(catalogue.deprecated).toHaveLength(25);
  });

  // Names as MITRE publishes them for entries of the 2024 CWE Top 25.
  it.each([
    ['CWE-79', "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')"],
    ['CWE-787', 'Out-of-bounds Write'],
    ['CWE-89', "Improper Neutralization of Special Elements used in an SQL Command ('SQL Injection')"],
    ['CWE-352', 'Cross-Site Request Forgery (CSRF)'],
    ['CWE-22', "Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal')"],
    ['CWE-416', 'Use After Free'],
    ['CWE-862', 'Missing Authorization'],
    ['CWE-20', 'Improper Input Validation'],
  ])('names %s', (id, name) => {
    expect(cweName(id)).toBe(name);
    expect(isKnownCwe(id)).toBe(true);
    expect(isDeprecatedCwe(id)).toBe(false);
  });

  it('accepts the same spellings as normaliseCweId', () => {
    expect(cweName('cwe-416')).toBe('Use After Free');
    expect(cweName('416')).toBe('Use After Free');
  });

  it('knows no name for unknown, deprecated or malformed identifiers', () => {
    for (const id of ['CWE-99999', 'CWE-1', 'NVD-CWE-Other', '', 'CWE-0']) {
      expect(cweName(id)).toBeUndefined();
      expect(isKnownCwe(id)).toBe(false);
    }
    expect(cweName(undefined as unknown as string)).toBeUndefined();
  });

  it('tells deprecated weaknesses apart', () => {
    expect(isDeprecatedCwe('CWE-71')).toBe(true);
    expect(isKnownCwe('CWE-71')).toBe(false);
    expect(cweName('CWE-71')).toBeUndefined();
    expect(isDeprecatedCwe('CWE-99999')).toBe(false);
  });
});

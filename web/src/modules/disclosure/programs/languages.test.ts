import { describe, expect, it } from 'vitest';
import { canonicalLanguageTag, linesOf, parseLanguageTags } from './languages.ts';

describe('canonicalLanguageTag', () => {
  it('canonicalizes tags and refuses what names no language', () => {
    expect(canonicalLanguageTag(' EN-us ')).toBe('en-US');
    expect(canonicalLanguageTag('zh-hant')).toBe('zh-Hant');
    expect(canonicalLanguageTag('english')).toBeNull();
    expect(canonicalLanguageTag('x-private')).toBeNull();
    expect(canonicalLanguageTag('en_US')).toBeNull();
    expect(canonicalLanguageTag('')).toBeNull();
  });
});

describe('parseLanguageTags', () => {
  it('splits on commas and spaces, drops duplicates, and returns the refused parts as typed', () => {
    expect(parseLanguageTags('de, pt-br  sw;DE, klingon')).toEqual({
      tags: ['de', 'pt-BR', 'sw'],
      invalid: ['klingon'],
    });
  });
});

describe('linesOf', () => {
  it('keeps non-empty trimmed lines', () => {
    expect(linesOf('  a.example \r\n\n b.example\n   \n')).toEqual(['a.example', 'b.example']);
  });
});

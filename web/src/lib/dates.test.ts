import { describe, expect, it } from 'vitest';
import { formattingLocale } from './dates.tsx';

describe('formattingLocale', () => {
  it("uses the browser's regional variant of the UI language", () => {
    expect(formattingLocale('en', ['en-GB', 'fr-FR'])).toBe('en-GB');
    expect(formattingLocale('fr', ['en-GB', 'fr-CA'])).toBe('fr-CA');
  });

  it('falls back to the UI language when the browser prefers other languages', () => {
    expect(formattingLocale('ar', ['en-GB'])).toBe('ar');
  });
});

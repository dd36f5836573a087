import { describe, expect, it } from 'vitest';
import { directionOf, matchLanguage, pickInitialLanguage } from './languages.ts';

describe('matchLanguage', () => {
  it('reduces a BCP 47 tag to a supported primary language', () => {
    expect(matchLanguage('fr-CA')).toBe('fr');
    expect(matchLanguage('zh-Hant-TW')).toBe('zh');
    expect(matchLanguage('AR')).toBe('ar');
    expect(matchLanguage('de-DE')).toBeUndefined();
    expect(matchLanguage(null)).toBeUndefined();
  });
});

describe('pickInitialLanguage', () => {
  it('prefers the stored choice, then the first supported browser language, then English', () => {
    expect(pickInitialLanguage('ru', ['fr-FR'])).toBe('ru');
    expect(pickInitialLanguage(null, ['de-DE', 'es-MX', 'fr'])).toBe('es');
    expect(pickInitialLanguage('xx', ['de'])).toBe('en');
  });
});

describe('directionOf', () => {
  it('is right-to-left for Arabic only', () => {
    expect(directionOf('ar')).toBe('rtl');
    expect(directionOf('zh')).toBe('ltr');
  });
});

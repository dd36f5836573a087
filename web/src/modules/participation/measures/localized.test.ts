import { describe, expect, it } from 'vitest';
import { calendarFormatters } from './calendar.ts';
import { pickText } from './localized.tsx';

describe('pickText', () => {
  const seeded = { en: 'Work together', fr: 'Coopérer', ar: 'التعاون' };

  it("shows the interface's language when the text has it", () => {
    expect(pickText(seeded, 'fr')).toEqual({ text: 'Coopérer', language: 'fr', isForeign: false });
    expect(pickText(seeded, 'ar')).toEqual({ text: 'التعاون', language: 'ar', isForeign: false });
  });

  it('falls back to English, marked as another language', () => {
    expect(pickText(seeded, 'zh')).toEqual({ text: 'Work together', language: 'en', isForeign: true });
  });

  it('falls back to whatever language a community measure was proposed in', () => {
    expect(pickText({ es: 'Ejercicios' }, 'ru')).toEqual({
      text: 'Ejercicios',
      language: 'es',
      isForeign: true,
    });
  });

  it('matches regional variants and skips empty texts', () => {
    expect(pickText({ 'fr-CA': 'Bonjour', en: 'Hello' }, 'fr').language).toBe('fr-CA');
    expect(pickText({ fr: ' ', en: 'Hello' }, 'fr')).toEqual({
      text: 'Hello',
      language: 'en',
      isForeign: true,
    });
  });

  it('gives an empty text when there is none', () => {
    expect(pickText({}, 'en').text).toBe('');
  });
});

describe('calendarFormatters', () => {
  const { formatCalendarDate, formatShortMonth } = calendarFormatters('en-GB');

  it('keeps a calendar date on its day, whatever the time zone', () => {
    expect(formatCalendarDate('2016-03-10')).toBe('10 March 2016');
    expect(formatCalendarDate('2013-01-01')).toBe('1 January 2013');
  });

  it('shows only the precision the value has', () => {
    expect(formatCalendarDate('2018')).toBe('2018');
    expect(formatCalendarDate('2026-03')).toBe('March 2026');
    expect(formatShortMonth('2026-03')).toBe('Mar 26');
  });

  it('returns anything else as written', () => {
    expect(formatCalendarDate('spring 2019')).toBe('spring 2019');
  });
});

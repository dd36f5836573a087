import { describe, expect, it } from 'vitest';
import measures from './measures.json' with { type: 'json' };
import norms from './norms.json' with { type: 'json' };

const UN_LANGUAGES = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const;
type Translations = Record<(typeof UN_LANGUAGES)[number], string>;

const NORM_CODES = ['13a', '13b', '13c', '13d', '13e', '13f', '13g', '13h', '13i', '13j', '13k'];
const MAX_SUMMARY_LENGTH = 400;

// Script checks catch a language slot filled with the wrong language (e.g. English left in `ar`).
const SCRIPT_BY_LANGUAGE: Partial<Record<keyof Translations, RegExp>> = {
  ar: /\p{Script=Arabic}/u,
  zh: /\p{Script=Han}/u,
  ru: /\p{Script=Cyrillic}/u,
};

interface TranslatedEntry {
  id: string;
  title: Translations;
  summary: Translations;
}

const translatedEntries: TranslatedEntry[] = [
  ...norms.map((norm) => ({ id: norm.code, title: norm.title, summary: norm.summary })),
  ...measures.map((measure) => ({ id: measure.key, title: measure.title, summary: measure.summary })),
];

function findNumbersOf(source: string): (number | null)[] {
  return measures.filter((measure) => measure.source === source).map((measure) => measure.number);
}

function oneToN(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index + 1);
}

describe('UN norms reference data', () => {
  it('lists the eleven norms 13(a) to 13(k) in order', () => {
    expect(norms.map((norm) => norm.code)).toEqual(NORM_CODES);
  });

  it('labels and cites each norm by its paragraph of A/70/174', () => {
    for (const norm of norms) {
      const letter = norm.code.slice(2);
      expect(norm.label).toBe(`13(${letter})`);
      expect(norm.citation).toBe(`A/70/174, para. 13(${letter})`);
      expect(norm.guidance).toBe('A/76/135');
    }
  });
});

describe('confidence-building measures reference data', () => {
  it('holds the 16 OSCE measures numbered 1 to 16', () => {
    expect(findNumbersOf('osce')).toEqual(oneToN(16));
  });

  it('holds the 6 OAS measures numbered 1 to 6', () => {
    expect(findNumbersOf('oas')).toEqual(oneToN(6));
  });

  it('holds UN-level measures without a number', () => {
    const unNumbers = findNumbersOf('un');
    expect(unNumbers.length).toBeGreaterThan(0);
    expect(unNumbers.every((number) => number === null)).toBe(true);
  });

  it('uses only known sources', () => {
    for (const measure of measures) expect(['osce', 'oas', 'un']).toContain(measure.source);
  });

  it('has unique keys', () => {
    const keys = measures.map((measure) => measure.key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('links every measure to one to three existing norms', () => {
    for (const measure of measures) {
      expect(measure.norms.length, measure.key).toBeGreaterThanOrEqual(1);
      expect(measure.norms.length, measure.key).toBeLessThanOrEqual(3);
      for (const code of measure.norms) expect(NORM_CODES, measure.key).toContain(code);
    }
  });

  it('cites every measure and dates it as an ISO date or a year', () => {
    for (const measure of measures) {
      expect(measure.citation.trim(), measure.key).not.toBe('');
      expect(measure.adopted, measure.key).toMatch(/^\d{4}(-\d{2}-\d{2})?$/);
    }
  });

  it('dates the OSCE measures by the decision that adopted them', () => {
    for (const measure of measures.filter((entry) => entry.source === 'osce')) {
      const isInitialSet = (measure.number ?? 0) <= 11;
      expect(measure.citation).toContain(isInitialSet ? 'PC.DEC/1106' : 'PC.DEC/1202');
      expect(measure.adopted).toBe(isInitialSet ? '2013-12-03' : '2016-03-10');
    }
  });
});

describe('translations of titles and summaries', () => {
  it('fills every title and summary in all six UN languages', () => {
    for (const entry of translatedEntries) {
      for (const language of UN_LANGUAGES) {
        expect(entry.title[language]?.trim(), `${entry.id} title ${language}`).toBeTruthy();
        expect(entry.summary[language]?.trim(), `${entry.id} summary ${language}`).toBeTruthy();
      }
    }
  });

  it(`keeps summaries within ${MAX_SUMMARY_LENGTH} characters`, () => {
    for (const entry of translatedEntries) {
      for (const language of UN_LANGUAGES) {
        expect(entry.summary[language].length, `${entry.id} summary ${language}`).toBeLessThanOrEqual(
          MAX_SUMMARY_LENGTH,
        );
      }
    }
  });

  it('writes Arabic, Chinese and Russian in their own scripts', () => {
    for (const entry of translatedEntries) {
      for (const [language, script] of Object.entries(SCRIPT_BY_LANGUAGE)) {
        const key = language as keyof Translations;
        expect(entry.title[key], `${entry.id} title ${language}`).toMatch(script);
        expect(entry.summary[key], `${entry.id} summary ${language}`).toMatch(script);
      }
    }
  });
});

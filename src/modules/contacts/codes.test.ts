import { describe, expect, it } from 'vitest';
import { UN_LANGUAGE_CODES } from '../../core/reference/languages.ts';
import {
  POC_ROLE_ENTRIES,
  POC_ROLES,
  POC_SERVICE_ENTRIES,
  POC_SERVICES,
  pocRoleLabel,
  pocServiceDescription,
  pocServiceLabel,
} from './codes.ts';
import codes from './data/codes.json' with { type: 'json' };

// A language slot filled with another language (English left in `ar`) fails the script check.
const SCRIPT: Partial<Record<string, RegExp>> = {
  ar: /\p{Script=Arabic}/u,
  zh: /\p{Script=Han}/u,
  ru: /\p{Script=Cyrillic}/u,
};

function expectSixLanguages(texts: Record<string, string>): void {
  expect(Object.keys(texts).sort()).toEqual([...UN_LANGUAGE_CODES].sort());
  for (const language of UN_LANGUAGE_CODES) {
    expect(texts[language]?.trim(), language).toBeTruthy();
    const script = SCRIPT[language];
    if (script) expect(texts[language], language).toMatch(script);
  }
}

function expectDistinctLabels(entries: readonly { labels: Record<string, string> }[]): void {
  for (const language of UN_LANGUAGE_CODES) {
    const labels = entries.map((entry) => entry.labels[language]);
    expect(new Set(labels).size, language).toBe(labels.length);
  }
}

describe('contacts code lists', () => {
  it('lists in the JSON exactly the exported roles and services, in the same order', () => {
    expect(codes.pocRoles.map((entry) => entry.code)).toEqual([...POC_ROLES]);
    expect(codes.pocServices.map((entry) => entry.code)).toEqual([...POC_SERVICES]);
  });

  it('labels every role in the six UN languages, each label distinct', () => {
    for (const entry of POC_ROLE_ENTRIES) expectSixLanguages(entry.labels);
    expectDistinctLabels(POC_ROLE_ENTRIES);
  });

  it('labels and describes every service in one sentence in the six UN languages', () => {
    for (const entry of POC_SERVICE_ENTRIES) {
      expectSixLanguages(entry.labels);
      expectSixLanguages(entry.descriptions);
      for (const language of UN_LANGUAGE_CODES) expect(entry.descriptions[language]).toMatch(/[.。]$/);
    }
    expectDistinctLabels(POC_SERVICE_ENTRIES);
  });

  it('gives the label and description in the language asked for', () => {
    expect(pocRoleLabel('technical', 'en')).toBe('Technical point of contact');
    expect(pocRoleLabel('diplomatic', 'zh')).toBe('外交联络点');
    expect(pocServiceLabel('forensics', 'fr')).toBe('Investigation numérique');
    expect(pocServiceLabel('capacity_building', 'es')).toBe('Creación de capacidad');
    expect(pocServiceDescription('legal_cooperation', 'en')).toContain('mutual legal assistance');
  });

  it('falls back to English where a label is missing', () => {
    const entry = codes.pocServices.find((service) => service.code === 'forensics');
    if (!entry) throw new Error('forensics is missing');
    const labels: Partial<Record<string, string>> = entry.labels;
    const russian = labels.ru;
    try {
      delete labels.ru;
      expect(pocServiceLabel('forensics', 'ru')).toBe('Digital forensics');
      labels.ru = '';
      expect(pocServiceLabel('forensics', 'ru')).toBe('Digital forensics');
    } finally {
      labels.ru = russian;
    }
    expect(pocServiceLabel('forensics', 'ru')).toBe(russian);
  });
});

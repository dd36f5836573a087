import { describe, expect, it } from 'vitest';
import { UN_LANGUAGE_CODES } from '../../core/reference/languages.ts';
import { POC_SERVICES } from '../contacts/codes.ts';
import {
  ASSISTANCE_CODES,
  type AssistanceCodeList,
  assistanceEntries,
  DECISIONS,
  decisionLabel,
  IMPACT_LEVELS,
  INCIDENT_STATUSES,
  impactLevelDescription,
  impactLevelLabel,
  incidentStatusLabel,
  isAssistanceCode,
  MESSAGE_TYPES,
  messageTypeLabel,
  REQUEST_STATUSES,
  requestStatusLabel,
  URGENCIES,
  urgencyDescription,
  urgencyLabel,
} from './codes.ts';
import codes from './data/codes.json' with { type: 'json' };

const SCRIPT: Partial<Record<string, RegExp>> = {
  ar: /\p{Script=Arabic}/u,
  zh: /\p{Script=Han}/u,
  ru: /\p{Script=Cyrillic}/u,
};

function expectSixLanguages(texts: Record<string, string> | undefined): void {
  expect(texts).toBeDefined();
  expect(Object.keys(texts ?? {}).sort()).toEqual([...UN_LANGUAGE_CODES].sort());
  for (const language of UN_LANGUAGE_CODES) {
    expect(texts?.[language]?.trim(), language).toBeTruthy();
    const script = SCRIPT[language];
    if (script) expect(texts?.[language], language).toMatch(script);
  }
}

const LISTS = Object.keys(ASSISTANCE_CODES) as AssistanceCodeList[];
const DESCRIBED: readonly AssistanceCodeList[] = ['impactLevels', 'urgencies'];

describe('assistance code lists', () => {
  it('has in the JSON exactly the exported lists', () => {
    expect(Object.keys(codes).sort()).toEqual([...LISTS].sort());
    expect(ASSISTANCE_CODES).toEqual({
      messageTypes: MESSAGE_TYPES,
      incidentStatuses: INCIDENT_STATUSES,
      impactLevels: IMPACT_LEVELS,
      urgencies: URGENCIES,
      requestStatuses: REQUEST_STATUSES,
      decisions: DECISIONS,
    });
  });

  it.each(LISTS)('lists in the JSON exactly the exported %s, in the same order', (list) => {
    expect(codes[list].map((entry) => entry.code)).toEqual([...ASSISTANCE_CODES[list]]);
  });

  it.each(LISTS)('labels every one of %s in the six UN languages, each label distinct', (list) => {
    const entries = assistanceEntries(list);
    for (const entry of entries) expectSixLanguages(entry.labels);
    for (const language of UN_LANGUAGE_CODES) {
      const labels = entries.map((entry) => entry.labels[language]);
      expect(new Set(labels).size, language).toBe(labels.length);
    }
  });

  it.each(DESCRIBED)('describes every one of %s in one sentence in the six UN languages', (list) => {
    for (const entry of assistanceEntries(list)) {
      expectSixLanguages(entry.descriptions);
      for (const language of UN_LANGUAGE_CODES) expect(entry.descriptions?.[language]).toMatch(/[.。]$/);
    }
  });

  it('makes every decision a recipient status', () => {
    for (const decision of DECISIONS) expect(REQUEST_STATUSES).toContain(decision);
  });

  it('does not repeat the services list that says what assistance is requested', () => {
    for (const list of LISTS) {
      for (const code of ASSISTANCE_CODES[list])
        expect(POC_SERVICES as readonly string[]).not.toContain(code);
    }
  });

  it('gives labels and descriptions in the language asked for', () => {
    expect(messageTypeLabel('request_for_assistance', 'fr')).toBe('Demande d’assistance');
    expect(incidentStatusLabel('contained', 'zh')).toBe('已遏制');
    expect(impactLevelLabel('critical', 'es')).toBe('Crítico');
    expect(impactLevelDescription('unknown', 'en')).toBe('The impact cannot be assessed yet.');
    expect(urgencyLabel('immediate', 'ru')).toBe('Немедленная');
    expect(urgencyDescription('routine', 'en')).toContain('working days');
    expect(requestStatusLabel('more_info_needed', 'en')).toBe('More information needed');
    expect(decisionLabel('accepted', 'en')).toBe('Accept');
    expect(requestStatusLabel('accepted', 'en')).toBe('Accepted');
  });

  it('has no description for lists that carry none', () => {
    expect(codes.messageTypes.some((entry) => 'descriptions' in entry)).toBe(false);
  });

  it('falls back to English where a label or description is missing', () => {
    const entry = codes.urgencies.find((urgency) => urgency.code === 'priority');
    if (!entry) throw new Error('priority is missing');
    const labels: Partial<Record<string, string>> = entry.labels;
    const descriptions: Partial<Record<string, string>> = entry.descriptions;
    const [arabicLabel, arabicDescription] = [labels.ar, descriptions.ar];
    try {
      delete labels.ar;
      delete descriptions.ar;
      expect(urgencyLabel('priority', 'ar')).toBe('Priority');
      expect(urgencyDescription('priority', 'ar')).toBe(descriptions.en);
    } finally {
      labels.ar = arabicLabel;
      descriptions.ar = arabicDescription;
    }
    expect(urgencyLabel('priority', 'ar')).toBe(arabicLabel);
  });

  it('recognizes the codes of a list and nothing else', () => {
    expect(isAssistanceCode('urgencies', 'immediate')).toBe(true);
    expect(isAssistanceCode('urgencies', 'critical')).toBe(false);
    expect(isAssistanceCode('decisions', 'sent')).toBe(false);
    expect(isAssistanceCode('requestStatuses', 'sent')).toBe(true);
    expect(isAssistanceCode('messageTypes', 42)).toBe(false);
  });
});

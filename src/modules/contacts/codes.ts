import type { LocalizedText, UnLanguageCode } from '../../core/reference/languages.ts';
import codes from './data/codes.json' with { type: 'json' };

/** The three kinds of national point of contact a State names (diplomatic, policy, technical). */
export const POC_ROLES = ['diplomatic', 'policy', 'technical'] as const;
export type PocRole = (typeof POC_ROLES)[number];

/**
 * What a point of contact offers, in the manner of an RFC 2350 "services" section. Requests for
 * assistance tick the same list to say what they ask for.
 */
export const POC_SERVICES = [
  'incident_coordination',
  'incident_response',
  'forensics',
  'malware_analysis',
  'vulnerability_coordination',
  'threat_intelligence',
  'mitigation_advice',
  'network_monitoring',
  'abuse_and_takedown',
  'legal_cooperation',
  'law_enforcement_liaison',
  'crisis_communication',
  'capacity_building',
] as const;
export type PocService = (typeof POC_SERVICES)[number];

export interface PocRoleEntry {
  code: PocRole;
  labels: LocalizedText;
}

export interface PocServiceEntry {
  code: PocService;
  labels: LocalizedText;
  descriptions: LocalizedText;
}

/** The roles with their labels in the six UN languages (data/codes.json, shared with the web app). */
export const POC_ROLE_ENTRIES: readonly PocRoleEntry[] = Object.freeze(codes.pocRoles as PocRoleEntry[]);
/** The services with labels and one-sentence descriptions in the six UN languages. */
export const POC_SERVICE_ENTRIES: readonly PocServiceEntry[] = Object.freeze(
  codes.pocServices as PocServiceEntry[],
);

const ROLES = new Map<string, PocRoleEntry>(POC_ROLE_ENTRIES.map((entry) => [entry.code, entry]));
const SERVICES = new Map<string, PocServiceEntry>(POC_SERVICE_ENTRIES.map((entry) => [entry.code, entry]));

/** The text in `language`, else in English, else `fallback`. */
function inLanguage(texts: Partial<LocalizedText> | undefined, language: UnLanguageCode, fallback: string) {
  return texts?.[language] || texts?.en || fallback;
}

export function isPocRole(value: unknown): value is PocRole {
  return typeof value === 'string' && (POC_ROLES as readonly string[]).includes(value);
}

export function isPocService(value: unknown): value is PocService {
  return typeof value === 'string' && (POC_SERVICES as readonly string[]).includes(value);
}

export function pocRoleLabel(code: PocRole, language: UnLanguageCode): string {
  return inLanguage(ROLES.get(code)?.labels, language, code);
}

export function pocServiceLabel(code: PocService, language: UnLanguageCode): string {
  return inLanguage(SERVICES.get(code)?.labels, language, code);
}

export function pocServiceDescription(code: PocService, language: UnLanguageCode): string {
  return inLanguage(SERVICES.get(code)?.descriptions, language, '');
}

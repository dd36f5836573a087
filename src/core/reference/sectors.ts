import sectorsData from './data/sectors.json' with { type: 'json' };
import type { LocalizedText, UnLanguageCode } from './languages.ts';

/**
 * Critical-infrastructure sectors an organization, a point of contact or an incident can concern.
 * After the sector lists of the EU NIS2 Directive's annexes and UN norm 13(f), with elections and
 * humanitarian organizations added; the labels (data/sectors.json) are our own.
 */
export const SECTOR_CODES = [
  'energy',
  'transport',
  'banking',
  'financial_market_infrastructure',
  'health',
  'drinking_water',
  'waste_water',
  'digital_infrastructure',
  'ict_service_management',
  'telecommunications',
  'public_administration',
  'space',
  'postal_and_courier',
  'waste_management',
  'chemicals',
  'food',
  'manufacturing',
  'digital_providers',
  'research',
  'emergency_services',
  'elections',
  'humanitarian',
  'other',
] as const;
export type SectorCode = (typeof SECTOR_CODES)[number];

export interface Sector {
  code: SectorCode;
  labels: LocalizedText;
}

/** Every sector with its labels in the six UN languages, in the order of data/sectors.json. */
export const SECTORS: readonly Sector[] = Object.freeze(sectorsData as Sector[]);

const LABELS_BY_CODE: ReadonlyMap<string, Partial<LocalizedText>> = new Map(
  SECTORS.map((sector) => [sector.code, sector.labels]),
);

export function isSectorCode(value: unknown): value is SectorCode {
  return typeof value === 'string' && (SECTOR_CODES as readonly string[]).includes(value);
}

/** The sector's label in `language`, in English where that label is missing, or the code itself if unknown. */
export function sectorLabel(code: SectorCode, language: UnLanguageCode): string {
  const labels = LABELS_BY_CODE.get(code);
  return labels?.[language] || labels?.en || code;
}

import measures from './data/measures.json' with { type: 'json' };
import norms from './data/norms.json' with { type: 'json' };

export type LocalizedText = Record<string, string>;

export interface Norm {
  code: string;
  label: string;
  title: LocalizedText;
  summary: LocalizedText;
  citation: string;
  guidance: string;
}

export interface SeedMeasure {
  key: string;
  source: string;
  number: number | null;
  title: LocalizedText;
  summary: LocalizedText;
  citation: string;
  adopted: string;
  norms: string[];
}

/** The UN norms 13(a)–(k), in our own words; the cited reports are the authoritative texts. */
export const NORMS: readonly Norm[] = norms;
export const NORM_CODES = new Set(NORMS.map((norm) => norm.code));
/** The OSCE's 16, the OAS's 6 and the UN-level measures the repository starts with. */
export const SEED_MEASURES: readonly SeedMeasure[] = measures;

import type { paths } from '../../../api/schema.d.ts';

type JsonOf<P extends keyof paths, M extends 'get' | 'post' | 'put', S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

type ItemOf<T> = T extends { items: (infer I)[] } ? I : never;

export type Norm = ItemOf<JsonOf<'/api/v1/participation/norms', 'get', 200>>;
export type MeasureSummary = ItemOf<JsonOf<'/api/v1/participation/measures', 'get', 200>>;
export type Measure = JsonOf<'/api/v1/participation/measures/{id}', 'get', 200>;
export type Implementation = Measure['implementations'][number];
export type Proposal = ItemOf<JsonOf<'/api/v1/participation/measure-proposals', 'get', 200>>;

export type MeasureSource = MeasureSummary['source'];
export type ImplementationStatus = Implementation['status'];
export type ProposalKind = Proposal['kind'];
export type ProposalStatus = Proposal['status'];
/** A text keyed by BCP 47 language, as measures and norms carry their titles and summaries. */
export type LocalizedText = Record<string, string>;

export const MEASURE_SOURCES: readonly MeasureSource[] = ['osce', 'oas', 'un', 'community'];
export const IMPLEMENTATION_STATUSES: readonly ImplementationStatus[] = [
  'implemented',
  'in_progress',
  'planned',
];
export const PROPOSAL_KINDS: readonly ProposalKind[] = ['measure', 'example', 'forum'];
export const NORM_CODES = [
  '13a',
  '13b',
  '13c',
  '13d',
  '13e',
  '13f',
  '13g',
  '13h',
  '13i',
  '13j',
  '13k',
] as const;

export const isMeasureSource = (value: string): value is MeasureSource =>
  (MEASURE_SOURCES as readonly string[]).includes(value);
export const isProposalKind = (value: string): value is ProposalKind =>
  (PROPOSAL_KINDS as readonly string[]).includes(value);
export const isNormCode = (value: string): boolean => (NORM_CODES as readonly string[]).includes(value);

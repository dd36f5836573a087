import type { paths } from '../../../api/schema.d.ts';

type Statistics200 = paths['/api/v1/disclosure-programs/{id}/statistics']['get']['responses'][200];

/** A program's public transparency figures, aggregates only. */
export type ProgramStatistics = Statistics200['content']['application/json'];
export type EquitiesPeriod = ProgramStatistics['equities'][number];
export type RecordEquitiesBody =
  paths['/api/v1/disclosure-programs/{id}/equities']['put']['requestBody']['content']['application/json'];

/** SSVC coordinator triage outcomes (CERT/CC), in the table's order: Decline, Track, Coordinate. */
export const TRIAGE_OUTCOMES = ['D', 'T', 'C'] as const;

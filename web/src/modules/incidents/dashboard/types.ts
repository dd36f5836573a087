import type { paths } from '../../../api/schema.d.ts';

// Shapes of the statistics API, derived from the generated client so they follow the server's schemas.

type StatisticsRoute = paths['/api/v1/incidents/statistics']['get'];

export type StatisticsQuery = NonNullable<StatisticsRoute['parameters']['query']>;
export type Statistics = StatisticsRoute['responses'][200]['content']['application/json'];
export type HarmTotals = Statistics['harm'];
export type TimeToAttribution = Statistics['timeToAttribution'];
export type SeriesPoint = Statistics['series'][number];
export type ActorCount = Statistics['byActor'][number];

import { type Static, Type } from 'typebox';
import { SECTOR_CODES } from '../../../core/reference/sectors.ts';
import { INCIDENT_TYPES, NORM_CODES } from '../catalog.ts';
import { CalendarDate } from '../incidents.schemas.ts';
import { SERIES_DIMENSIONS } from './stats-index.ts';

const Counts = Type.Record(Type.String(), Type.Number());

export const StatisticsQuery = Type.Object({
  type: Type.Optional(Type.Enum(INCIDENT_TYPES)),
  sector: Type.Optional(Type.Enum(SECTOR_CODES)),
  country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
  region: Type.Optional(
    Type.String({ pattern: '^[0-9]{3}$', description: 'A UN M49 region code, e.g. 002 (Africa).' }),
  ),
  norm: Type.Optional(Type.Enum(NORM_CODES)),
  actor: Type.Optional(Type.String({ maxLength: 64, description: 'An actor id (act_…).' })),
  orgId: Type.Optional(
    Type.String({ maxLength: 64, description: 'Only the records kept by this organization.' }),
  ),
  from: Type.Optional({
    ...CalendarDate,
    description: 'YYYY-MM-DD; counted by the month of the start date, from this month on.',
  }),
  to: Type.Optional({
    ...CalendarDate,
    description: 'YYYY-MM-DD; counted by the month of the start date, up to this month.',
  }),
  interval: Type.Optional(Type.Enum(['month', 'year'], { default: 'month' })),
  series: Type.Optional(
    Type.Enum(SERIES_DIMENSIONS, {
      default: 'none',
      description: 'Break each period of the time series down by this dimension.',
    }),
  ),
});
export type StatisticsQuery = Static<typeof StatisticsQuery>;

export const StatisticsOut = Type.Object({
  total: Type.Integer({ description: 'Published incidents you may read that the filters select.' }),
  byType: Counts,
  bySector: Counts,
  byCountry: Counts,
  byRegion: Counts,
  byNorm: Counts,
  byActor: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), count: Type.Integer() }), {
    description: 'The 100 actors with the most attributed incidents.',
  }),
  byIntensity: Type.Array(Type.Integer(), { description: 'Incidents per intensity score, 0 to 10.' }),
  undated: Type.Integer({ description: 'Incidents without a start date, left out of the time series.' }),
  series: Type.Array(Type.Object({ period: Type.String(), total: Type.Integer(), values: Counts })),
  timeToAttribution: Type.Object({
    attributed: Type.Integer(),
    medianDays: Type.Union([Type.Integer(), Type.Null()]),
    p25Days: Type.Union([Type.Integer(), Type.Null()]),
    p75Days: Type.Union([Type.Integer(), Type.Null()]),
    buckets: Counts,
  }),
  harm: Type.Object({
    hospitalServicesDisrupted: Type.Number(),
    patientsRedirected: Type.Number(),
    peopleDataLeaked: Type.Number(),
    essentialServicesLost: Type.Number(),
    recordsExposed: Type.Number(),
    economicLossUsd: Type.Number(),
    incidentsWithHarmToPeople: Type.Integer({
      description:
        'Incidents with hospital services disrupted, patients redirected or essential services lost.',
    }),
  }),
  generatedAt: Type.String(),
});

import { Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const Coverage = Type.Object({
  states: Type.Array(
    Type.Object({
      countryCode: Nullable(Type.String()),
      orgId: Type.String(),
      orgName: Type.String(),
      regionCode: Nullable(Type.String()),
      hasNominated: Type.Boolean({ description: 'The State has at least one entry in the directory.' }),
      roles: Type.Object({
        diplomatic: Type.Boolean(),
        policy: Type.Boolean(),
        technical: Type.Boolean(),
      }),
    }),
  ),
  regions: Type.Array(
    Type.Object({
      regionCode: Type.String({ description: 'UN M49 region code, e.g. `002` (Africa).' }),
      stateCount: Type.Integer({ description: 'Verified States of the region on the platform.' }),
      nominatedCount: Type.Integer({
        description: 'Of those, the States that have nominated at least one contact.',
      }),
    }),
  ),
  totals: Type.Object({ states: Type.Integer(), nominated: Type.Integer() }),
});

const Counts = {
  total: Type.Integer(),
  fresh: Type.Integer(),
  expiring: Type.Integer(),
  stale: Type.Integer(),
  medianDaysSinceConfirmation: Nullable(Type.Number({ description: 'Null when there are no entries.' })),
};

export const FreshnessStats = Type.Object({
  overall: Type.Object(Counts),
  regions: Type.Array(
    Type.Object({
      regionCode: Nullable(
        Type.String({ description: 'UN M49 region; null for organizations without a country.' }),
      ),
      ...Counts,
    }),
  ),
  medianDaysSinceConfirmation: Nullable(
    Type.Number({ description: 'Over all entries (the same as `overall.medianDaysSinceConfirmation`).' }),
  ),
});

import { Type } from 'typebox';
import { Nullable } from '../shared.schemas.ts';

const Bucket = Type.Object({
  key: Type.String({ description: 'Stakeholder kind, M49 region code, group id or month (YYYY-MM).' }),
  label: Type.String(),
  contributions: Type.Integer({ description: 'Comments, amendments and general comments in consultations.' }),
  statements: Type.Integer({ description: 'Published written contributions.' }),
  participants: Type.Integer({ description: 'Distinct organizations that contributed either way.' }),
  dispositioned: Type.Integer({ description: 'Contributions the chair has given a disposition.' }),
  incorporated: Type.Integer({ description: 'Incorporated, fully or in part.' }),
  incorporatedShare: Nullable(
    Type.Number({ description: 'incorporated / dispositioned; null when nothing is dispositioned.' }),
  ),
});

export const Statistics = Type.Object({
  processId: Nullable(Type.String()),
  generatedAt: Type.String(),
  totals: Bucket,
  byStakeholderKind: Type.Array(Bucket),
  byRegion: Type.Array(Bucket),
  byGroup: Type.Array(Bucket),
  byMonth: Type.Array(Bucket),
});

export const StatisticsQuery = Type.Object({
  processId: Type.Optional(Type.String({ maxLength: 80 })),
});

export const ContributorParams = Type.Object({ organizationId: Type.String({ maxLength: 80 }) });

export const Contributor = Type.Object({
  organization: Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: Type.String(),
    countryCode: Nullable(Type.String()),
    website: Nullable(Type.String()),
  }),
  accreditations: Type.Array(
    Type.Object({
      processId: Type.String(),
      processTitle: Type.String(),
      route: Type.String(),
      decidedAt: Nullable(Type.String()),
    }),
  ),
  totals: Bucket,
});

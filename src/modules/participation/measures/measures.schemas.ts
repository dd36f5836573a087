import { Type } from 'typebox';
import { pageOf } from '../../../core/http/pagination.ts';
import { Nullable, OrganizationRef } from '../shared.schemas.ts';

export const IMPLEMENTATION_STATUSES = ['planned', 'in_progress', 'implemented'] as const;
export const PROPOSAL_KINDS = ['measure', 'example', 'forum'] as const;
export const PROPOSAL_STATUSES = ['submitted', 'accepted', 'rejected'] as const;
export const MEASURE_SOURCES = ['osce', 'oas', 'un', 'community'] as const;

const Localized = Type.Record(Type.String(), Type.String(), {
  description: 'Text by BCP 47 language; seeded measures carry all six UN languages.',
});

export const Norm = Type.Object({
  code: Type.String(),
  label: Type.String(),
  title: Localized,
  summary: Localized,
  citation: Type.String(),
  guidance: Type.String(),
});
export const NormList = Type.Object({ items: Type.Array(Norm) });

export const MeasureSummary = Type.Object({
  id: Type.String(),
  key: Type.String(),
  source: Type.Enum(MEASURE_SOURCES),
  number: Nullable(Type.Integer()),
  title: Localized,
  summary: Localized,
  citation: Type.String(),
  adopted: Nullable(Type.String()),
  norms: Type.Array(Type.String()),
  implementationCounts: Type.Object({
    planned: Type.Integer(),
    in_progress: Type.Integer(),
    implemented: Type.Integer(),
  }),
});
export const MeasureList = Type.Object({ items: Type.Array(MeasureSummary) });

export const Implementation = Type.Object({
  state: OrganizationRef,
  status: Type.Enum(IMPLEMENTATION_STATUSES),
  note: Type.String(),
  updatedAt: Type.String(),
});

export const Proposal = Type.Object({
  id: Type.String(),
  kind: Type.Enum(PROPOSAL_KINDS),
  measureId: Nullable(Type.String()),
  organization: OrganizationRef,
  title: Type.String(),
  body: Type.String(),
  url: Nullable(Type.String()),
  norms: Type.Array(Type.String(), { description: 'The norms a proposed measure supports.' }),
  language: Type.String(),
  status: Type.Enum(PROPOSAL_STATUSES),
  moderationNote: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
export const ProposalList = pageOf(Proposal);

export const Measure = Type.Object({
  ...MeasureSummary.properties,
  proposedBy: Nullable(OrganizationRef),
  implementations: Type.Array(Implementation),
  examples: Type.Array(Proposal),
});

export const MeasureQuery = Type.Object({
  source: Type.Optional(Type.Enum(MEASURE_SOURCES)),
  norm: Type.Optional(Type.String({ pattern: '^13[a-k]$' })),
});

export const ReportImplementation = Type.Object(
  {
    organizationId: Type.String({ minLength: 1, maxLength: 80 }),
    status: Type.Enum(IMPLEMENTATION_STATUSES),
    note: Type.Optional(Type.String({ maxLength: 5_000 })),
  },
  { additionalProperties: false },
);

export const Propose = Type.Object(
  {
    organizationId: Type.String({ minLength: 1, maxLength: 80 }),
    kind: Type.Enum(PROPOSAL_KINDS),
    measureId: Type.Optional(
      Type.String({ minLength: 1, maxLength: 80, description: 'Required for an example.' }),
    ),
    title: Type.String({ minLength: 3, maxLength: 300 }),
    body: Type.String({ minLength: 10, maxLength: 10_000 }),
    url: Type.Optional(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 })),
    language: Type.String({ pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$', maxLength: 35 }),
    norms: Type.Optional(
      Type.Array(Type.String({ pattern: '^13[a-k]$' }), { maxItems: 11, uniqueItems: true }),
    ),
  },
  { additionalProperties: false },
);

export const ProposalQuery = Type.Object({
  status: Type.Optional(Type.Enum(PROPOSAL_STATUSES)),
  kind: Type.Optional(Type.Enum(PROPOSAL_KINDS)),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});

export const ModerateProposal = Type.Object(
  {
    decision: Type.Enum(['accept', 'reject'] as const),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 2_000 })),
  },
  { additionalProperties: false },
);

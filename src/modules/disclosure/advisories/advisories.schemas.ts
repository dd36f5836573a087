import { Type } from 'typebox';

export const ADVISORY_TLPS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;

const Reference = Type.Object(
  {
    url: Type.String({ minLength: 1, maxLength: 2_000, pattern: '^https?://' }),
    summary: Type.String({ minLength: 1, maxLength: 500 }),
  },
  { additionalProperties: false },
);

const RevisionFields = {
  title: Type.String({ minLength: 1, maxLength: 300 }),
  summary: Type.String({ minLength: 1, maxLength: 20_000 }),
  details: Type.String({ maxLength: 50_000 }),
  remediation: Type.String({ maxLength: 20_000 }),
  references: Type.Array(Reference, { maxItems: 50 }),
};

export const CreateAdvisory = Type.Object(
  {
    ...RevisionFields,
    tlp: Type.Optional(
      Type.Enum(ADVISORY_TLPS, {
        description:
          'CLEAR (default) advisories are public and in the CSAF provider directory; others stay with the case.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const ReviseAdvisory = Type.Object(
  {
    title: Type.Optional(RevisionFields.title),
    summary: Type.Optional(RevisionFields.summary),
    details: Type.Optional(RevisionFields.details),
    remediation: Type.Optional(RevisionFields.remediation),
    references: Type.Optional(RevisionFields.references),
    changeNote: Type.String({ minLength: 1, maxLength: 1_000, description: 'What this revision changes.' }),
  },
  { additionalProperties: false },
);

export const ReviewAdvisory = Type.Object(
  {
    decision: Type.Enum(['approve', 'request_changes'] as const),
    note: Type.Optional(Type.String({ maxLength: 5_000 })),
  },
  { additionalProperties: false },
);

export const CsafQuery = Type.Object(
  { profile: Type.Optional(Type.Enum(['security_advisory', 'vex'] as const)) },
  { additionalProperties: false },
);

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const Revision = Type.Object({
  number: Type.Integer(),
  title: Type.String(),
  summary: Type.String(),
  details: Type.String(),
  remediation: Type.String(),
  references: Type.Array(Type.Object({ url: Type.String(), summary: Type.String() })),
  changeNote: Type.String(),
  /** The coordinators' names and notes are for the coordinators; others get an empty author and nulls. */
  authorName: Type.String(),
  reviewStatus: Type.String(),
  reviewerName: Nullable(Type.String()),
  reviewNote: Nullable(Type.String()),
  reviewedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});

export const Advisory = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  trackingId: Type.String(),
  status: Type.String(),
  tlp: Type.String(),
  publisherName: Type.String(),
  publishOnEmbargoExit: Type.Boolean(),
  versions: Type.Array(Type.Object({ number: Type.String(), date: Type.String(), summary: Type.String() })),
  initialReleaseDate: Nullable(Type.String()),
  currentReleaseDate: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  /** The latest revision; the published text is the latest approved one once published. */
  current: Revision,
  /** Every revision, for the coordinators; only the published text for others. */
  revisions: Type.Array(Revision),
  csafUrl: Nullable(Type.String()),
  vexUrl: Nullable(Type.String()),
  /** Products as published (or as they stand, for the coordinators before publication). */
  products: Type.Array(
    Type.Object({
      vendor: Type.String(),
      product: Type.String(),
      version: Type.String(),
      status: Type.String(),
      justification: Nullable(Type.String()),
      remediation: Nullable(Type.String()),
    }),
  ),
  /** Vendors' statements the coordinators approved: public with the published advisory. */
  statements: Type.Array(Type.Object({ vendor: Type.String(), body: Type.String() })),
  cveId: Nullable(Type.String()),
  cvss: Type.Object({
    v3: Nullable(Type.Object({ vector: Type.String(), baseScore: Type.Number() })),
    v4: Nullable(Type.Object({ vector: Type.String(), baseScore: Type.Number() })),
  }),
  cweIds: Type.Array(Type.String()),
  credit: Nullable(Type.String()),
  canEdit: Type.Boolean(),
  canReview: Type.Boolean(),
});

export const AdvisorySummary = Type.Object({
  id: Type.String(),
  trackingId: Type.String(),
  title: Type.String(),
  status: Type.String(),
  tlp: Type.String(),
  publisherName: Type.String(),
  publishedAt: Nullable(Type.String()),
  currentReleaseDate: Nullable(Type.String()),
});

export const AdvisoryList = Type.Object({
  items: Type.Array(AdvisorySummary),
  /** The coordinators' advisories not yet published. */
  unpublished: Type.Array(AdvisorySummary),
  nextCursor: Nullable(Type.String()),
});

export const Validation = Type.Object({
  isValid: Type.Boolean(),
  errors: Type.Array(
    Type.Object({ test: Type.String(), instancePath: Type.String(), message: Type.String() }),
  ),
  warnings: Type.Array(
    Type.Object({ test: Type.String(), instancePath: Type.String(), message: Type.String() }),
  ),
});

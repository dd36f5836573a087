import { Type } from 'typebox';
import { pageOf } from '../../../core/http/pagination.ts';
import { Instant, Nullable, OrganizationRef } from '../shared.schemas.ts';

export const CONSULTATION_STATUSES = ['scheduled', 'open', 'closed'] as const;
export const CONTRIBUTION_KINDS = ['comment', 'amendment', 'general'] as const;
export type ContributionKind = (typeof CONTRIBUTION_KINDS)[number];
/** How the chair dealt with a contribution, as secretariats' disposition tables put it. */
export const DISPOSITIONS = ['incorporated', 'partly_incorporated', 'considered', 'out_of_scope'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export const Consultation = Type.Object({
  id: Type.String(),
  draftId: Type.String(),
  draftTitle: Type.String(),
  processId: Type.String(),
  groupId: Nullable(Type.String()),
  revisionNumber: Type.Integer({ description: 'The revision put to consultation.' }),
  title: Type.String(),
  opensAt: Type.String(),
  closesAt: Type.String(),
  status: Type.Enum(CONSULTATION_STATUSES),
  contributionCount: Type.Integer(),
  dispositionCount: Type.Integer(),
  createdAt: Type.String(),
});
export const ConsultationList = pageOf(Consultation);

export const CreateConsultation = Type.Object(
  {
    title: Type.String({ minLength: 3, maxLength: 300 }),
    opensAt: Instant,
    closesAt: Instant,
  },
  { additionalProperties: false },
);

export const UpdateConsultation = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 3, maxLength: 300 })),
    opensAt: Type.Optional(Instant),
    closesAt: Type.Optional(Instant),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ConsultationQuery = Type.Object({
  status: Type.Optional(Type.Enum(CONSULTATION_STATUSES)),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});

export const Contribute = Type.Object(
  {
    organizationId: Type.String({
      minLength: 1,
      maxLength: 80,
      description: 'The organization you speak for.',
    }),
    kind: Type.Enum(CONTRIBUTION_KINDS),
    paragraphKey: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    body: Type.String({ maxLength: 10_000, description: 'The comment, or the reason for an amendment.' }),
    proposedText: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })),
  },
  { additionalProperties: false },
);

export const Contribution = Type.Object({
  id: Type.String(),
  consultationId: Type.String(),
  draftId: Type.String(),
  kind: Type.Enum(CONTRIBUTION_KINDS),
  paragraphKey: Nullable(Type.String()),
  paragraphNumber: Nullable(
    Type.Integer({ description: 'The paragraph’s number in the revision commented on.' }),
  ),
  revisionNumber: Type.Integer(),
  body: Type.String(),
  proposedText: Nullable(Type.String()),
  organization: OrganizationRef,
  author: Type.Object({ displayName: Type.String() }),
  createdAt: Type.String(),
  disposition: Nullable(
    Type.Object({
      outcome: Type.Enum(DISPOSITIONS),
      reason: Type.String(),
      decidedAt: Type.String(),
    }),
  ),
});
export const ContributionList = pageOf(Contribution);

export const ContributionQuery = Type.Object({
  consultationId: Type.Optional(Type.String({ maxLength: 80 })),
  paragraphKey: Type.Optional(Type.String({ maxLength: 80 })),
  kind: Type.Optional(Type.Enum(CONTRIBUTION_KINDS)),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

export const SetDisposition = Type.Object(
  {
    outcome: Type.Enum(DISPOSITIONS),
    reason: Type.String({ minLength: 1, maxLength: 1_000 }),
  },
  { additionalProperties: false },
);

export const OrganizationContributionQuery = Type.Object({
  organizationId: Type.String({ minLength: 1, maxLength: 80 }),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
});

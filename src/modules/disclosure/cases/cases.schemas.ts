import { Type } from 'typebox';
import { pageOf } from '../../../core/http/pagination.ts';
import { DISCLOSURE_DAY_PRESETS } from '../programs/programs.schemas.ts';

export const CASE_ROLES = ['reporter', 'coordinator', 'vendor', 'affected_owner', 'observer'] as const;
export type CaseRole = (typeof CASE_ROLES)[number];
/** The roles a coordinator invites; the reporter and the coordinator join when the case opens. */
export const INVITED_ROLES = ['vendor', 'affected_owner', 'observer'] as const;
export const PRODUCT_STATUSES = [
  'affected',
  'not_affected',
  'fixed',
  'under_investigation',
  'no_response',
] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
/** CSAF 2.0 / VEX justifications for "not affected". */
export const VEX_JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_not_in_execute_path',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'inline_mitigations_already_exist',
] as const;
export const CASE_EVENTS = ['exploited', 'public'] as const;
export const EMBARGO_ACTIONS = [
  'activate',
  'propose_revision',
  'accept_revision',
  'reject_revision',
  'exit',
] as const;
export const MAX_PRODUCTS_PER_REQUEST = 200;

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601 with a zone; stored in UTC.' });

export const OpenCase = Type.Object(
  {
    title: Text(200),
    summary: Type.String({
      maxLength: 50_000,
      description:
        'What participants are told about the vulnerability; the report itself stays with the coordinators.',
    }),
    targetDays: Type.Optional(
      Type.Enum(DISCLOSURE_DAY_PRESETS, { description: 'Days from now to the target date; 45 by default.' }),
    ),
    targetDate: Type.Optional(Timestamp),
  },
  { additionalProperties: false },
);

export const UpdateCase = Type.Object(
  {
    title: Type.Optional(Text(200)),
    summary: Type.Optional(Type.String({ maxLength: 50_000 })),
    cveId: Type.Optional(Type.Union([Type.String({ pattern: '^CVE-\\d{4}-\\d{4,}$' }), Type.Null()])),
    targetDays: Type.Optional(Type.Enum(DISCLOSURE_DAY_PRESETS)),
    targetDate: Type.Optional(Timestamp),
    status: Type.Optional(Type.Enum(['open', 'closed'] as const)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const CaseEvent = Type.Object(
  {
    kind: Type.Enum(CASE_EVENTS, {
      description:
        '`exploited`: exploitation seen in the wild; `public`: details are public. Either ends an embargo.',
    }),
    note: Type.Optional(Type.String({ maxLength: 5_000 })),
  },
  { additionalProperties: false },
);

const ProductInput = Type.Object(
  { product: Text(200), version: Type.String({ maxLength: 200 }) },
  { additionalProperties: false },
);

export const InviteParticipant = Type.Object(
  {
    role: Type.Enum(INVITED_ROLES),
    orgId: Type.Optional(Id),
    name: Type.Optional(Text(200)),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    products: Type.Optional(Type.Array(ProductInput, { maxItems: MAX_PRODUCTS_PER_REQUEST })),
  },
  { additionalProperties: false },
);

export const AddProducts = Type.Object(
  {
    participantId: Type.Optional(Id),
    products: Type.Array(ProductInput, { minItems: 1, maxItems: MAX_PRODUCTS_PER_REQUEST }),
  },
  { additionalProperties: false },
);

export const UpdateProduct = Type.Object(
  {
    status: Type.Enum(
      PRODUCT_STATUSES.filter((status) => status !== 'no_response') as [
        'affected',
        'not_affected',
        'fixed',
        'under_investigation',
      ],
    ),
    justification: Type.Optional(Type.Enum(VEX_JUSTIFICATIONS)),
    impactStatement: Type.Optional(Type.String({ maxLength: 5_000 })),
    remediation: Type.Optional(Type.String({ maxLength: 5_000 })),
  },
  { additionalProperties: false },
);

export const SubmitStatement = Type.Object({ body: Text(20_000) }, { additionalProperties: false });
export const ReviewStatement = Type.Object(
  {
    decision: Type.Enum(['approve', 'reject'] as const),
    note: Type.Optional(Type.String({ maxLength: 5_000 })),
  },
  { additionalProperties: false },
);

export const PostCaseMessage = Type.Object(
  {
    body: Text(20_000),
    channel: Type.Union([Type.Literal('all'), Id], {
      description:
        "`all` for every participant, or a participant's id for its private thread with the coordinators.",
    }),
  },
  { additionalProperties: false },
);

export const ProposeEmbargo = Type.Object(
  { endsAt: Timestamp, reason: Type.String({ maxLength: 5_000 }) },
  { additionalProperties: false },
);

export const EmbargoTransition = Type.Object(
  {
    action: Type.Enum(EMBARGO_ACTIONS),
    endsAt: Type.Optional(Timestamp),
    note: Type.Optional(Type.String({ maxLength: 5_000 })),
  },
  { additionalProperties: false },
);

export const CaseQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(['open', 'closed'] as const)),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const Product = Type.Object({
  id: Type.String(),
  participantId: Type.String(),
  product: Type.String(),
  version: Type.String(),
  status: Type.String(),
  justification: Nullable(Type.String()),
  impactStatement: Nullable(Type.String()),
  remediation: Nullable(Type.String()),
  updatedAt: Type.String(),
});

const Statement = Type.Object({
  id: Type.String(),
  participantId: Type.String(),
  body: Type.String(),
  status: Type.String(),
  reviewNote: Nullable(Type.String()),
  submittedAt: Type.String(),
  reviewedAt: Nullable(Type.String()),
});

const Participant = Type.Object({
  id: Type.String(),
  role: Type.String(),
  name: Type.String(),
  orgId: Nullable(Type.String()),
  /** Only for the coordinators. */
  email: Nullable(Type.String()),
  invitedAt: Type.String(),
  joinedAt: Nullable(Type.String()),
  respondedAt: Nullable(Type.String()),
  isRemoved: Type.Boolean(),
  /** Visible to the coordinators, to the participant itself, and to everyone once the advisory is out. */
  products: Nullable(Type.Array(Product)),
  statements: Nullable(Type.Array(Statement)),
  /** Worst-first summary for the coordinators' table: counts per status. */
  statusCounts: Nullable(Type.Record(Type.String(), Type.Integer())),
});

const CaseMessage = Type.Object({
  id: Type.String(),
  channel: Type.String(),
  authorParticipantId: Type.String(),
  authorName: Type.String(),
  authorRole: Type.String(),
  body: Type.String(),
  createdAt: Type.String(),
});

export const Embargo = Type.Object({
  id: Type.String(),
  state: Type.String(),
  endsAt: Type.String(),
  proposedEndsAt: Nullable(Type.String()),
  reason: Type.String(),
  exitReason: Nullable(Type.String()),
  createdAt: Type.String(),
  activatedAt: Nullable(Type.String()),
  exitedAt: Nullable(Type.String()),
  events: Type.Array(
    Type.Object({
      fromState: Type.String(),
      toState: Type.String(),
      endsAt: Type.String(),
      note: Type.String(),
      actor: Type.String(),
      createdAt: Type.String(),
    }),
  ),
});

export const Case = Type.Object({
  id: Type.String(),
  reportId: Type.String(),
  programId: Type.String(),
  coordinatorOrgId: Type.String(),
  coordinatorName: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  status: Type.String(),
  cveId: Nullable(Type.String()),
  cvss: Type.Object({
    v3: Nullable(Type.Object({ vector: Type.String(), baseScore: Type.Number() })),
    v4: Nullable(Type.Object({ vector: Type.String(), baseScore: Type.Number() })),
  }),
  cweIds: Type.Array(Type.String()),
  targetDays: Nullable(Type.Integer()),
  targetDate: Type.String(),
  exploitedAt: Nullable(Type.String()),
  publicAt: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  closedAt: Nullable(Type.String()),
  viewer: Type.Object({
    isCoordinator: Type.Boolean(),
    /** The participants the viewer acts as (a person may be a vendor's member and the reporter). */
    participantIds: Type.Array(Type.String()),
    roles: Type.Array(Type.String()),
  }),
  participants: Type.Array(Participant),
  /** Counts over every vendor product, for the coordinators. */
  statusTotals: Nullable(Type.Record(Type.String(), Type.Integer())),
  embargo: Nullable(Embargo),
  /** The case's advisory: for the coordinators always, for participants once it exists (drafts included). */
  advisory: Nullable(
    Type.Object({
      id: Type.String(),
      trackingId: Type.String(),
      status: Type.String(),
      publishedAt: Nullable(Type.String()),
    }),
  ),
  messages: Type.Array(CaseMessage),
});

export const CaseSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  status: Type.String(),
  coordinatorName: Type.String(),
  targetDate: Type.String(),
  embargoState: Nullable(Type.String()),
  embargoEndsAt: Nullable(Type.String()),
  vendorCount: Type.Integer(),
  createdAt: Type.String(),
  isCoordinator: Type.Boolean(),
});

export const CaseList = pageOf(CaseSummary);

export const CaseInvitation = Type.Object({
  participantId: Type.String(),
  /** The secret link, shown once to the coordinator (it is also mailed when an address was given). */
  inviteUrl: Nullable(Type.String()),
  case: Case,
});

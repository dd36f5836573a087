import { Type } from 'typebox';
import { AttachmentInput } from '../../../core/http/attachments.ts';
import { pageOf } from '../../../core/http/pagination.ts';

export const REPORT_STATUSES = ['received', 'acknowledged', 'tracked', 'coordinating', 'closed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const CLOSE_REASONS = [
  'out_of_scope',
  'duplicate',
  'not_a_vulnerability',
  'spam',
  'declined',
  'resolved',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];
export const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export const TRISTATE = ['yes', 'no', 'unknown'] as const;
export const CREDIT_CHOICES = ['name', 'anonymous', 'none'] as const;
export const MAX_ATTACHMENTS = 5;
/** An armored OpenPGP message of a report: the fields and their Markdown, encrypted, fit easily. */
export const MAX_CIPHERTEXT = 1_000_000;

const literals = <const T extends readonly string[]>(values: T, options: Record<string, unknown> = {}) =>
  Type.Enum(values, options);

const Tristate = literals(TRISTATE);
const Id = Type.String({ minLength: 1, maxLength: 64 });

export { AttachmentInput };

/** The report's fields, as a researcher writes them; the same shape is encrypted when sent encrypted. */
export const ReportContent = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    product: Type.String({ minLength: 1, maxLength: 200, description: 'The affected product or system.' }),
    version: Type.String({ maxLength: 200, description: 'Affected versions, as far as known.' }),
    description: Type.String({ minLength: 1, maxLength: 50_000 }),
    reproduction: Type.String({ maxLength: 50_000, description: 'Steps to reproduce, proof of concept.' }),
    impact: Type.String({ maxLength: 20_000 }),
    priorVendorContact: Type.String({
      maxLength: 5_000,
      description: 'Any contact with the vendor so far: when, how, what answer.',
    }),
    exploitation: literals(TRISTATE, { description: 'Is it already exploited, as far as you know?' }),
    publicity: literals(TRISTATE, { description: 'Is it already public?' }),
    disclosurePlans: Type.String({
      maxLength: 5_000,
      description: 'When and how you plan to publish, if at all.',
    }),
  },
  { additionalProperties: false },
);

export const CreateReport = Type.Object(
  {
    programId: Id,
    content: Type.Optional(ReportContent),
    ciphertext: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: MAX_CIPHERTEXT,
        description:
          "The report's content (the `content` object as JSON) encrypted in the browser to the program's OpenPGP key, ASCII-armored. Send either `content` or `ciphertext`.",
      }),
    ),
    language: Type.Optional(Type.String({ minLength: 2, maxLength: 35 })),
    credit: literals(CREDIT_CHOICES, {
      description: '`name`: credit `creditName`; `anonymous`: credit "an anonymous researcher"; `none`.',
    }),
    creditName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    reporterEmail: Type.Optional(
      Type.String({
        format: 'email',
        maxLength: 254,
        description: 'Optional: where to tell you that something changed. Never mailed the secret link.',
      }),
    ),
    attachments: Type.Optional(Type.Array(AttachmentInput, { maxItems: MAX_ATTACHMENTS })),
  },
  { additionalProperties: false },
);

export const CreatedReport = Type.Object({
  id: Type.String({ description: 'The tracking id.' }),
  status: Type.String(),
  reporterToken: Type.String({
    description:
      'The secret of the reporter link; shown once, stored only as a hash. Send it as `X-Reporter-Token`.',
  }),
  reporterUrl: Type.String({
    description: 'The secret link: the secret sits in the fragment, never sent to servers.',
  }),
});

export const ReportQuery = Type.Object(
  {
    programId: Type.Optional(Id),
    status: Type.Optional(literals(REPORT_STATUSES)),
    priority: Type.Optional(literals(PRIORITIES)),
    assigneeUserId: Type.Optional(Id),
    mine: Type.Optional(Type.Boolean({ description: 'The reports you sent yourself, signed in.' })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);

export const UpdateReport = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    product: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    priority: Type.Optional(Type.Union([literals(PRIORITIES), Type.Null()])),
    assigneeUserId: Type.Optional(Type.Union([Id, Type.Null()])),
    exploitation: Type.Optional(Tristate),
    publicity: Type.Optional(Tristate),
    cvssV3Vector: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 300 }), Type.Null()])),
    cvssV4Vector: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 400 }), Type.Null()])),
    cweIds: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 10 })),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ChangeStatus = Type.Object(
  {
    status: literals(['acknowledged', 'tracked', 'closed'] as const),
    closeReason: Type.Optional(literals(CLOSE_REASONS)),
    duplicateOf: Type.Optional(Id),
    note: Type.Optional(
      Type.String({ minLength: 1, maxLength: 5_000, description: 'Told to the reporter in the thread.' }),
    ),
  },
  { additionalProperties: false },
);

export const CreateMessage = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: MAX_CIPHERTEXT }),
    isEncrypted: Type.Optional(
      Type.Boolean({ description: "The body is an armored OpenPGP message to the program's key." }),
    ),
    attachments: Type.Optional(Type.Array(AttachmentInput, { maxItems: MAX_ATTACHMENTS })),
  },
  { additionalProperties: false },
);

export const SsvcDecisionInput = Type.Object(
  {
    kind: literals(['triage', 'publish'] as const),
    inputs: Type.Record(Type.String({ maxLength: 20 }), Type.String({ maxLength: 20 })),
    rationale: Type.String({ maxLength: 5_000 }),
  },
  { additionalProperties: false },
);

const Attachment = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
});

export const Message = Type.Object({
  id: Type.String(),
  authorRole: Type.String(),
  authorName: Type.Union([Type.String(), Type.Null()]),
  isEncrypted: Type.Boolean(),
  body: Type.String(),
  attachments: Type.Array(Attachment),
  createdAt: Type.String(),
});

export const SsvcDecision = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  tableKey: Type.String(),
  tableVersion: Type.String(),
  inputs: Type.Record(Type.String(), Type.String()),
  outcome: Type.String(),
  rationale: Type.String(),
  decidedBy: Type.String(),
  decidedAt: Type.String(),
});

const Cvss = Type.Union([
  Type.Object({ vector: Type.String(), baseScore: Type.Number(), severity: Type.String() }),
  Type.Null(),
]);

export const Report = Type.Object({
  id: Type.String(),
  programId: Type.String(),
  programName: Type.String(),
  orgName: Type.String(),
  status: Type.String(),
  closeReason: Type.Union([Type.String(), Type.Null()]),
  duplicateOf: Type.Union([Type.String(), Type.Null()]),
  isEncrypted: Type.Boolean(),
  content: Type.Union([ReportContent, Type.Null()]),
  ciphertext: Type.Union([Type.String(), Type.Null()]),
  language: Type.Union([Type.String(), Type.Null()]),
  credit: Type.Object({ choice: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }),
  attachments: Type.Array(Attachment),
  messages: Type.Array(Message),
  acknowledgedAt: Type.Union([Type.String(), Type.Null()]),
  closedAt: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  viewerRole: literals(['coordinator', 'reporter'] as const),
  /** The case opened from the report, once there is one. */
  caseId: Type.Union([Type.String(), Type.Null()]),
  /** The outcome: the published advisory, as its reporter and everyone else may read it. */
  advisory: Type.Union([
    Type.Object({
      id: Type.String(),
      trackingId: Type.String(),
      publishedAt: Type.String(),
      url: Type.String(),
    }),
    Type.Null(),
  ]),
  /** Only for the program's coordinators. */
  triage: Type.Union([
    Type.Object({
      title: Type.Union([Type.String(), Type.Null()]),
      product: Type.Union([Type.String(), Type.Null()]),
      priority: Type.Union([Type.String(), Type.Null()]),
      assigneeUserId: Type.Union([Type.String(), Type.Null()]),
      assigneeName: Type.Union([Type.String(), Type.Null()]),
      exploitation: Type.String(),
      publicity: Type.String(),
      cvssV3: Cvss,
      cvssV4: Cvss,
      cwes: Type.Array(Type.Object({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) })),
      reporterEmail: Type.Union([Type.String(), Type.Null()]),
      reporterUserId: Type.Union([Type.String(), Type.Null()]),
      decisions: Type.Array(SsvcDecision),
      acknowledgeBy: Type.String(),
      isAcknowledgeOverdue: Type.Boolean(),
    }),
    Type.Null(),
  ]),
});

export const ReportSummary = Type.Object({
  id: Type.String(),
  programId: Type.String(),
  programName: Type.String(),
  title: Type.Union([Type.String(), Type.Null()]),
  product: Type.Union([Type.String(), Type.Null()]),
  isEncrypted: Type.Boolean(),
  status: Type.String(),
  closeReason: Type.Union([Type.String(), Type.Null()]),
  priority: Type.Union([Type.String(), Type.Null()]),
  assigneeName: Type.Union([Type.String(), Type.Null()]),
  triageOutcome: Type.Union([Type.String(), Type.Null()]),
  cvssScore: Type.Union([Type.Number(), Type.Null()]),
  isAcknowledgeOverdue: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

export const ReportList = pageOf(ReportSummary);

const SsvcValue = Type.Object({ key: Type.String(), name: Type.String(), definition: Type.String() });
const SsvcPoint = Type.Object({
  key: Type.String(),
  id: Type.String({ description: 'e.g. ssvc:RP:1.0.0' }),
  name: Type.String(),
  definition: Type.String(),
  values: Type.Array(SsvcValue),
});
const SsvcTableFields = {
  tableKey: Type.String(),
  tableVersion: Type.String(),
  name: Type.String(),
  definition: Type.String(),
  inputs: Type.Array(SsvcPoint),
  outcome: SsvcPoint,
  rows: Type.Array(
    Type.Object({ inputs: Type.Record(Type.String(), Type.String()), outcome: Type.String() }),
  ),
};

/** CERT/CC's decision table as shipped: every decision point with its values, and every row. */
export const SsvcTable = Type.Object({
  kind: Type.String(),
  ...SsvcTableFields,
  derivable: Type.Array(
    Type.Object({
      ...SsvcTableFields,
      derives: Type.String({ description: 'The decision point this table derives.' }),
    }),
  ),
});

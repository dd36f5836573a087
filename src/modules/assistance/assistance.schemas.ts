import { Type } from 'typebox';
import { TLP_LABELS_ORDERED } from '../../core/access/index.ts';
import { AttachmentInput } from '../../core/http/attachments.ts';
import { pageOf } from '../../core/http/pagination.ts';
import { SECTOR_CODES } from '../../core/reference/sectors.ts';
import { POC_ROLES, POC_SERVICES } from '../contacts/index.ts';
import {
  DECISIONS,
  IMPACT_LEVELS,
  INCIDENT_STATUSES,
  MESSAGE_TYPES,
  REQUEST_STATUSES,
  URGENCIES,
} from './codes.ts';

export const MAX_RECIPIENT_ORGS = 20;
export const MAX_ATTACHMENTS = 5;
export const MAX_DESCRIPTION = 20_000;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const Id = Type.String({ minLength: 1, maxLength: 80 });
const IdWith = (description: string) => Type.String({ minLength: 1, maxLength: 80, description });
export const IdParams = Type.Object({ id: Id });
export const AttachmentParams = Type.Object({ id: Id, attachmentId: Id });

/** An ISO 8601 instant with its offset; the API stores and returns UTC. */
const Instant = Type.String({ format: 'date-time', maxLength: 40 });

const Tlp = Type.Enum(TLP_LABELS_ORDERED, {
  description: 'TLP 2.0 label. It decides who reads the request, its thread and its attachments.',
});

const LanguageTag = Type.String({
  pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$',
  maxLength: 35,
  description: 'BCP 47 tag, e.g. `fr` or `zh-Hans`.',
});

const FreeText = (maxLength: number, description?: string) =>
  Type.String({ maxLength, ...(description ? { description } : {}) });

export { AttachmentInput };

export const CreateRequest = Type.Object(
  {
    senderOrgId: Id,
    recipientOrgIds: Type.Array(Id, { minItems: 1, maxItems: MAX_RECIPIENT_ORGS, uniqueItems: true }),
    recipientRoles: Type.Optional(
      Type.Array(Type.Enum(POC_ROLES), {
        minItems: 1,
        maxItems: 3,
        uniqueItems: true,
        description:
          'The POC roles addressed in each recipient organization (technical by default). An organization without a POC of these roles is addressed through all its POCs.',
      }),
    ),
    type: Type.Enum(MESSAGE_TYPES),
    tlp: Tlp,
    title: Type.String({ minLength: 3, maxLength: 200 }),
    detectedAt: Type.Optional(Instant),
    incidentStatus: Type.Enum(INCIDENT_STATUSES),
    sector: Type.Enum(SECTOR_CODES),
    impactLevel: Type.Enum(IMPACT_LEVELS),
    isCrossBorder: Type.Boolean(),
    assistanceRequested: Type.Array(Type.Enum(POC_SERVICES), {
      maxItems: POC_SERVICES.length,
      uniqueItems: true,
    }),
    assistanceDetails: FreeText(5_000, 'What exactly is asked for, beyond the ticked services.'),
    actionsTaken: FreeText(5_000),
    urgency: Type.Enum(URGENCIES),
    responseLanguage: LanguageTag,
    acknowledgeBy: Type.Optional(
      Type.String({
        format: 'date-time',
        maxLength: 40,
        description: 'Default by urgency: immediate 2 h, priority 8 h, routine 48 h.',
      }),
    ),
    respondBy: Type.Optional(
      Type.String({
        format: 'date-time',
        maxLength: 40,
        description: 'Default by urgency: immediate 24 h, priority 72 h, routine 14 days.',
      }),
    ),
    description: Type.String({ minLength: 1, maxLength: MAX_DESCRIPTION }),
    attachments: Type.Optional(Type.Array(AttachmentInput, { maxItems: MAX_ATTACHMENTS })),
    personalDataConfirmed: Type.Optional(
      Type.Boolean({
        description:
          'Send although the text looks like it contains personal data (the `personal_data_detected` problem lists what was found).',
      }),
    ),
  },
  { additionalProperties: false },
);

export const PersonalDataCheck = Type.Object(
  { text: Type.String({ maxLength: MAX_DESCRIPTION }) },
  { additionalProperties: false },
);

const Finding = Type.Object({
  kind: Type.Enum(['email', 'phone', 'signature_name'] as const),
  excerpt: Type.String(),
  start: Type.Integer(),
  end: Type.Integer(),
});
export const PersonalDataFindings = Type.Object({ findings: Type.Array(Finding) });

export const Acknowledge = Type.Object(
  {
    orgId: Type.Optional(IdWith('The recipient organization you act for; needed only if several.')),
  },
  { additionalProperties: false },
);

export const Decide = Type.Object(
  {
    orgId: Type.Optional(Id),
    decision: Type.Enum(DECISIONS),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: 5_000 })),
  },
  { additionalProperties: false },
);

export const PostMessage = Type.Object(
  {
    body: Type.String({ minLength: 1, maxLength: MAX_DESCRIPTION }),
    isResponse: Type.Optional(
      Type.Boolean({
        description: 'A recipient’s response to an accepted request: the request becomes responded.',
      }),
    ),
    toOrgId: Type.Optional(
      IdWith('For the sender: the one recipient organization this message is for; all of them when omitted.'),
    ),
    orgId: Type.Optional(IdWith('The organization you write for, when you could write for several.')),
    attachments: Type.Optional(Type.Array(AttachmentInput, { maxItems: MAX_ATTACHMENTS })),
    personalDataConfirmed: Type.Optional(
      Type.Boolean({
        description:
          'Send although the text looks like it contains personal data (the `personal_data_detected` problem lists what was found).',
      }),
    ),
  },
  { additionalProperties: false },
);

export const Close = Type.Object(
  { note: Type.Optional(Type.String({ minLength: 1, maxLength: 5_000 })) },
  { additionalProperties: false },
);

export const BOXES = ['inbox', 'outbox'] as const;

export const ListQuery = Type.Object(
  {
    box: Type.Enum(BOXES),
    status: Type.Optional(Type.Enum(REQUEST_STATUSES)),
    type: Type.Optional(Type.Enum(MESSAGE_TYPES)),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);

export const ExportQuery = Type.Object(
  {
    box: Type.Enum(BOXES),
    status: Type.Optional(Type.Enum(REQUEST_STATUSES)),
    type: Type.Optional(Type.Enum(MESSAGE_TYPES)),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  },
  { additionalProperties: false },
);

const OrgRef = Type.Object({ id: Type.String(), name: Type.String() });

const RecipientSummary = Type.Object({
  org: OrgRef,
  status: Nullable(
    Type.Enum(REQUEST_STATUSES, { description: 'Null when you are neither its sender nor it.' }),
  ),
});

const Recipient = Type.Object({
  org: OrgRef,
  status: Nullable(Type.Enum(REQUEST_STATUSES)),
  acknowledgedAt: Nullable(Type.String()),
  decision: Nullable(Type.Enum(DECISIONS)),
  decisionReason: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  respondedAt: Nullable(Type.String()),
  escalationLevel: Nullable(Type.Integer()),
  isAcknowledgeOverdue: Type.Boolean(),
  isResponseOverdue: Type.Boolean(),
});

const AttachmentMeta = Type.Object({
  id: Type.String(),
  fileName: Type.String(),
  mediaType: Type.String(),
  size: Type.Integer(),
  sha256: Type.String(),
});

const ThreadMessage = Type.Object({
  id: Type.String(),
  kind: Type.Enum(['message', 'response', 'decision', 'acknowledgement', 'closure'] as const),
  org: OrgRef,
  author: Type.Object({ id: Type.String(), name: Type.String() }),
  toOrgId: Nullable(Type.String()),
  body: Type.String(),
  attachments: Type.Array(AttachmentMeta),
  createdAt: Type.String(),
});

export const RequestSummary = Type.Object({
  id: Type.String(),
  type: Type.Enum(MESSAGE_TYPES),
  tlp: Tlp,
  title: Type.String(),
  senderOrg: OrgRef,
  recipients: Type.Array(RecipientSummary),
  urgency: Type.Enum(URGENCIES),
  acknowledgeBy: Type.String(),
  respondBy: Type.String(),
  isAcknowledgeOverdue: Type.Boolean(),
  isResponseOverdue: Type.Boolean(),
  createdAt: Type.String(),
  closedAt: Nullable(Type.String()),
});
export const RequestList = pageOf(RequestSummary);

export const Request = Type.Object({
  id: Type.String(),
  type: Type.Enum(MESSAGE_TYPES),
  tlp: Tlp,
  title: Type.String(),
  senderOrg: OrgRef,
  sender: Type.Object({ userId: Type.String(), pocId: Type.String(), name: Type.String() }),
  detectedAt: Nullable(Type.String()),
  incidentStatus: Type.Enum(INCIDENT_STATUSES),
  sector: Type.Enum(SECTOR_CODES),
  impactLevel: Type.Enum(IMPACT_LEVELS),
  isCrossBorder: Type.Boolean(),
  assistanceRequested: Type.Array(Type.Enum(POC_SERVICES)),
  assistanceDetails: Type.String(),
  actionsTaken: Type.String(),
  urgency: Type.Enum(URGENCIES),
  responseLanguage: Type.String(),
  acknowledgeBy: Type.String(),
  respondBy: Type.String(),
  description: Type.String(),
  closedAt: Nullable(Type.String()),
  closureNote: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  recipients: Type.Array(Recipient),
  attachments: Type.Array(AttachmentMeta),
  thread: Type.Array(ThreadMessage),
  viewer: Type.Object({
    isSender: Type.Boolean({ description: 'You are on the sending organization’s side.' }),
    recipientOrgIds: Type.Array(Type.String(), { description: 'The recipient organizations you are in.' }),
  }),
});

import { Type } from 'typebox';
import { pageOf } from '../../../core/http/pagination.ts';
import { Instant, Nullable, OrganizationRef } from '../shared.schemas.ts';

export const Speaker = Type.Object({
  id: Type.String(),
  organization: OrganizationRef,
  speakerName: Type.String(),
  slot: Type.Enum(['state', 'stakeholder'] as const),
  status: Type.Enum(['listed', 'waitlisted'] as const),
  createdAt: Type.String(),
});

export const AttachedStatement = Type.Object({
  id: Type.String(),
  title: Type.String(),
  organization: OrganizationRef,
  language: Type.String(),
  format: Type.String(),
});

export const AgendaItem = Type.Object({
  id: Type.String(),
  position: Type.Integer(),
  title: Type.String(),
  stakeholderSlots: Type.Integer(),
  speakers: Type.Array(Speaker),
  statements: Type.Array(AttachedStatement),
});

export const MeetingSummary = Type.Object({
  id: Type.String(),
  processId: Type.String(),
  groupId: Nullable(Type.String()),
  title: Type.String(),
  description: Type.String(),
  location: Type.String(),
  startsAt: Type.String({ description: 'UTC; shown in the viewer’s zone.' }),
  endsAt: Type.String(),
  isCancelled: Type.Boolean(),
});
export const MeetingList = pageOf(MeetingSummary);

export const Meeting = Type.Object({
  ...MeetingSummary.properties,
  agenda: Type.Array(AgendaItem),
  canManage: Type.Boolean(),
});

export const MeetingQuery = Type.Object({
  groupId: Type.Optional(Type.String({ maxLength: 80 })),
  when: Type.Optional(Type.Enum(['upcoming', 'past'] as const)),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});

const AgendaInput = Type.Object(
  {
    title: Type.String({ minLength: 2, maxLength: 300 }),
    stakeholderSlots: Type.Integer({
      minimum: 0,
      maximum: 100,
      description: 'Places kept for stakeholders.',
    }),
  },
  { additionalProperties: false },
);

export const CreateMeeting = Type.Object(
  {
    groupId: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    title: Type.String({ minLength: 3, maxLength: 300 }),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    location: Type.String({ minLength: 1, maxLength: 300 }),
    startsAt: Instant,
    endsAt: Instant,
    agenda: Type.Array(AgendaInput, { minItems: 1, maxItems: 50 }),
  },
  { additionalProperties: false },
);

export const UpdateMeeting = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 3, maxLength: 300 })),
    description: Type.Optional(Type.String({ maxLength: 10_000 })),
    location: Type.Optional(Type.String({ minLength: 1, maxLength: 300 })),
    startsAt: Type.Optional(Instant),
    endsAt: Type.Optional(Instant),
    isCancelled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const RequestToSpeak = Type.Object(
  {
    organizationId: Type.String({ minLength: 1, maxLength: 80 }),
    speakerName: Type.String({ minLength: 2, maxLength: 200, description: 'Who takes the floor.' }),
  },
  { additionalProperties: false },
);

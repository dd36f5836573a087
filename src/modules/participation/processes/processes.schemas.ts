import { Type } from 'typebox';
import { pageOf } from '../../../core/http/pagination.ts';

export const PROCESS_STATUSES = ['active', 'closed'] as const;

export const Process = Type.Object({
  id: Type.String(),
  title: Type.String(),
  modalities: Type.String({ description: 'How stakeholders take part, in Markdown.' }),
  objectionPeriodDays: Type.Integer(),
  status: Type.Enum(PROCESS_STATUSES),
  accreditedCount: Type.Integer(),
  groupCount: Type.Integer(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export const ProcessList = pageOf(Process);

export const CreateProcess = Type.Object(
  {
    title: Type.String({ minLength: 3, maxLength: 200 }),
    modalities: Type.String({ minLength: 1, maxLength: 20_000 }),
    objectionPeriodDays: Type.Integer({
      minimum: 1,
      maximum: 180,
      description: 'How long a non-objection application circulates to the States.',
    }),
  },
  { additionalProperties: false },
);

export const UpdateProcess = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
    modalities: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000 })),
    objectionPeriodDays: Type.Optional(Type.Integer({ minimum: 1, maximum: 180 })),
    status: Type.Optional(Type.Enum(PROCESS_STATUSES)),
  },
  { additionalProperties: false, minProperties: 1 },
);

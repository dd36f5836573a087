import { Type } from 'typebox';
import { pageOf } from '../../../core/http/pagination.ts';
import { Nullable, OrganizationRef } from '../shared.schemas.ts';

export const ACCREDITATION_ROUTES = ['ecosoc', 'non_objection'] as const;
export type AccreditationRoute = (typeof ACCREDITATION_ROUTES)[number];

/**
 * - `pending_confirmation`: ECOSOC route, waiting for the secretariat to confirm the status;
 * - `circulating`: non-objection route, open to objections from States until `circulationEndsAt`;
 * - `accredited`, `objected` (a State objected within the period), `declined` (the secretariat
 *   could not confirm the ECOSOC status), `withdrawn` (by the applicant).
 */
export const APPLICATION_STATUSES = [
  'pending_confirmation',
  'circulating',
  'accredited',
  'objected',
  'declined',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** Outcomes anyone may read; the rest stays with the secretariat, the applicant and the States. */
export const PUBLIC_STATUSES: readonly ApplicationStatus[] = ['accredited', 'objected', 'declined'];

export const Application = Type.Object({
  id: Type.String(),
  processId: Type.String(),
  organization: OrganizationRef,
  route: Type.Enum(ACCREDITATION_ROUTES),
  ecosocNumber: Nullable(Type.String()),
  statement: Type.String(),
  status: Type.Enum(APPLICATION_STATUSES),
  circulationEndsAt: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
  decidedAt: Nullable(Type.String()),
  createdAt: Type.String(),
});
export const ApplicationList = pageOf(Application);

export const ApplicationQuery = Type.Object({
  status: Type.Optional(Type.Enum(APPLICATION_STATUSES)),
  organizationId: Type.Optional(Type.String({ maxLength: 80 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 100 })),
});

export const Apply = Type.Object(
  {
    organizationId: Type.String({ minLength: 1, maxLength: 80 }),
    route: Type.Enum(ACCREDITATION_ROUTES),
    ecosocNumber: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 40,
        pattern: '^[A-Za-z0-9/ -]+$',
        description: 'The ECOSOC consultative-status reference, required on the `ecosoc` route.',
      }),
    ),
    statement: Type.String({
      minLength: 10,
      maxLength: 5_000,
      description: 'Who the organization is and what it brings to the process.',
    }),
  },
  { additionalProperties: false },
);

export const Decision = Type.Object(
  {
    decision: Type.Enum(['confirm', 'decline', 'circulate'] as const, {
      description:
        '`confirm` accredits on the ECOSOC route; `decline` refuses with a reason; `circulate` moves it to the non-objection procedure.',
    }),
    note: Type.Optional(Type.String({ minLength: 1, maxLength: 2_000 })),
  },
  { additionalProperties: false },
);

export const ObjectBody = Type.Object(
  {
    organizationId: Type.String({ minLength: 1, maxLength: 80, description: 'The objecting State.' }),
    reason: Type.String({
      minLength: 3,
      maxLength: 2_000,
      description: 'The general reason; read only by the secretariat and the objecting State.',
    }),
  },
  { additionalProperties: false },
);

export const Objection = Type.Object({
  id: Type.String(),
  applicationId: Type.String(),
  state: OrganizationRef,
  reason: Type.String(),
  createdAt: Type.String(),
});
export const ObjectionList = Type.Object({ items: Type.Array(Objection) });

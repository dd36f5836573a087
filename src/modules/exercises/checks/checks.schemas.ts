import { type Static, Type } from 'typebox';
import { pageOf } from '../../../core/http/pagination.ts';
import { POC_ROLES } from '../../contacts/index.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

const codeList = (pattern: string, description: string, maxItems = 300) =>
  Type.Optional(
    Type.Array(Type.String({ pattern, maxLength: 8 }), {
      minItems: 1,
      maxItems,
      uniqueItems: true,
      description,
    }),
  );

/** Which POCs a check asks; every list given narrows it, and none means every current POC. */
export const CheckFilter = Type.Object(
  {
    countryCodes: codeList('^[A-Z]{2}$', 'ISO 3166-1 alpha-2 codes of the organizations’ countries.'),
    regionCodes: codeList('^[0-9]{3}$', 'UN M49 region, sub-region or intermediate region codes.'),
    roles: Type.Optional(Type.Array(Type.Enum(POC_ROLES), { minItems: 1, maxItems: 3, uniqueItems: true })),
    languages: codeList('^[a-z]{2,3}$', 'Primary language subtags (`fr` matches POCs listing `fr-CA`).', 50),
    orgIds: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 80 }), {
        minItems: 1,
        maxItems: 1000,
        uniqueItems: true,
      }),
    ),
  },
  { additionalProperties: false },
);
export type CheckFilter = Static<typeof CheckFilter>;

export const CreateCheck = Type.Object(
  {
    filter: Type.Optional(CheckFilter),
    note: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 500,
        description: 'Shown to the POCs in the mail, and in the history.',
      }),
    ),
    respondWithinHours: Type.Optional(
      Type.Integer({
        minimum: 1,
        maximum: 720,
        default: 72,
        description: 'Acknowledgements are taken for this long.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateCheck = Static<typeof CreateCheck>;

const Stats = {
  targetCount: Type.Integer(),
  acknowledgedCount: Type.Integer(),
  responseRate: Type.Number({ minimum: 0, maximum: 1, description: 'Acknowledged over asked.' }),
  medianSecondsToAcknowledge: Nullable(
    Type.Number({ description: 'From the mail being queued to the click; null while nobody answered.' }),
  ),
};

export const CheckSummary = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  closesAt: Type.String(),
  isOpen: Type.Boolean({ description: 'Acknowledgements are still taken.' }),
  note: Nullable(Type.String()),
  filter: CheckFilter,
  ...Stats,
});
export const CheckList = pageOf(CheckSummary);

export const RegionStats = Type.Object({ regionCode: Nullable(Type.String()), ...Stats });
export const RoleStats = Type.Object({ role: Type.String(), ...Stats });

export const CheckTarget = Type.Object({
  pocId: Type.String(),
  pocName: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  countryCode: Nullable(Type.String()),
  regionCode: Nullable(Type.String({ description: 'UN M49 region of the organization’s country.' })),
  role: Type.String(),
  sentAt: Type.String({ description: 'When the mail was queued.' }),
  acknowledgedAt: Nullable(Type.String()),
  secondsToAcknowledge: Nullable(Type.Integer()),
});

export const NonResponder = Type.Object({
  pocId: Type.String(),
  pocName: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  countryCode: Nullable(Type.String()),
  regionCode: Nullable(Type.String()),
  role: Type.String(),
  sentAt: Type.String(),
});

export const CheckDetail = Type.Object({
  ...CheckSummary.properties,
  byRegion: Type.Array(RegionStats),
  byRole: Type.Array(RoleStats),
  targets: Type.Array(CheckTarget),
  nonResponders: Type.Array(NonResponder),
});

export const CheckQuery = Type.Object({
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'Opaque cursor from `nextCursor`.' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

export const Acknowledge = Type.Object(
  { token: Type.String({ minLength: 16, maxLength: 200, description: 'From the `#token=` of the link.' }) },
  { additionalProperties: false },
);

export const Acknowledgement = Type.Object({
  checkId: Type.String(),
  acknowledgedAt: Type.String(),
  alreadyAcknowledged: Type.Boolean({ description: 'An earlier click was recorded; nothing changed.' }),
  pocName: Type.String(),
  orgName: Type.String(),
});

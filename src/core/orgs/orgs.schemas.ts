import { Type } from 'typebox';
import { PageQuery, pageOf } from '../http/pagination.ts';
import { ORG_KINDS, ORG_ROLES, VERIFICATION_STATUSES } from './kinds.ts';

const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

export const OrgKind = Type.Enum(ORG_KINDS);
export const OrgRole = Type.Enum(ORG_ROLES);
export const VerificationStatus = Type.Enum(VERIFICATION_STATUSES);
export const CountryCode = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2.' });
const Website = Type.String({ format: 'uri', pattern: '^https?://', maxLength: 300 });

export const Organization = Type.Object({
  id: Type.String(),
  name: Type.String(),
  kind: OrgKind,
  countryCode: Nullable(Type.String()),
  website: Nullable(Type.String()),
  description: Nullable(Type.String()),
  verificationStatus: VerificationStatus,
  verifiedAt: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  memberCount: Type.Integer(),
});

export const OrganizationList = pageOf(Organization);

export const OrganizationQuery = Type.Intersect([
  PageQuery,
  Type.Object({
    q: Type.Optional(Type.String({ maxLength: 100 })),
    kind: Type.Optional(OrgKind),
    countryCode: Type.Optional(CountryCode),
    verificationStatus: Type.Optional(VerificationStatus),
  }),
]);

export const CreateOrganization = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    kind: OrgKind,
    countryCode: Type.Optional(Nullable(CountryCode)),
    website: Type.Optional(Nullable(Website)),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
);

export const UpdateOrganization = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 2, maxLength: 200 })),
    countryCode: Type.Optional(Nullable(CountryCode)),
    website: Type.Optional(Nullable(Website)),
    description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const VerificationBody = Type.Object(
  { status: VerificationStatus, note: Type.Optional(Type.String({ maxLength: 1000 })) },
  { additionalProperties: false },
);

export const Member = Type.Object({
  userId: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  role: OrgRole,
  joinedAt: Type.String(),
});
export const MemberList = pageOf(Member);

export const Invitation = Type.Object({
  id: Type.String(),
  email: Type.String(),
  role: OrgRole,
  status: Type.Enum(['pending', 'accepted', 'expired', 'revoked'] as const),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  invitedBy: Type.String(),
});
export const InvitationList = pageOf(Invitation);

export const CreateInvitation = Type.Object(
  { email: Type.String({ format: 'email', maxLength: 254 }), role: OrgRole },
  { additionalProperties: false },
);

export const OrgParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const MemberParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  userId: Type.String({ minLength: 1, maxLength: 64 }),
});
export const InvitationParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  invitationId: Type.String({ minLength: 1, maxLength: 64 }),
});
export const RoleBody = Type.Object({ role: OrgRole }, { additionalProperties: false });

import { Type } from 'typebox';
import { ORG_KINDS } from '../orgs/kinds.ts';

export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: 1, maxLength: 1024 });
export const TotpCode = Type.String({
  pattern: '^\\s*\\d{3}\\s*\\d{3}\\s*$',
  description: 'Six-digit code.',
});
export const LinkToken = Type.String({ minLength: 16, maxLength: 200 });
export const Locale = Type.Enum(['ar', 'zh', 'en', 'es', 'fr', 'ru']);

export const Me = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  locale: Type.String(),
  isPlatformAdmin: Type.Boolean(),
  hasTotp: Type.Boolean(),
  memberships: Type.Array(
    Type.Object({
      organizationId: Type.String(),
      organizationName: Type.String(),
      organizationKind: Type.Enum(ORG_KINDS),
      role: Type.Union([Type.Literal('org_admin'), Type.Literal('member')]),
      isOrgVerified: Type.Boolean(),
    }),
  ),
});

export const SignedIn = Type.Object({ user: Me, csrfToken: Type.String() });

export const SessionState = Type.Object({
  user: Type.Union([Me, Type.Null()]),
  csrfToken: Type.Union([Type.String(), Type.Null()]),
});

export const LoginBody = Type.Object(
  {
    email: Email,
    password: Password,
    totpCode: Type.Optional(TotpCode),
    recoveryCode: Type.Optional(Type.String({ minLength: 6, maxLength: 40 })),
  },
  { additionalProperties: false },
);

export const TotpEnrolment = Type.Object({
  secret: Type.String(),
  otpauthUri: Type.String(),
  qrSvg: Type.String(),
});
export const RecoveryCodes = Type.Object({ recoveryCodes: Type.Array(Type.String()) });

export const SetupBody = Type.Object(
  {
    token: LinkToken,
    email: Email,
    displayName: Type.String({ minLength: 1, maxLength: 120 }),
    password: Password,
    totpCode: TotpCode,
    locale: Type.Optional(Locale),
  },
  { additionalProperties: false },
);

export const SessionItem = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  lastSeenAt: Type.String(),
  expiresAt: Type.String(),
  ip: Type.Union([Type.String(), Type.Null()]),
  userAgent: Type.Union([Type.String(), Type.Null()]),
  isCurrent: Type.Boolean(),
});

export const ApiTokenItem = Type.Object({
  id: Type.String(),
  name: Type.String(),
  organizationId: Type.String(),
  organizationName: Type.String(),
  tokenPrefix: Type.String(),
  createdAt: Type.String(),
  expiresAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
});

export const AdminUser = Type.Object({
  id: Type.String(),
  email: Type.String(),
  displayName: Type.String(),
  isPlatformAdmin: Type.Boolean(),
  hasTotp: Type.Boolean(),
  createdAt: Type.String(),
  disabledAt: Type.Union([Type.String(), Type.Null()]),
});

export const IdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

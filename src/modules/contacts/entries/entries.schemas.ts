import { Type } from 'typebox';
import { pageOf } from '../../../core/http/pagination.ts';
import { POC_ROLES, POC_SERVICES } from '../codes.ts';
import { FRESHNESS_STATES } from '../freshness/validity.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) });

const Email = Type.String({ format: 'email', maxLength: 254 });
const Channel = (description: string) => Type.String({ minLength: 1, maxLength: 200, description });
const LanguageTag = Type.String({
  minLength: 2,
  maxLength: 35,
  description: 'A BCP 47 language tag, e.g. `en`, `fr-CA`, `zh-Hans`; stored in canonical form.',
});
const Languages = Type.Array(LanguageTag, {
  minItems: 1,
  maxItems: 10,
  description: 'In order of preference; mail goes out in the first one that is a UN language, else English.',
});
const TimeZone = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'IANA time zone, e.g. `Africa/Nairobi`.',
});
const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$', description: '`HH:MM`' });
export const WorkingHours = Type.Object(
  {
    days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
      minItems: 1,
      maxItems: 7,
      description: 'ISO weekdays: 1 = Monday … 7 = Sunday.',
    }),
    start: ClockTime,
    end: ClockTime,
  },
  {
    additionalProperties: false,
    description: 'Local hours in `timeZone`; an end before the start runs past midnight.',
  },
);
const OpenPgpKeyInput = Type.String({
  minLength: 1,
  maxLength: 70_000,
  description: 'An ASCII-armored OpenPGP public key; checked, and stored re-armored with its fingerprint.',
});
const Services = Type.Array(Type.Enum(POC_SERVICES), {
  maxItems: POC_SERVICES.length,
  description: 'What the contact offers, in the manner of RFC 2350 (codes from `contacts/codes`).',
});
const Role = Type.Enum(POC_ROLES);
const Name = Type.String({
  minLength: 1,
  maxLength: 200,
  description: 'The team or person the entry presents, e.g. "CERT-KE duty desk".',
});

export const Nominate = Type.Object(
  {
    orgId: Type.String({ minLength: 1, maxLength: 80 }),
    userId: Type.String({
      minLength: 1,
      maxLength: 80,
      description: 'The member of the organization who holds the role: signs in to act on requests.',
    }),
    role: Role,
    name: Name,
    email: Email,
    phone: Type.Optional(Nullable(Channel('Telephone, international format.'))),
    hotline: Type.Optional(Nullable(Channel('A line answered around the clock.'))),
    messenger: Type.Optional(Nullable(Channel('A secure messenger handle, e.g. "Signal: +254 …".'))),
    languages: Languages,
    timeZone: TimeZone,
    workingHours: Type.Optional(Nullable(WorkingHours)),
    openpgpKey: Type.Optional(Nullable(OpenPgpKeyInput)),
    services: Services,
  },
  { additionalProperties: false },
);

export const Edit = Type.Object(
  {
    userId: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    role: Type.Optional(Role),
    name: Type.Optional(Name),
    email: Type.Optional(Email),
    phone: Type.Optional(Nullable(Channel('Telephone, international format.'))),
    hotline: Type.Optional(Nullable(Channel('A line answered around the clock.'))),
    messenger: Type.Optional(Nullable(Channel('A secure messenger handle.'))),
    languages: Type.Optional(Languages),
    timeZone: Type.Optional(TimeZone),
    workingHours: Type.Optional(Nullable(WorkingHours)),
    openpgpKey: Type.Optional(Nullable(OpenPgpKeyInput)),
    services: Type.Optional(Services),
  },
  {
    additionalProperties: false,
    description:
      'Any field but the organization. The holder may change channels, languages, hours, key and services; ' +
      'role, name and holder are for the organization’s admins. Saving also confirms the entry.',
  },
);

export const ConfirmBody = Type.Object(
  {
    token: Type.Optional(
      Type.String({
        minLength: 16,
        maxLength: 200,
        description: 'The token from the reminder link (`#token=…`); signed-in holders and admins omit it.',
      }),
    ),
  },
  { additionalProperties: false },
);

const ArrayOf = <T extends Parameters<typeof Type.Array>[0]>(item: T, description: string) =>
  Type.Optional(Type.Array(item, { maxItems: 50, description }));

export const ContactQuery = Type.Object({
  country: ArrayOf(Type.String({ pattern: '^[A-Za-z]{2}$' }), 'ISO 3166-1 alpha-2; repeat for several.'),
  region: ArrayOf(
    Type.String({ pattern: '^[0-9]{3}$' }),
    'UN M49 region, sub-region or intermediate region code; repeat for several.',
  ),
  role: ArrayOf(Role, 'Repeat for several.'),
  language: ArrayOf(
    Type.String({ pattern: '^[A-Za-z]{2,3}$' }),
    'Primary language subtag: `fr` finds `fr` and `fr-CA`.',
  ),
  service: ArrayOf(Type.Enum(POC_SERVICES), 'Entries offering any of these services.'),
  orgId: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
  freshness: Type.Optional(Type.Enum(FRESHNESS_STATES)),
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'Part of the entry’s or the organization’s name.',
    }),
  ),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
});

const PersonRef = Type.Object({ id: Type.String(), displayName: Type.String() });

const OpenPgpSummary = Type.Object({
  fingerprint: Type.String({ description: 'Uppercase hex, no spaces.' }),
  expiresAt: Nullable(Type.String()),
  isExpired: Type.Boolean(),
});

const OpenPgpDetail = Type.Object({
  fingerprint: Type.String({ description: 'Uppercase hex, no spaces.' }),
  expiresAt: Nullable(Type.String()),
  isExpired: Type.Boolean(),
  armored: Type.String({ description: 'The public key, ASCII-armored.' }),
});

const contactFields = {
  id: Type.String(),
  org: Type.Object({
    id: Type.String(),
    name: Type.String(),
    kind: Type.String(),
    countryCode: Nullable(Type.String()),
    regionCode: Nullable(Type.String({ description: 'UN M49 region of the organization’s country.' })),
  }),
  role: Role,
  name: Type.String(),
  holder: PersonRef,
  isHolderCurrent: Type.Boolean({
    description:
      'The holder is still an active member of the organization. When false, requests and checks no longer reach this entry until an admin hands it to a current member.',
  }),
  channels: Type.Object({
    email: Type.String(),
    phone: Nullable(Type.String()),
    hotline: Nullable(Type.String()),
    messenger: Nullable(Type.String()),
  }),
  languages: Type.Array(Type.String()),
  timeZone: Type.String(),
  workingHours: Nullable(
    Type.Object({ days: Type.Array(Type.Integer()), start: Type.String(), end: Type.String() }),
  ),
  services: Type.Array(Type.Enum(POC_SERVICES)),
  nominatedBy: PersonRef,
  confirmedAt: Type.String(),
  validUntil: Type.String(),
  freshness: Type.Enum(FRESHNESS_STATES, {
    description: '`expiring`: within 30 days of `validUntil`; `stale`: past it.',
  }),
};

export const ContactSummary = Type.Object({ ...contactFields, openpgp: Nullable(OpenPgpSummary) });
export const Contact = Type.Object({ ...contactFields, openpgp: Nullable(OpenPgpDetail) });
/** The answer to a confirmation through a reminder link: its holder is not signed in, so only the outcome. */
export const LinkConfirmation = Type.Object({
  id: Type.String(),
  confirmedAt: Type.String({ format: 'date-time' }),
  validUntil: Type.String({ format: 'date-time' }),
});
export const ContactList = pageOf(ContactSummary);

import { Type } from 'typebox';
import { pageOf } from '../../../core/http/pagination.ts';

export const SAFE_HARBOR_LEVELS = ['full', 'partial', 'none'] as const;
export const DISCLOSURE_POLICIES = ['coordinated', 'discretionary', 'non_disclosure'] as const;
/** The disclosure deadlines a program or a case chooses from, in days; 45 is the default. */
export const DISCLOSURE_DAY_PRESETS = [45, 90, 120] as const;
export const PROGRAM_STATUSES = ['draft', 'published', 'retired'] as const;
export const UI_LANGUAGES = ['ar', 'en', 'es', 'fr', 'ru', 'zh'] as const;

const ScopeLine = Type.String({ minLength: 1, maxLength: 500, pattern: '^[^\\r\\n]+$' });
const LanguageTag = Type.String({
  minLength: 2,
  maxLength: 35,
  pattern: '^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$',
});

const ProgramFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  scopeIn: Type.Array(ScopeLine, {
    minItems: 1,
    maxItems: 50,
    description: 'What is in scope: products, services, domains, networks, one per line.',
  }),
  scopeOut: Type.Array(ScopeLine, { maxItems: 50, description: 'What is out of scope, one per line.' }),
  safeHarbor: Type.Enum(SAFE_HARBOR_LEVELS, {
    description:
      '`full`: research under the terms is authorized and no legal action will be taken; `partial`: no legal action by the organization; `none`: no promise (the policy says so).',
  }),
  disclosurePolicy: Type.Enum(DISCLOSURE_POLICIES),
  disclosureDays: Type.Enum(DISCLOSURE_DAY_PRESETS, {
    description: 'Default days before the reporter may publish under coordinated disclosure.',
  }),
  acknowledgeDays: Type.Integer({ minimum: 1, maximum: 30 }),
  triageDays: Type.Integer({ minimum: 1, maximum: 90 }),
  resolveDays: Type.Integer({ minimum: 1, maximum: 365 }),
  languages: Type.Array(LanguageTag, {
    minItems: 1,
    maxItems: 10,
    uniqueItems: true,
    description: 'BCP 47 tags of the languages reports are accepted in.',
  }),
  acceptsAnonymous: Type.Boolean(),
  offersCredit: Type.Boolean(),
  openpgpKey: Type.Union([Type.String({ minLength: 1, maxLength: 70_000 }), Type.Null()], {
    description: 'ASCII-armored OpenPGP public key reports may be encrypted to, in the browser.',
  }),
};

export const CreateProgram = Type.Object(
  {
    orgId: Type.String({ minLength: 1, maxLength: 64 }),
    ...ProgramFields,
    publish: Type.Optional(Type.Boolean({ description: 'Publish at once instead of keeping a draft.' })),
  },
  { additionalProperties: false },
);

export const UpdateProgram = Type.Object(
  {
    name: Type.Optional(ProgramFields.name),
    scopeIn: Type.Optional(ProgramFields.scopeIn),
    scopeOut: Type.Optional(ProgramFields.scopeOut),
    safeHarbor: Type.Optional(ProgramFields.safeHarbor),
    disclosurePolicy: Type.Optional(ProgramFields.disclosurePolicy),
    disclosureDays: Type.Optional(ProgramFields.disclosureDays),
    acknowledgeDays: Type.Optional(ProgramFields.acknowledgeDays),
    triageDays: Type.Optional(ProgramFields.triageDays),
    resolveDays: Type.Optional(ProgramFields.resolveDays),
    languages: Type.Optional(ProgramFields.languages),
    acceptsAnonymous: Type.Optional(ProgramFields.acceptsAnonymous),
    offersCredit: Type.Optional(ProgramFields.offersCredit),
    openpgpKey: Type.Optional(ProgramFields.openpgpKey),
    status: Type.Optional(Type.Enum(PROGRAM_STATUSES)),
  },
  { additionalProperties: false, minProperties: 1 },
);

export const ProgramQuery = Type.Object(
  {
    orgId: Type.Optional(Type.String({ maxLength: 64 })),
    status: Type.Optional(Type.Enum(PROGRAM_STATUSES)),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);

export const ProgramReadQuery = Type.Object(
  {
    lang: Type.Optional(
      Type.Enum(UI_LANGUAGES, {
        description: 'The language of the generated policy text (default English).',
      }),
    ),
  },
  { additionalProperties: false },
);

export const Program = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  orgKind: Type.String(),
  isStateProgram: Type.Boolean(),
  name: Type.String(),
  status: Type.String(),
  scopeIn: Type.Array(Type.String()),
  scopeOut: Type.Array(Type.String()),
  safeHarbor: Type.String(),
  disclosurePolicy: Type.String(),
  disclosureDays: Type.Integer(),
  responseTargets: Type.Object({
    acknowledgeDays: Type.Integer(),
    triageDays: Type.Integer(),
    resolveDays: Type.Integer(),
  }),
  languages: Type.Array(Type.String()),
  acceptsAnonymous: Type.Boolean(),
  offersCredit: Type.Boolean(),
  openpgp: Type.Union([
    Type.Object({
      fingerprint: Type.String(),
      expiresAt: Type.Union([Type.String(), Type.Null()]),
      armored: Type.String(),
    }),
    Type.Null(),
  ]),
  policyLanguage: Type.String(),
  policyText: Type.String({ description: 'Markdown, generated from the terms.' }),
  reportUrl: Type.String(),
  canManage: Type.Boolean(),
  canTriage: Type.Boolean(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
});

export const ProgramSummary = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  isStateProgram: Type.Boolean(),
  name: Type.String(),
  status: Type.String(),
  languages: Type.Array(Type.String()),
  safeHarbor: Type.String(),
  hasOpenpgpKey: Type.Boolean(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
});

export const ProgramList = pageOf(ProgramSummary);

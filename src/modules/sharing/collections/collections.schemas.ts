import { type Static, Type } from 'typebox';
import { VISIBILITIES } from '../../../core/access/visibility.ts';
import { pageOf } from '../../../core/http/pagination.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

/** Labels a collection may default to: TLP:RED reaches named people only, never a collection's audience. */
export const COLLECTION_TLP_LABELS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT'] as const;

const OrgIds = (description: string) =>
  Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 500, uniqueItems: true, description });

const Alias = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{0,62}$',
  description: 'TAXII’s user-friendly label for the collection, unique on the instance.',
});

export const CreateCollection = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    alias: Type.Optional(Alias),
    ownerOrgId: Type.Union([Type.String({ minLength: 1, maxLength: 80 }), Type.Null()], {
      description:
        'The organization that runs the collection (its admins manage it); null for a collection of the instance, which platform admins run.',
    }),
    visibility: Type.Enum(VISIBILITIES, {
      description:
        'Who may list the collection and read its unlabelled, CLEAR and GREEN objects. Fixed once created: objects are shared under it.',
    }),
    memberOrgIds: Type.Optional(
      OrgIds(
        'Member organizations: a participants collection is shared with them, and TLP:AMBER objects reach them.',
      ),
    ),
    writerOrgIds: Type.Optional(OrgIds('Organizations that may add objects besides the owner.')),
    defaultTlp: Type.Optional(
      Type.Enum(COLLECTION_TLP_LABELS, {
        default: 'TLP:GREEN',
        description: 'The label of objects added without a TLP marking of their own.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CreateCollection = Static<typeof CreateCollection>;

export const UpdateCollection = Type.Object(
  {
    title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    description: Type.Optional(Type.String({ maxLength: 4000 })),
    alias: Type.Optional(Nullable(Alias)),
    memberOrgIds: Type.Optional(OrgIds('Replaces the member organizations.')),
    writerOrgIds: Type.Optional(OrgIds('Replaces the writer organizations.')),
    defaultTlp: Type.Optional(
      Type.Enum(COLLECTION_TLP_LABELS, { description: 'Applies to objects added from now on.' }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCollection = Static<typeof UpdateCollection>;

const OrgRef = Type.Object({ id: Type.String(), name: Type.String() });

export const Collection = Type.Object({
  id: Type.String({ description: 'The TAXII collection id (a UUID).' }),
  alias: Nullable(Type.String()),
  title: Type.String(),
  description: Type.String(),
  instanceKey: Nullable(
    Type.String({ description: 'Set on the collections the instance keeps itself, e.g. incidents.' }),
  ),
  ownerOrg: Nullable(OrgRef),
  visibility: Type.Enum(VISIBILITIES),
  defaultTlp: Type.String(),
  memberOrgs: Nullable(Type.Array(OrgRef, { description: 'Shown to the collection’s managers only.' })),
  writerOrgs: Nullable(Type.Array(OrgRef, { description: 'Shown to the collection’s managers only.' })),
  taxiiUrl: Type.String({ description: 'The collection’s address on the TAXII 2.1 server.' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  retiredAt: Nullable(Type.String({ format: 'date-time' })),
  viewer: Type.Object({ canRead: Type.Boolean(), canWrite: Type.Boolean(), canManage: Type.Boolean() }),
});
export type Collection = Static<typeof Collection>;

export const CollectionList = pageOf(Collection);

import { type Static, Type } from 'typebox';
import { pageOf } from '../../../core/http/pagination.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);

export const FeedAuthInput = Type.Union(
  [
    Type.Object({ type: Type.Literal('none') }, { additionalProperties: false }),
    Type.Object(
      {
        type: Type.Literal('basic'),
        username: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^:]*$' }),
        password: Type.String({ minLength: 1, maxLength: 1000 }),
      },
      { additionalProperties: false },
    ),
    Type.Object(
      {
        type: Type.Literal('bearer'),
        token: Type.String({ minLength: 1, maxLength: 2000, pattern: '^\\S+$' }),
      },
      { additionalProperties: false },
    ),
  ],
  {
    description:
      'How to authenticate to the remote server. The password or token is stored encrypted and never shown again.',
  },
);
export type FeedAuthInput = Static<typeof FeedAuthInput>;

const ApiRootUrl = Type.String({
  minLength: 8,
  maxLength: 500,
  pattern: '^https?://',
  description:
    'The remote TAXII 2.1 API root, e.g. https://cti.example.org/taxii2/api/ or an OpenCTI …/taxii2/root/.',
});
const RemoteCollectionId = Type.String({
  minLength: 1,
  maxLength: 200,
  pattern: '^[A-Za-z0-9._~-]+$',
  description: 'The remote collection’s id.',
});
const Interval = Type.Integer({ minimum: 5, maximum: 10080, description: 'Minutes between polls.' });

export const CreateFeed = Type.Object(
  {
    orgId: Type.String({
      minLength: 1,
      maxLength: 80,
      description: 'The organization that polls (its admins manage the feed).',
    }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    apiRootUrl: ApiRootUrl,
    collectionId: RemoteCollectionId,
    localCollectionId: Type.String({
      minLength: 1,
      maxLength: 80,
      description: 'Where polled objects go; the organization must be able to add to it.',
    }),
    auth: FeedAuthInput,
    intervalMinutes: Type.Optional({ ...Interval, default: 60 }),
    isEnabled: Type.Optional(Type.Boolean({ default: true })),
  },
  { additionalProperties: false },
);
export type CreateFeed = Static<typeof CreateFeed>;

export const UpdateFeed = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    apiRootUrl: Type.Optional(ApiRootUrl),
    collectionId: Type.Optional(RemoteCollectionId),
    localCollectionId: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
    auth: Type.Optional(FeedAuthInput),
    intervalMinutes: Type.Optional(Interval),
    isEnabled: Type.Optional(Type.Boolean()),
    restart: Type.Optional(
      Type.Literal(true, {
        description: 'Forget the position: the next poll asks for the whole remote collection again.',
      }),
    ),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateFeed = Static<typeof UpdateFeed>;

export const FeedQuery = Type.Object(
  {
    orgId: Type.String({ minLength: 1, maxLength: 80 }),
  },
  { additionalProperties: false },
);

export const FeedRun = Type.Object({
  id: Type.String(),
  trigger: Type.Union([Type.Literal('schedule'), Type.Literal('manual')]),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
  pages: Type.Integer(),
  objectsReceived: Type.Integer(),
  objectsAdded: Type.Integer({ description: 'New objects and versions stored.' }),
  objectsRejected: Type.Integer({ description: 'Objects refused: invalid STIX, or TLP:RED.' }),
  addedAfterFrom: Nullable(Type.String({ description: 'The position the run started from.' })),
  addedAfterTo: Nullable(Type.String({ description: 'The position it reached.' })),
  error: Nullable(Type.String()),
});
export type FeedRun = Static<typeof FeedRun>;

export const Feed = Type.Object({
  id: Type.String(),
  orgId: Type.String(),
  name: Type.String(),
  apiRootUrl: Type.String(),
  collectionId: Type.String(),
  localCollectionId: Type.String(),
  auth: Type.Object({
    type: Type.Union([Type.Literal('none'), Type.Literal('basic'), Type.Literal('bearer')]),
    username: Nullable(Type.String()),
    hasSecret: Type.Boolean(),
  }),
  intervalMinutes: Type.Integer(),
  isEnabled: Type.Boolean(),
  addedAfter: Nullable(Type.String({ description: 'The next poll asks for objects added after this time.' })),
  nextRunAt: Type.String({ format: 'date-time' }),
  lastRun: Nullable(FeedRun),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Feed = Static<typeof Feed>;

export const FeedList = Type.Object({ items: Type.Array(Feed) });
export const FeedRunList = pageOf(FeedRun);

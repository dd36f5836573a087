import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { PageQuery } from '../../../core/http/pagination.ts';
import * as schemas from './collections.schemas.ts';
import {
  createCollection,
  findCollections,
  getCollection,
  retireCollection,
  updateCollection,
} from './collections.service.ts';

const tags = ['sharing'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) });

export async function collectionRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.get(
    '/sharing/collections',
    {
      schema: {
        tags,
        summary: 'The TAXII collections you may read',
        querystring: PageQuery,
        response: { 200: schemas.CollectionList },
      },
    },
    (request) => findCollections(ctx, request.actor, request.query),
  );

  app.post(
    '/sharing/collections',
    {
      schema: {
        tags,
        summary: 'Create a TAXII collection (admins of the owner organization, or platform admins)',
        description:
          'Visibility is fixed at creation. Members receive the collection’s TLP:AMBER objects; writers may add objects. 422 `unknown_organizations` names organizations that do not exist; 409 `alias_taken`.',
        body: schemas.CreateCollection,
        response: { 201: schemas.Collection },
      },
      config: { isIdempotent: true },
    },
    async (request, reply) =>
      reply.status(201).send(await createCollection(ctx, request.actor, request.body)),
  );

  app.get(
    '/sharing/collections/:id',
    {
      schema: {
        tags,
        summary: 'A TAXII collection',
        params: IdParams,
        response: { 200: schemas.Collection },
      },
    },
    (request) => getCollection(ctx, request.actor, request.params.id),
  );

  app.patch(
    '/sharing/collections/:id',
    {
      schema: {
        tags,
        summary: 'Change a collection’s title, description, alias, members, writers or default label',
        description: 'A new default label applies to objects added from then on. 409 `collection_retired`.',
        params: IdParams,
        body: schemas.UpdateCollection,
        response: { 200: schemas.Collection },
      },
    },
    (request) => updateCollection(ctx, request.actor, request.params.id, request.body),
  );

  app.delete(
    '/sharing/collections/:id',
    {
      schema: {
        tags,
        summary: 'Retire a collection: TAXII stops listing and serving it; its objects are kept',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await retireCollection(ctx, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { PageQuery } from '../../../core/http/pagination.ts';
import * as schemas from './feeds.schemas.ts';
import {
  createFeed,
  deleteFeed,
  findFeedRuns,
  findFeeds,
  getFeed,
  runFeedNow,
  updateFeed,
} from './feeds.service.ts';

const tags = ['sharing'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) });

export async function feedRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.get(
    '/sharing/feeds',
    {
      schema: {
        tags,
        summary: 'An organization’s TAXII feeds (its admins, or platform admins)',
        querystring: schemas.FeedQuery,
        response: { 200: schemas.FeedList },
      },
    },
    (request) => findFeeds(ctx, request.actor, request.query.orgId),
  );

  app.post(
    '/sharing/feeds',
    {
      schema: {
        tags,
        summary: 'Poll a remote TAXII 2.1 collection into a local one',
        description:
          'Another Common Ground instance, OpenCTI or any TAXII 2.1 server. The first poll comes within a minute; each later one asks for objects added after the last it stored. 422 `unsafe_url` for addresses on private networks (unless the operator allows them), 422 `collection_not_writable` when the organization cannot add to the local collection.',
        body: schemas.CreateFeed,
        response: { 201: schemas.Feed },
      },
      config: { isIdempotent: true },
    },
    async (request, reply) => reply.status(201).send(await createFeed(ctx, request.actor, request.body)),
  );

  app.get(
    '/sharing/feeds/:id',
    {
      schema: {
        tags,
        summary: 'A TAXII feed and its last run',
        params: IdParams,
        response: { 200: schemas.Feed },
      },
    },
    (request) => getFeed(ctx, request.actor, request.params.id),
  );

  app.patch(
    '/sharing/feeds/:id',
    {
      schema: {
        tags,
        summary: 'Change a TAXII feed; a new source or `restart` polls it from the beginning',
        params: IdParams,
        body: schemas.UpdateFeed,
        response: { 200: schemas.Feed },
      },
    },
    (request) => updateFeed(ctx, request.actor, request.params.id, request.body),
  );

  app.delete(
    '/sharing/feeds/:id',
    {
      schema: {
        tags,
        summary: 'Delete a TAXII feed and its run log (objects already polled stay)',
        params: IdParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await deleteFeed(ctx, request.actor, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/sharing/feeds/:id/run',
    {
      schema: {
        tags,
        summary: 'Poll the feed now and answer with the run',
        description: '409 `feed_running` while another run holds the feed.',
        params: IdParams,
        response: { 200: schemas.FeedRun },
      },
    },
    (request) => runFeedNow(ctx, request.actor, request.params.id),
  );

  app.get(
    '/sharing/feeds/:id/runs',
    {
      schema: {
        tags,
        summary: 'The feed’s runs, newest first',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: schemas.FeedRunList },
      },
    },
    (request) => findFeedRuns(ctx, request.actor, request.params.id, request.query),
  );
}

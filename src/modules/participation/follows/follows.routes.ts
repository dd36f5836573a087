import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import * as schemas from './follows.schemas.ts';
import { findFollows, follow, getAtomFeed, unfollow } from './follows.service.ts';

const tags = ['participation'];

export async function followRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.get(
    '/follows',
    { schema: { tags, summary: 'What you follow', response: { 200: schemas.FollowList } } },
    (request) => findFollows(ctx, request.actor),
  );

  app.put(
    '/follows/:subjectType/:subjectId',
    {
      schema: {
        tags,
        summary: 'Follow a process, group, draft or measure',
        description: 'You get a daily e-mail digest of what changed; the same changes are in its Atom feed.',
        params: schemas.FollowParams,
        response: { 200: schemas.Follow },
      },
    },
    (request) => follow(ctx, request.actor, request.params.subjectType, request.params.subjectId),
  );

  app.delete(
    '/follows/:subjectType/:subjectId',
    {
      schema: {
        tags,
        summary: 'Stop following',
        params: schemas.FollowParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await unfollow(ctx, request.actor, request.params.subjectType, request.params.subjectId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/feeds/:subjectType/:file',
    {
      schema: {
        tags,
        summary: 'Atom feed of what changed',
        params: schemas.FeedParams,
        produces: ['application/atom+xml'],
        response: { 200: Type.String({ description: 'An Atom (RFC 4287) feed.' }) },
      },
    },
    async (request, reply) => {
      const id = request.params.file.replace(/\.atom$/, '');
      return reply
        .type('application/atom+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(await getAtomFeed(ctx, request.params.subjectType, id));
    },
  );
}

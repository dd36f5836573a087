import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { matchesIfNoneMatch, precomputeJson } from '../../../core/reference/reference.routes.ts';
import { Coverage, FreshnessStats } from './directory.schemas.ts';
import { getCoverage, getFreshnessStats } from './directory.service.ts';

const tags = ['contacts'];

/** Coverage changes only when a State nominates, is verified or goes: revalidation mostly ends in a 304. */
async function sendCoverage(ctx: FastifyInstance['ctx'], request: FastifyRequest, reply: FastifyReply) {
  const payload = precomputeJson(await getCoverage(ctx));
  reply.header('cache-control', 'public, max-age=60');
  reply.header('etag', payload.etag);
  if (matchesIfNoneMatch(request.headers['if-none-match'], payload.etag)) return reply.code(304).send();
  // A Buffer goes out as it is, already serialized.
  return reply.type('application/json; charset=utf-8').send(payload.body);
}

export async function directoryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.get(
    '/directory/coverage',
    {
      schema: {
        tags,
        summary: 'Which States have nominated points of contact',
        description:
          'Public. Each verified State with whether it has nominated and which of the diplomatic, policy and ' +
          'technical roles it has filled, and per UN M49 region the number of States on the platform and of ' +
          'those that nominated. No contact details. Send If-None-Match with the ETag to revalidate.',
        response: {
          200: Coverage,
          304: Type.Null({ description: 'Not modified: the ETag in If-None-Match is current.' }),
        },
      },
    },
    (request, reply) => sendCoverage(ctx, request, reply),
  );

  app.get(
    '/directory/freshness',
    {
      schema: {
        tags,
        summary: 'How current the directory is',
        description:
          'For the verified community: entries that are fresh, expiring (within 30 days of the end of their ' +
          'validity) or stale, overall and per UN M49 region, with the median days since confirmation.',
        response: { 200: FreshnessStats },
      },
    },
    (request) => getFreshnessStats(ctx, request.actor),
  );
}

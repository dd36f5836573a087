import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import * as schemas from './checks.schemas.ts';
import { acknowledge, createCheck, findChecks, getCheck, getResultsCsv } from './checks.service.ts';

const tags = ['exercises'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 80 }) });

export async function checkRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.post(
    '/communication-checks',
    {
      schema: {
        tags,
        summary: 'Ping points of contact: a communication check (secretariat)',
        description:
          'Every current POC of a verified organization that the filter matches gets a mail in its language with a one-click acknowledge link. Answers 422 `no_matching_contacts` when the filter matches nobody.',
        body: schemas.CreateCheck,
        response: { 201: schemas.CheckSummary },
      },
      config: { isIdempotent: true },
    },
    async (request, reply) => reply.status(201).send(await createCheck(ctx, request.actor, request.body)),
  );

  app.get(
    '/communication-checks',
    {
      schema: {
        tags,
        summary: 'The history of communication checks, newest first (secretariat)',
        querystring: schemas.CheckQuery,
        response: { 200: schemas.CheckList },
      },
    },
    (request) => findChecks(ctx, request.actor, request.query),
  );

  app.post(
    '/communication-checks/acknowledgements',
    {
      schema: {
        tags,
        summary: 'Acknowledge a communication check with the token of its link',
        description:
          'No sign-in: the link is the credential. The first answer is recorded; a repeat answers `alreadyAcknowledged: true` and changes nothing. 404 `invalid_token` for an unknown token, 410 `check_closed` once the check has closed.',
        body: schemas.Acknowledge,
        response: { 200: schemas.Acknowledgement },
      },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    (request) => acknowledge(ctx, request.actor, request.body.token),
  );

  app.get(
    '/communication-checks/:id',
    {
      schema: {
        tags,
        summary: 'A communication check’s results: rates and times by region and role, non-responders',
        params: IdParams,
        response: { 200: schemas.CheckDetail },
      },
    },
    (request) => getCheck(ctx, request.actor, request.params.id),
  );

  app.get(
    '/communication-checks/:id/results.csv',
    {
      schema: {
        tags,
        summary: 'A communication check’s results as CSV, one line per point of contact',
        params: IdParams,
        produces: ['text/csv'],
        response: { 200: Type.String({ description: 'RFC 4180 CSV, UTF-8.' }) },
      },
    },
    async (request, reply) => {
      const csv = await getResultsCsv(ctx, request.actor, request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="communication-check-${request.params.id}.csv"`)
        .send(csv);
    },
  );
}

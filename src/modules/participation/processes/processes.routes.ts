import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { PageQuery } from '../../../core/http/pagination.ts';
import { IdParams } from '../shared.schemas.ts';
import * as schemas from './processes.schemas.ts';
import { createProcess, findProcesses, getProcess, updateProcess } from './processes.service.ts';

const tags = ['participation'];

export async function processRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.get(
    '/processes',
    {
      schema: {
        tags,
        summary: 'List processes',
        description: 'Public: every process with its modalities, so a newcomer sees how to take part.',
        querystring: PageQuery,
        response: { 200: schemas.ProcessList },
      },
    },
    (request) => findProcesses(ctx, request.query),
  );

  app.post(
    '/processes',
    {
      schema: {
        tags,
        summary: 'Define a process (secretariat)',
        body: schemas.CreateProcess,
        response: { 201: schemas.Process },
      },
      config: { isIdempotent: true },
    },
    async (request, reply) => reply.status(201).send(await createProcess(ctx, request.actor, request.body)),
  );

  app.get(
    '/processes/:id',
    {
      schema: { tags, summary: 'Get a process', params: IdParams, response: { 200: schemas.Process } },
    },
    (request) => getProcess(ctx, request.params.id),
  );

  app.patch(
    '/processes/:id',
    {
      schema: {
        tags,
        summary: 'Update a process (secretariat)',
        params: IdParams,
        body: schemas.UpdateProcess,
        response: { 200: schemas.Process },
      },
    },
    (request) => updateProcess(ctx, request.actor, request.params.id, request.body),
  );
}

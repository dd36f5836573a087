import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { IdParams } from '../shared.schemas.ts';
import * as schemas from './statements.schemas.ts';
import {
  findStatements,
  getStatement,
  getStatementFile,
  moderateStatement,
  submitStatement,
} from './statements.service.ts';

const tags = ['participation'];

export async function statementRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.get(
    '/statements',
    {
      schema: {
        tags,
        summary: 'List written contributions',
        description:
          'Published ones for everyone, with attribution; your organizations’ own submissions whatever their status; every submission for the secretariat (`status=submitted` is its moderation queue).',
        querystring: schemas.StatementQuery,
        response: { 200: schemas.StatementList },
      },
    },
    (request) => findStatements(ctx, request.actor, request.query),
  );

  app.post(
    '/processes/:id/statements',
    {
      schema: {
        tags,
        summary: 'Submit a statement, position paper or written input',
        description:
          'For States and accredited stakeholders. Send Markdown, or a PDF as base64 (its text is extracted for search). It is published after moderation.',
        params: IdParams,
        body: schemas.SubmitStatement,
        response: { 201: schemas.Statement },
      },
      // Base64 makes a file a third larger; the JSON around it is small.
      bodyLimit: Math.ceil((ctx.config.uploadLimitBytes * 4) / 3) + 65_536,
      config: { isIdempotent: true },
    },
    async (request, reply) =>
      reply.status(201).send(await submitStatement(ctx, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/statements/:id',
    {
      schema: {
        tags,
        summary: 'Get a written contribution',
        params: IdParams,
        response: { 200: schemas.Statement },
      },
    },
    (request) => getStatement(ctx, request.actor, request.params.id),
  );

  app.get(
    '/statements/:id/file',
    {
      schema: {
        tags,
        summary: 'Download the original PDF',
        params: IdParams,
        produces: ['application/pdf'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) },
      },
    },
    async (request, reply) => {
      const file = await getStatementFile(ctx, request.actor, request.params.id);
      const asciiName = file.fileName.replace(/[^\x20-\x7e]|"/g, '_');
      return reply
        .type(file.contentType)
        .header(
          'content-disposition',
          `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        )
        .send(file.data);
    },
  );

  app.post(
    '/statements/:id/moderation',
    {
      schema: {
        tags,
        summary: 'Publish or reject a submission (secretariat)',
        params: IdParams,
        body: schemas.Moderate,
        response: { 200: schemas.Statement },
      },
    },
    (request) => moderateStatement(ctx, request.actor, request.params.id, request.body),
  );
}

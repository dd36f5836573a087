import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import * as schemas from './programs.schemas.ts';
import {
  createProgram,
  getProgram,
  getReadableProgram,
  listPrograms,
  updateProgram,
} from './programs.service.ts';
import { instanceSecurityTxt, programSecurityTxt } from './security-txt.service.ts';

const tags = ['disclosure'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export async function programRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.get(
    '/disclosure-programs',
    {
      schema: {
        tags,
        summary: 'List vulnerability disclosure programs',
        description: 'Published programs, and the drafts and retired programs of your own organizations.',
        querystring: schemas.ProgramQuery,
        response: { 200: schemas.ProgramList },
      },
    },
    (request) => listPrograms(ctx, request.actor, request.query),
  );

  app.post(
    '/disclosure-programs',
    {
      schema: {
        tags,
        summary: 'Create a vulnerability disclosure program',
        description:
          'By an admin of a verified organization. The policy text is generated from the terms in each UN language. Send `publish: true` to open it to reports at once.',
        body: schemas.CreateProgram,
        response: { 201: schemas.Program },
      },
      config: { isIdempotent: true },
    },
    async (request, reply) => reply.status(201).send(await createProgram(ctx, request.actor, request.body)),
  );

  app.get(
    '/disclosure-programs/:id',
    {
      schema: {
        tags,
        summary: 'Read a disclosure program with its policy text',
        params: IdParams,
        querystring: schemas.ProgramReadQuery,
        response: { 200: schemas.Program },
      },
    },
    (request) => getProgram(ctx, request.actor, request.params.id, request.query.lang ?? 'en'),
  );

  app.patch(
    '/disclosure-programs/:id',
    {
      schema: {
        tags,
        summary: 'Edit, publish or retire a disclosure program',
        description:
          'draft → published → retired → published; a wrong change answers 409 `invalid_transition`.',
        params: IdParams,
        body: schemas.UpdateProgram,
        response: { 200: schemas.Program },
      },
    },
    (request) => updateProgram(ctx, request.actor, request.params.id, request.body),
  );

  app.get(
    '/disclosure-programs/:id/openpgp.asc',
    {
      schema: {
        tags,
        summary: "Download the program's OpenPGP public key",
        params: IdParams,
        produces: ['application/pgp-keys'],
      },
    },
    async (request, reply) => {
      const row = await getReadableProgram(ctx, request.actor, request.params.id);
      if (!row.openpgp_key) return reply.status(404).type('text/plain; charset=utf-8').send('No key.\n');
      return reply
        .type('application/pgp-keys')
        .header('content-disposition', `attachment; filename="${row.id}.asc"`)
        .send(row.openpgp_key);
    },
  );

  app.get(
    '/disclosure-programs/:id/security.txt',
    {
      schema: {
        tags,
        summary: 'A security.txt (RFC 9116) for the organization to serve on its own domain',
        description: 'Points to this program; expires in 180 days, so the organization refreshes it.',
        params: IdParams,
        produces: ['text/plain'],
      },
    },
    async (request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send(await programSecurityTxt(ctx, request.actor, request.params.id)),
  );
}

/** /.well-known/security.txt (RFC 9116): the instance's published programs, signed with the instance key. */
export async function securityTxtRoutes(app: FastifyInstance): Promise<void> {
  app.get('/.well-known/security.txt', { schema: { hide: true } }, async (_request, reply) => {
    const text = await instanceSecurityTxt(app.ctx);
    if (!text)
      return reply
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('No disclosure program is published.\n');
    return reply.type('text/plain; charset=utf-8').header('cache-control', 'public, max-age=3600').send(text);
  });
}

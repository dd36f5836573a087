import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { PageQuery, pageOf } from '../http/pagination.ts';
import { findUsers, updateUser } from './admin.service.ts';
import { AdminUser, IdParam } from './identity.schemas.ts';

export async function adminRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;
  const tags = ['admin'];
  app.get(
    '/admin/users',
    {
      schema: {
        tags,
        summary: 'List user accounts (platform admins)',
        querystring: Type.Intersect([
          PageQuery,
          Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }),
        ]),
        response: { 200: pageOf(AdminUser) },
      },
    },
    (request) => findUsers(ctx, request.actor, request.query),
  );
  app.patch(
    '/admin/users/:id',
    {
      schema: {
        tags,
        summary: 'Grant or remove platform-admin powers, or disable an account',
        params: IdParam,
        body: Type.Object(
          { isPlatformAdmin: Type.Optional(Type.Boolean()), isDisabled: Type.Optional(Type.Boolean()) },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: AdminUser },
      },
    },
    (request) => updateUser(ctx, request.actor, request.params.id, request.body),
  );
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { PageQuery, pageOf } from '../http/pagination.ts';
import { findAuditEvents } from './audit.service.ts';

const Nullable = Type.Union([Type.String(), Type.Null()]);
export const AuditEvent = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  at: Type.String(),
  actorUserId: Nullable,
  actorLabel: Type.String(),
  organizationId: Nullable,
  action: Type.String(),
  subjectType: Type.String(),
  subjectId: Nullable,
  summary: Type.String(),
  prevHash: Type.String(),
  hash: Type.String(),
});

export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;
  const tags = ['audit'];
  app.get(
    '/audit-events',
    {
      schema: {
        tags,
        summary: 'Every audit event (platform admins)',
        querystring: PageQuery,
        response: { 200: pageOf(AuditEvent) },
      },
    },
    (request) => findAuditEvents(ctx, request.actor, request.query),
  );
  app.get(
    '/organizations/:id/audit-events',
    {
      schema: {
        tags,
        summary: "An organization's audit events (its org admins and platform admins)",
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }),
        querystring: PageQuery,
        response: { 200: pageOf(AuditEvent) },
      },
    },
    (request) => findAuditEvents(ctx, request.actor, { orgId: request.params.id, ...request.query }),
  );
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Actor } from '../access/actor.ts';
import { authorize } from '../access/policy.ts';
import type { AppContext } from '../context.ts';
import type { AuditEventsTable } from '../db/tables.ts';
import { decodeCursor, PageQuery, pageOf, toPage } from '../http/pagination.ts';
import { getOrganizationRow } from '../orgs/orgs.service.ts';

export function presentAuditEvent(row: AuditEventsTable) {
  return {
    id: row.id,
    seq: row.seq,
    at: row.at,
    actorUserId: row.actor_user_id,
    actorLabel: row.actor_label,
    organizationId: row.org_id,
    action: row.action,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    summary: row.summary,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

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

/** Newest first. Org admins read their organization's events; platform admins read all. */
export async function findAuditEvents(
  ctx: AppContext,
  actor: Actor,
  query: { orgId?: string; cursor?: string; limit?: number },
) {
  if (query.orgId) {
    const org = await getOrganizationRow(ctx, actor, query.orgId);
    authorize(actor, 'organization.audit.read', {
      type: 'organization',
      id: org.id,
      verificationStatus: org.verification_status as 'verified',
    });
  } else {
    authorize(actor, 'audit.read_all', { type: 'platform' });
  }
  const limit = query.limit ?? 50;
  const before = decodeCursor(query.cursor);
  let select = ctx.db.selectFrom('audit_events').selectAll();
  if (query.orgId) select = select.where('org_id', '=', query.orgId);
  if (before !== undefined) select = select.where('seq', '<', Number(before));
  const rows = await select
    .orderBy('seq', 'desc')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, (r) => r.seq, presentAuditEvent);
}

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

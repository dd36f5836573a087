import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { readChangeCountersOnce } from '../db/change-counters.ts';
import { sendCachedJson } from '../http/json-cache.ts';
import { PageQuery } from '../http/pagination.ts';
import { createInvitation, findInvitations, revokeInvitation } from './invitations.service.ts';
import * as schemas from './orgs.schemas.ts';
import {
  changeMemberRole,
  createOrganization,
  findMembers,
  findOrganizations,
  getOrganization,
  removeMember,
  setVerification,
  updateOrganization,
} from './orgs.service.ts';

const tags = ['organizations'];

export async function organizationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.get(
    '/organizations',
    {
      schema: {
        tags,
        summary: 'List organizations',
        description:
          'Verified organizations, plus your own; platform admins see every organization, which makes `verificationStatus=unverified` the verification queue.',
        querystring: schemas.OrganizationQuery,
        response: { 200: schemas.OrganizationList },
      },
    },
    async (request, reply) =>
      sendCachedJson(
        reply,
        await findOrganizations(ctx, request.actor, request.query, readChangeCountersOnce(ctx.db, request)),
      ),
  );

  app.post(
    '/organizations',
    {
      schema: {
        tags,
        summary: 'Create an organization',
        description:
          'The creator becomes its org admin. It starts unverified until a platform admin verifies it.',
        body: schemas.CreateOrganization,
        response: { 201: schemas.Organization },
      },
      config: { isIdempotent: true },
    },
    async (request, reply) =>
      reply.status(201).send(await createOrganization(ctx, request.actor, request.body)),
  );

  app.get(
    '/organizations/:id',
    {
      schema: {
        tags,
        summary: 'Get an organization',
        params: schemas.OrgParams,
        response: { 200: schemas.Organization },
      },
    },
    (request) => getOrganization(ctx, request.actor, request.params.id),
  );

  app.patch(
    '/organizations/:id',
    {
      schema: {
        tags,
        summary: 'Update an organization',
        params: schemas.OrgParams,
        body: schemas.UpdateOrganization,
        response: { 200: schemas.Organization },
      },
    },
    (request) => updateOrganization(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/organizations/:id/verification',
    {
      schema: {
        tags,
        summary: 'Set verification status (platform admins)',
        params: schemas.OrgParams,
        body: schemas.VerificationBody,
        response: { 200: schemas.Organization },
      },
    },
    (request) => setVerification(ctx, request.actor, request.params.id, request.body),
  );

  app.get(
    '/organizations/:id/members',
    {
      schema: {
        tags,
        summary: 'List members',
        params: schemas.OrgParams,
        querystring: PageQuery,
        response: { 200: schemas.MemberList },
      },
    },
    (request) =>
      findMembers(ctx, request.actor, request.params.id, request.query.cursor, request.query.limit),
  );

  app.patch(
    '/organizations/:id/members/:userId',
    {
      schema: {
        tags,
        summary: "Change a member's role",
        params: schemas.MemberParams,
        body: schemas.RoleBody,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await changeMemberRole(ctx, request.actor, request.params.id, request.params.userId, request.body.role);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/organizations/:id/members/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a member',
        params: schemas.MemberParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await removeMember(ctx, request.actor, request.params.id, request.params.userId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/organizations/:id/invitations',
    {
      schema: {
        tags,
        summary: 'List invitations',
        params: schemas.OrgParams,
        querystring: PageQuery,
        response: { 200: schemas.InvitationList },
      },
    },
    (request) =>
      findInvitations(ctx, request.actor, request.params.id, request.query.cursor, request.query.limit),
  );

  app.post(
    '/organizations/:id/invitations',
    {
      schema: {
        tags,
        summary: 'Invite someone by e-mail',
        description:
          'Sends a single-use link that expires in 7 days and works before the invitee has an account.',
        params: schemas.OrgParams,
        body: schemas.CreateInvitation,
        response: { 201: schemas.Invitation },
      },
      config: { isIdempotent: true },
    },
    async (request, reply) =>
      reply.status(201).send(await createInvitation(ctx, request.actor, request.params.id, request.body)),
  );

  app.delete(
    '/organizations/:id/invitations/:invitationId',
    {
      schema: {
        tags,
        summary: 'Revoke a pending invitation',
        params: schemas.InvitationParams,
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await revokeInvitation(ctx, request.actor, request.params.id, request.params.invitationId);
      return reply.status(204).send(null);
    },
  );
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { PageQuery } from '../../../core/http/pagination.ts';
import { IdParams } from '../shared.schemas.ts';
import * as schemas from './groups.schemas.ts';
import {
  appointChair,
  createGroup,
  findGroupMembers,
  findGroups,
  getGroup,
  joinGroup,
  leaveGroup,
  removeChair,
  updateGroup,
} from './groups.service.ts';

const tags = ['participation'];

export async function groupRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.get(
    '/processes/:id/groups',
    {
      schema: {
        tags,
        summary: 'List thematic working groups',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: schemas.GroupList },
      },
    },
    (request) => findGroups(ctx, request.params.id, request.query),
  );

  app.post(
    '/processes/:id/groups',
    {
      schema: {
        tags,
        summary: 'Create a thematic working group (secretariat)',
        params: IdParams,
        body: schemas.CreateGroup,
        response: { 201: schemas.Group },
      },
      config: { isIdempotent: true },
    },
    async (request, reply) =>
      reply.status(201).send(await createGroup(ctx, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/groups/:id',
    { schema: { tags, summary: 'Get a group', params: IdParams, response: { 200: schemas.Group } } },
    (request) => getGroup(ctx, request.params.id),
  );

  app.patch(
    '/groups/:id',
    {
      schema: {
        tags,
        summary: 'Update a group (secretariat)',
        params: IdParams,
        body: schemas.UpdateGroup,
        response: { 200: schemas.Group },
      },
    },
    (request) => updateGroup(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/groups/:id/chairs',
    {
      schema: {
        tags,
        summary: 'Appoint a chair (secretariat)',
        params: IdParams,
        body: schemas.AppointChair,
        response: { 200: schemas.Group },
      },
    },
    (request) => appointChair(ctx, request.actor, request.params.id, request.body.email),
  );

  app.delete(
    '/groups/:id/chairs/:userId',
    {
      schema: {
        tags,
        summary: 'Remove a chair (secretariat)',
        params: schemas.ChairParams,
        response: { 200: schemas.Group },
      },
    },
    (request) => removeChair(ctx, request.actor, request.params.id, request.params.userId),
  );

  app.get(
    '/groups/:id/members',
    {
      schema: {
        tags,
        summary: 'List member organizations',
        params: IdParams,
        querystring: PageQuery,
        response: { 200: schemas.GroupMemberList },
      },
    },
    (request) => findGroupMembers(ctx, request.params.id, request.query),
  );

  app.post(
    '/groups/:id/members',
    {
      schema: {
        tags,
        summary: 'Join a group',
        description: 'An admin of a State or of a stakeholder accredited to the process joins on its behalf.',
        params: IdParams,
        body: schemas.JoinGroup,
        response: { 200: schemas.Group },
      },
    },
    (request) => joinGroup(ctx, request.actor, request.params.id, request.body.organizationId),
  );

  app.delete(
    '/groups/:id/members/:organizationId',
    {
      schema: {
        tags,
        summary: 'Leave a group',
        params: schemas.MemberParams,
        response: { 200: schemas.Group },
      },
    },
    (request) => leaveGroup(ctx, request.actor, request.params.id, request.params.organizationId),
  );
}

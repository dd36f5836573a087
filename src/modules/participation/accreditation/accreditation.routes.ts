import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { IdParams } from '../shared.schemas.ts';
import * as schemas from './accreditation.schemas.ts';
import {
  apply,
  decide,
  findApplications,
  findObjections,
  getApplication,
  object,
  withdraw,
} from './accreditation.service.ts';

const tags = ['participation'];

export async function accreditationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.get(
    '/processes/:id/applications',
    {
      schema: {
        tags,
        summary: 'List accreditation applications',
        description:
          'Public outcomes (accredited, objected, declined) for everyone; pending applications for the secretariat, the States and the applicant. `status=accredited` is the list of accredited stakeholders.',
        params: IdParams,
        querystring: schemas.ApplicationQuery,
        response: { 200: schemas.ApplicationList },
      },
    },
    (request) => findApplications(ctx, request.actor, request.params.id, request.query),
  );

  app.post(
    '/processes/:id/applications',
    {
      schema: {
        tags,
        summary: 'Apply for accreditation',
        description:
          'An admin of a verified organization that is not a State applies. On the `ecosoc` route the secretariat confirms the status; on the `non_objection` route the application circulates to the States for the process’s objection period.',
        params: IdParams,
        body: schemas.Apply,
        response: { 201: schemas.Application },
      },
      config: { isIdempotent: true },
    },
    async (request, reply) =>
      reply.status(201).send(await apply(ctx, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/applications/:id',
    {
      schema: {
        tags,
        summary: 'Get an application',
        params: IdParams,
        response: { 200: schemas.Application },
      },
    },
    (request) => getApplication(ctx, request.actor, request.params.id),
  );

  app.post(
    '/applications/:id/decision',
    {
      schema: {
        tags,
        summary: 'Decide an ECOSOC-route application (secretariat)',
        params: IdParams,
        body: schemas.Decision,
        response: { 200: schemas.Application },
      },
    },
    (request) => decide(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/applications/:id/withdrawal',
    {
      schema: {
        tags,
        summary: 'Withdraw a pending application',
        params: IdParams,
        response: { 200: schemas.Application },
      },
    },
    (request) => withdraw(ctx, request.actor, request.params.id),
  );

  app.post(
    '/applications/:id/objections',
    {
      schema: {
        tags,
        summary: 'Object to an application (States)',
        description: 'Only the secretariat and the objecting State ever see who objected and why.',
        params: IdParams,
        body: schemas.ObjectBody,
        response: { 201: Type.Object({ id: Type.String() }) },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await object(ctx, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/applications/:id/objections',
    {
      schema: {
        tags,
        summary: 'Objections you may read',
        description: 'All of them for the secretariat; its own for an objecting State; none for anyone else.',
        params: IdParams,
        response: { 200: schemas.ObjectionList },
      },
    },
    (request) => findObjections(ctx, request.actor, request.params.id),
  );
}

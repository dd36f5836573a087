import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { addAttribution, removeAttribution, updateAttribution } from './attributions.service.ts';
import * as schemas from './incidents.schemas.ts';
import {
  changeEditorialState,
  createIncident,
  getIncident,
  listIncidents,
  updateIncident,
} from './incidents.service.ts';

const tags = ['incidents'];
const Correction = Type.Optional(
  Type.String({
    minLength: 1,
    maxLength: 2000,
    pattern: '\\S',
    description: 'Needed on a published incident.',
  }),
);

export async function incidentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.get(
    '/incidents',
    {
      schema: {
        tags,
        summary: 'List incidents',
        description:
          'Published incidents within your reach (visibility and TLP), and the drafts of your own organizations, newest start first, with facet counts over the whole filtered result.',
        querystring: schemas.IncidentQuery,
        response: { 200: schemas.IncidentList },
      },
    },
    (request) => listIncidents(ctx, request.actor, request.query),
  );

  app.post(
    '/incidents',
    {
      schema: {
        tags,
        summary: 'Record an incident',
        description: 'By a member of a verified organization. The record starts as a draft.',
        body: schemas.CreateIncident,
        response: { 201: schemas.IncidentOut },
      },
      config: { isIdempotent: true },
    },
    async (request, reply) => reply.status(201).send(await createIncident(ctx, request.actor, request.body)),
  );

  app.get(
    '/incidents/:id',
    {
      schema: {
        tags,
        summary: 'Read an incident with its attributions and corrections log',
        params: schemas.IncidentIdParams,
        response: { 200: schemas.IncidentOut },
      },
    },
    (request) => getIncident(ctx, request.actor, request.params.id),
  );

  app.patch(
    '/incidents/:id',
    {
      schema: {
        tags,
        summary: 'Edit or correct an incident',
        description:
          'Lists replace the whole list. On a published incident send `correction`: the note and the changed fields go to the public corrections log and the version goes up.',
        params: schemas.IncidentIdParams,
        body: schemas.UpdateIncident,
        response: { 200: schemas.IncidentOut },
      },
    },
    (request) => updateIncident(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/incidents/:id/editorial',
    {
      schema: {
        tags,
        summary: 'Move an incident through the editorial workflow',
        description:
          'draft → review → published → withdrawn, and review → draft. A wrong move answers 409 `invalid_transition`.',
        params: schemas.IncidentIdParams,
        body: schemas.EditorialAction,
        response: { 200: schemas.IncidentOut },
      },
    },
    (request) =>
      changeEditorialState(ctx, request.actor, request.params.id, request.body.action, request.body.note),
  );

  app.post(
    '/incidents/:id/attributions',
    {
      schema: {
        tags,
        summary: 'Add an attribution',
        description:
          'Who attributed the incident, when, on what basis, to which actor (created on first mention), with what confidence and sources. On a published incident the addition is logged publicly.',
        params: schemas.IncidentIdParams,
        body: schemas.Attribution,
        response: { 201: schemas.IncidentOut },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await addAttribution(ctx, request.actor, request.params.id, request.body)),
  );

  app.put(
    '/incidents/:id/attributions/:attributionId',
    {
      schema: {
        tags,
        summary: 'Replace an attribution',
        params: schemas.AttributionParams,
        body: Type.Intersect([schemas.Attribution, Type.Object({ correction: Correction })]),
        response: { 200: schemas.IncidentOut },
      },
    },
    (request) => {
      const { correction, ...attribution } = request.body;
      return updateAttribution(
        ctx,
        request.actor,
        request.params.id,
        request.params.attributionId,
        attribution,
        correction,
      );
    },
  );

  app.delete(
    '/incidents/:id/attributions/:attributionId',
    {
      schema: {
        tags,
        summary: 'Remove an attribution',
        params: schemas.AttributionParams,
        querystring: Type.Object({ correction: Correction }),
        response: { 200: schemas.IncidentOut },
      },
    },
    (request) =>
      removeAttribution(
        ctx,
        request.actor,
        request.params.id,
        request.params.attributionId,
        request.query.correction,
      ),
  );
}

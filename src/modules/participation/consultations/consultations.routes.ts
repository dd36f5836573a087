import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { IdParams } from '../shared.schemas.ts';
import { presentContribution } from './consultations.presenter.ts';
import * as schemas from './consultations.schemas.ts';
import {
  contribute,
  createConsultation,
  findConsultations,
  findContributions,
  findDraftConsultations,
  findOrganizationContributions,
  getConsultation,
  getDispositionTable,
  setDisposition,
  toDispositionCsv,
  updateConsultation,
} from './consultations.service.ts';

const tags = ['participation'];

export async function consultationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.get(
    '/processes/:id/consultations',
    {
      schema: {
        tags,
        summary: 'List consultations in a process',
        params: IdParams,
        querystring: schemas.ConsultationQuery,
        response: { 200: schemas.ConsultationList },
      },
    },
    (request) => findConsultations(ctx, { processId: request.params.id }, request.query),
  );

  app.get(
    '/drafts/:id/consultations',
    {
      schema: {
        tags,
        summary: 'List consultations on a draft',
        params: IdParams,
        querystring: schemas.ConsultationQuery,
        response: { 200: schemas.ConsultationList },
      },
    },
    (request) => findDraftConsultations(ctx, request.actor, request.params.id, request.query),
  );

  app.post(
    '/drafts/:id/consultations',
    {
      schema: {
        tags,
        summary: 'Open a consultation on the latest revision (chairs)',
        params: IdParams,
        body: schemas.CreateConsultation,
        response: { 201: schemas.Consultation },
      },
      config: { isIdempotent: true },
    },
    async (request, reply) =>
      reply.status(201).send(await createConsultation(ctx, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/consultations/:id',
    {
      schema: {
        tags,
        summary: 'Get a consultation',
        params: IdParams,
        response: { 200: schemas.Consultation },
      },
    },
    (request) => getConsultation(ctx, request.actor, request.params.id),
  );

  app.patch(
    '/consultations/:id',
    {
      schema: {
        tags,
        summary: 'Change a consultation’s title or dates; close it early (chairs)',
        params: IdParams,
        body: schemas.UpdateConsultation,
        response: { 200: schemas.Consultation },
      },
    },
    (request) => updateConsultation(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/consultations/:id/contributions',
    {
      schema: {
        tags,
        summary: 'Comment, propose an amendment or make a general comment',
        description:
          'For a State or an accredited stakeholder, while the consultation is open. The contribution is public and attributed to the organization.',
        params: IdParams,
        body: schemas.Contribute,
        response: { 201: schemas.Contribution },
      },
      config: { isIdempotent: true },
    },
    async (request, reply) =>
      reply.status(201).send(await contribute(ctx, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/drafts/:id/contributions',
    {
      schema: {
        tags,
        summary: 'List contributions on a draft',
        description: 'Filter by consultation, paragraph (its stable key) or kind.',
        params: IdParams,
        querystring: schemas.ContributionQuery,
        response: { 200: schemas.ContributionList },
      },
    },
    (request) => findContributions(ctx, request.actor, request.params.id, request.query),
  );

  app.get(
    '/contributions',
    {
      schema: {
        tags,
        summary: 'An organization’s contributions to consultations',
        querystring: schemas.OrganizationContributionQuery,
        response: { 200: schemas.ContributionList },
      },
    },
    (request) => findOrganizationContributions(ctx, request.query.organizationId, request.query),
  );

  app.post(
    '/contributions/:id/disposition',
    {
      schema: {
        tags,
        summary: 'Record what became of a contribution (chairs, after closing)',
        params: IdParams,
        body: schemas.SetDisposition,
        response: { 200: schemas.Contribution },
      },
    },
    (request) => setDisposition(ctx, request.actor, request.params.id, request.body),
  );

  app.get(
    '/consultations/:id/dispositions',
    {
      schema: {
        tags,
        summary: 'The disposition table',
        params: IdParams,
        response: {
          200: Type.Object({ consultation: schemas.Consultation, items: Type.Array(schemas.Contribution) }),
        },
      },
    },
    async (request) => {
      const table = await getDispositionTable(ctx, request.actor, request.params.id);
      return { consultation: table.consultation, items: table.rows.map(presentContribution) };
    },
  );

  app.get(
    '/consultations/:id/dispositions.csv',
    {
      schema: {
        tags,
        summary: 'The disposition table as CSV',
        params: IdParams,
        produces: ['text/csv'],
        response: { 200: Type.String({ description: 'RFC 4180 CSV, UTF-8.' }) },
      },
    },
    async (request, reply) => {
      const table = await getDispositionTable(ctx, request.actor, request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="dispositions-${table.consultation.id}.csv"`)
        .send(toDispositionCsv(table.rows));
    },
  );
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../shared.schemas.ts';
import * as schemas from './measures.schemas.ts';
import {
  findMeasures,
  findNorms,
  findProposals,
  getMeasure,
  moderateProposal,
  propose,
  reportImplementation,
} from './measures.service.ts';

const tags = ['participation'];

export async function measureRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.get(
    '/norms',
    {
      schema: {
        tags,
        summary: 'The UN norms 13(a)–(k)',
        description:
          'Our own short titles and summaries in six languages, with citations of the authoritative texts.',
        response: { 200: schemas.NormList },
      },
    },
    () => findNorms(),
  );

  app.get(
    '/measures',
    {
      schema: {
        tags,
        summary: 'The CBM repository',
        description:
          'The OSCE, OAS and UN-level measures and accepted community proposals; filter by source or norm.',
        querystring: schemas.MeasureQuery,
        response: { 200: schemas.MeasureList },
      },
    },
    (request) => findMeasures(ctx, request.query),
  );

  app.get(
    '/measures/:id',
    {
      schema: {
        tags,
        summary: 'A measure, its norms, the States implementing it and examples',
        params: IdParams,
        response: { 200: schemas.Measure },
      },
    },
    (request) => getMeasure(ctx, request.params.id),
  );

  app.put(
    '/measures/:id/implementation',
    {
      schema: {
        tags,
        summary: 'Report a State’s implementation status',
        params: IdParams,
        body: schemas.ReportImplementation,
        response: { 200: schemas.Measure },
      },
    },
    (request) => reportImplementation(ctx, request.actor, request.params.id, request.body),
  );

  app.get(
    '/measure-proposals',
    {
      schema: {
        tags,
        summary: 'Proposals: new measures, implementation examples and other fora',
        description:
          'Accepted ones for everyone (`kind=forum&status=accepted` lists the other fora that promote CBMs); your organizations’ own; all of them for moderators.',
        querystring: schemas.ProposalQuery,
        response: { 200: schemas.ProposalList },
      },
    },
    (request) => findProposals(ctx, request.actor, request.query),
  );

  app.post(
    '/measure-proposals',
    {
      schema: {
        tags,
        summary: 'Propose a measure, an implementation example or a forum',
        description: 'Any verified organization may propose; proposals go through moderation.',
        body: schemas.Propose,
        response: { 201: schemas.Proposal },
      },
      config: { isIdempotent: true },
    },
    async (request, reply) => reply.status(201).send(await propose(ctx, request.actor, request.body)),
  );

  app.post(
    '/measure-proposals/:id/moderation',
    {
      schema: {
        tags,
        summary: 'Accept or reject a proposal (secretariat)',
        params: IdParams,
        body: schemas.ModerateProposal,
        response: { 200: schemas.Proposal },
      },
    },
    (request) => moderateProposal(ctx, request.actor, request.params.id, request.body),
  );
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import * as schemas from './transparency.schemas.ts';
import { getContributor, getStatistics, statisticsToCsv } from './transparency.service.ts';

const tags = ['participation'];

export async function transparencyRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.get(
    '/statistics',
    {
      schema: {
        tags,
        summary: 'Who took part, and was it heard',
        description:
          'Public counts of contributions, written contributions and participants by stakeholder kind, region, group and month, with the share of dispositioned contributions that were incorporated.',
        querystring: schemas.StatisticsQuery,
        response: { 200: schemas.Statistics },
      },
    },
    (request) => getStatistics(ctx, request.query.processId ? { processId: request.query.processId } : {}),
  );

  app.get(
    '/statistics.csv',
    {
      schema: {
        tags,
        summary: 'The same statistics as CSV',
        querystring: schemas.StatisticsQuery,
        produces: ['text/csv'],
        response: { 200: Type.String() },
      },
    },
    async (request, reply) => {
      const stats = await getStatistics(
        ctx,
        request.query.processId ? { processId: request.query.processId } : {},
      );
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="participation-statistics.csv"')
        .send(statisticsToCsv(stats));
    },
  );

  app.get(
    '/contributors/:organizationId',
    {
      schema: {
        tags,
        summary: 'A contributor’s public record',
        description:
          'Accreditations and totals; list its published statements with `GET /statements?organizationId=` and its consultation contributions with `GET /contributions?organizationId=`.',
        params: schemas.ContributorParams,
        response: { 200: schemas.Contributor },
      },
    },
    (request) => getContributor(ctx, request.params.organizationId),
  );
}

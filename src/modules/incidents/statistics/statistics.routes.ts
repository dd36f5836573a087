import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { StatisticsOut, StatisticsQuery } from './statistics.schemas.ts';
import { getStatistics } from './statistics.service.ts';

export async function incidentStatisticsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;
  app.get(
    '/incidents/statistics',
    {
      schema: {
        tags: ['incidents'],
        summary: 'Statistics on published incidents',
        description:
          'Counts by type, sector, country, region, norm and actor, a time series (optionally broken down by one dimension), time from the start to the first attribution, harm totals and the intensity distribution, over the published incidents you may read (visibility and TLP) that the filters select. Unknown figures count as zero in the harm totals.',
        querystring: StatisticsQuery,
        response: { 200: StatisticsOut },
      },
    },
    (request) => getStatistics(ctx, request.actor, request.query),
  );
}

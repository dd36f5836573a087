import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { getProgramStatistics, ProgramStatistics, RecordEquities, recordEquities } from './statistics.ts';

const tags = ['disclosure'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export async function statisticsRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.get(
    '/disclosure-programs/:id/statistics',
    {
      schema: {
        tags,
        summary: "A program's public transparency figures",
        description:
          "Reports received, median time to acknowledge, median time to a fix or an advisory, SSVC triage outcomes and close reasons, and a State program's vulnerabilities-equities counts. Aggregates only.",
        params: IdParams,
        response: { 200: ProgramStatistics },
      },
    },
    (request) => getProgramStatistics(ctx, request.actor, request.params.id),
  );

  app.put(
    '/disclosure-programs/:id/equities',
    {
      schema: {
        tags,
        summary: "Record a State program's vulnerabilities-equities counts for a period (numbers only)",
        params: IdParams,
        body: RecordEquities,
        response: { 200: ProgramStatistics },
      },
    },
    (request) => recordEquities(ctx, request.actor, request.params.id, request.body),
  );
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../../core/http/errors.ts';
import { UN_NORMS_EXTENSION_SCHEMA_PATH, unNormsExtensionSchema } from '../../sharing/index.ts';
import { IncidentIdParams, IncidentQuery } from '../incidents.schemas.ts';
import { getIncident } from '../incidents.service.ts';
import { stixToIncidents } from '../stix/import.ts';
import { incidentsToCsv, parseIncidentCsv } from './csv/index.ts';
import {
  EXPORT_PAGE_LIMIT,
  findExportPage,
  getImport,
  importIncidents,
  stixBundleOf,
} from './exchange.service.ts';

const tags = ['incidents'];
// Sent as bytes: Fastify rewrites the media type of a string body (quoting the version, adding a charset),
// and STIX clients match it exactly.
export const STIX_MEDIA_TYPE = 'application/stix+json;version=2.1';

const ExportQuery = Type.Object({
  ...Type.Omit(IncidentQuery, ['q', 'limit']).properties,
  format: Type.Optional(Type.Enum(['json', 'stix', 'csv'], { default: 'json' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: EXPORT_PAGE_LIMIT, default: EXPORT_PAGE_LIMIT })),
});

const ImportResult = Type.Object({
  id: Type.String(),
  format: Type.String(),
  layout: Type.Union([Type.String(), Type.Null()]),
  incidentIds: Type.Array(Type.String()),
  problems: Type.Array(
    Type.Object({ ref: Type.Union([Type.String(), Type.Null()]), message: Type.String() }),
  ),
  keptCount: Type.Integer(),
});

export async function exchangeRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;
  // Imports carry whole datasets: as large as an upload, in JSON.
  const bodyLimit = Math.ceil((ctx.config.uploadLimitBytes * 4) / 3) + 64 * 1024;

  app.get(
    '/incidents/export',
    {
      schema: {
        tags,
        summary: 'Export incidents as JSON, CSV or a STIX 2.1 bundle',
        description: `Published incidents you may read (or your organization's records in \`editorialState\`), with the list's filters, ${EXPORT_PAGE_LIMIT} at most per answer; the \`Link: <…>; rel="next"\` header (and \`nextCursor\` in JSON) continues. Every STIX object validates against its OASIS schema and carries its TLP 2.0 marking.`,
        querystring: ExportQuery,
        produces: ['application/json', STIX_MEDIA_TYPE, 'text/csv'],
      },
    },
    async (request, reply) => {
      const { format = 'json', limit = EXPORT_PAGE_LIMIT, ...query } = request.query;
      const { incidents, nextCursor } = await findExportPage(ctx, request.actor, query, limit);
      if (nextCursor) {
        const next = new URLSearchParams(
          Object.entries({ ...request.query, cursor: nextCursor }).map(([key, value]) => [
            key,
            String(value),
          ]),
        );
        reply.header('link', `<${ctx.config.publicUrl}/api/v1/incidents/export?${next}>; rel="next"`);
      }
      if (format === 'csv')
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="incidents.csv"')
          .send(incidentsToCsv(incidents));
      if (format === 'stix')
        return reply
          .header('content-type', STIX_MEDIA_TYPE)
          .send(Buffer.from(JSON.stringify(stixBundleOf(ctx, incidents))));
      return reply
        .type('application/json; charset=utf-8')
        .send(JSON.stringify({ exportedAt: new Date().toISOString(), items: incidents, nextCursor }));
    },
  );

  app.get(
    '/incidents/:id/stix',
    {
      schema: {
        tags,
        summary: 'One incident as a STIX 2.1 bundle',
        params: IncidentIdParams,
        produces: [STIX_MEDIA_TYPE],
      },
    },
    async (request, reply) => {
      const incident = await getIncident(ctx, request.actor, request.params.id);
      return reply
        .header('content-type', STIX_MEDIA_TYPE)
        .header('content-disposition', `attachment; filename="${incident.id}.stix.json"`)
        .send(Buffer.from(JSON.stringify(stixBundleOf(ctx, [incident]))));
    },
  );

  app.post(
    '/incidents/imports/stix',
    {
      schema: {
        tags,
        summary: 'Import incidents from a STIX 2.1 bundle',
        description:
          'Each incident becomes a draft of the organization, with its victims, targets, impacts, attributions, sources and norms where the bundle carries them; objects that are not understood are kept with the import, unchanged. Invalid objects and records are listed in `problems`.',
        body: Type.Object(
          {
            orgId: Type.String({ minLength: 1, maxLength: 64 }),
            bundle: Type.Object({}, { additionalProperties: true, description: 'A STIX 2.1 bundle.' }),
          },
          { additionalProperties: false },
        ),
        response: { 201: ImportResult },
      },
      bodyLimit,
    },
    async (request, reply) => {
      const parsed = stixToIncidents(request.body.bundle);
      const result = await importIncidents(ctx, request.actor, request.body.orgId, {
        format: 'stix',
        layout: null,
        incidents: parsed.incidents.map((incident) => ({
          ref: incident.stixId,
          input: incident.input,
          attributions: incident.attributions,
        })),
        kept: parsed.kept,
        problems: parsed.problems.map((problem) => ({ ref: problem.id, message: problem.message })),
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    '/incidents/imports/csv',
    {
      schema: {
        tags,
        summary: 'Import incidents from a CSV file',
        description:
          'EuRepoC-style, CFR-tracker-style or our own columns (docs/incidents-csv.md), detected from the header unless `layout` says. Each row becomes a draft of the organization; rows and values that do not map are listed in `problems` with their line.',
        body: Type.Object(
          {
            orgId: Type.String({ minLength: 1, maxLength: 64 }),
            csv: Type.String({ minLength: 1, description: 'The file, as text (UTF-8).' }),
            layout: Type.Optional(Type.Enum(['auto', 'eurepoc', 'cfr', 'commonground'], { default: 'auto' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: ImportResult },
      },
      bodyLimit,
    },
    async (request, reply) => {
      const parsed = parseIncidentCsv(request.body.csv, { layout: request.body.layout ?? 'auto' });
      if (parsed.layout === 'unknown')
        throw new AppError(422, 'unknown_csv_layout', 'The header matches none of the layouts we read.', {
          extra: { field: 'csv', problems: parsed.problems },
        });
      const where = (problem: { line: number | null; column?: string }) =>
        problem.line === null ? null : `line ${problem.line}${problem.column ? `, ${problem.column}` : ''}`;
      const result = await importIncidents(ctx, request.actor, request.body.orgId, {
        format: 'csv',
        layout: parsed.layout,
        incidents: parsed.incidents.map((incident) => ({
          ref: `line ${incident.line}${incident.sourceId ? ` (${incident.sourceId})` : ''}`,
          input: incident.input,
          attributions: incident.attributions,
        })),
        kept: [],
        problems: parsed.problems.map((problem) => ({
          ref: where(problem),
          message: `${problem.severity}: ${problem.message}`,
        })),
      });
      return reply.status(201).send(result);
    },
  );

  app.get(
    '/incidents/imports/:id',
    {
      schema: {
        tags,
        summary: 'An import: the drafts it created, its problems and the objects it kept',
        params: IncidentIdParams,
        response: {
          200: Type.Object({
            ...ImportResult.properties,
            kept: Type.Array(Type.Object({}, { additionalProperties: true })),
            createdAt: Type.String(),
          }),
        },
      },
    },
    (request) => getImport(ctx, request.actor, request.params.id),
  );
}

/** The JSON schema of our UN norms STIX extension, where the extension definition says it is. */
export async function stixExtensionRoutes(app: FastifyInstance): Promise<void> {
  app.get(UN_NORMS_EXTENSION_SCHEMA_PATH, { schema: { hide: true } }, async (_request, reply) =>
    reply
      .type('application/schema+json')
      .header('cache-control', 'public, max-age=86400')
      .send(JSON.stringify(unNormsExtensionSchema(app.ctx.config.publicUrl))),
  );
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { type Static, Type } from 'typebox';
import { downloadHeaders } from '../../../core/http/attachments.ts';
import { unprocessable } from '../../../core/http/errors.ts';
import { describeDecision, InvalidCvssVectorError, scoreCvss } from '../scoring/index.ts';
import { actorWithReporterLink } from './reporter-link.ts';
import * as schemas from './reports.schemas.ts';
import { createReport, getAttachment, getReport, listReports, postMessage } from './reports.service.ts';
import { changeStatus, recordSsvcDecision, updateReport } from './triage.service.ts';

const tags = ['disclosure'];
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const AttachmentParams = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  attachmentId: Type.String({ minLength: 1, maxLength: 64 }),
});
const reporterHeader = Type.Object({
  'x-reporter-token': Type.Optional(
    Type.String({
      maxLength: 200,
      description: 'The secret of a reporter link, for a researcher without an account.',
    }),
  ),
});

export async function reportRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;
  // Base64 makes a file a third larger; the rest is at most the ciphertext's limit and the texts.
  const bodyLimit =
    Math.ceil((ctx.config.uploadLimitBytes * schemas.MAX_ATTACHMENTS * 4) / 3) +
    schemas.MAX_CIPHERTEXT +
    262_144;

  app.post(
    '/vulnerability-reports',
    {
      schema: {
        tags,
        summary: 'Report a vulnerability to a program',
        description:
          "With or without an account. Send `content`, or `ciphertext` encrypted in the browser to the program's OpenPGP key (the server then stores only ciphertext). The answer holds the tracking id and, once, the secret reporter link. At most DISCLOSURE_REPORTS_PER_HOUR reports (10 by default) per client address per hour (429 `too_many_reports`).",
        body: schemas.CreateReport,
        response: { 201: schemas.CreatedReport },
      },
      bodyLimit,
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
    },
    async (request, reply) =>
      reply
        .status(201)
        .header('cache-control', 'no-store')
        .send(await createReport(ctx, request.actor, request.body, request.ip)),
  );

  app.get(
    '/vulnerability-reports',
    {
      schema: {
        tags,
        summary: "List the reports of your organizations' programs, or those you sent (mine=true)",
        querystring: schemas.ReportQuery,
        response: { 200: schemas.ReportList },
      },
    },
    (request) => listReports(ctx, request.actor, request.query),
  );

  app.get(
    '/vulnerability-reports/:id',
    {
      schema: {
        tags,
        summary: 'Read a report and its thread',
        description:
          'As a coordinator of its program, as its signed-in reporter, or with the reporter link (`X-Reporter-Token`).',
        params: IdParams,
        headers: reporterHeader,
        response: { 200: schemas.Report },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await getReport(ctx, await actorWithReporterLink(ctx, request), request.params.id)),
  );

  app.post(
    '/vulnerability-reports/:id/messages',
    {
      schema: {
        tags,
        summary: 'Write in the thread between reporter and coordinators',
        params: IdParams,
        headers: reporterHeader,
        body: schemas.CreateMessage,
        response: { 201: schemas.Report },
      },
      bodyLimit,
    },
    async (request, reply) =>
      reply
        .status(201)
        .header('cache-control', 'no-store')
        .send(
          await postMessage(ctx, await actorWithReporterLink(ctx, request), request.params.id, request.body),
        ),
  );

  app.get(
    '/vulnerability-reports/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attachment (always as a download: it may be exploit code)',
        params: AttachmentParams,
        headers: reporterHeader,
        produces: ['application/octet-stream'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) },
      },
    },
    async (request, reply) => {
      const actor = await actorWithReporterLink(ctx, request);
      const file = await getAttachment(ctx, actor, request.params.id, request.params.attachmentId);
      // Always a download, whatever type it claims: it may be exploit code.
      return reply
        .type('application/octet-stream')
        .headers(downloadHeaders(file.file_name, file.sha256))
        .send(file.data);
    },
  );

  app.patch(
    '/vulnerability-reports/:id',
    {
      schema: {
        tags,
        summary:
          'Triage: title, product, priority, assignee, exploitation, publicity, CVSS vectors and CWE ids',
        description:
          'CVSS 3.1 and 4.0 vectors are validated and scored; CWE ids are normalised (`79` → `CWE-79`).',
        params: IdParams,
        body: schemas.UpdateReport,
        response: { 200: schemas.Report },
      },
    },
    (request) => updateReport(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/vulnerability-reports/:id/status',
    {
      schema: {
        tags,
        summary: 'Acknowledge, track or close a report (with a close reason), or reopen it',
        description:
          'received → acknowledged | tracked | closed; acknowledged → tracked | closed; tracked → acknowledged | closed; coordinating (a case is open) → closed; closed → acknowledged (reopen). Close reasons: out_of_scope, duplicate (with duplicateOf), not_a_vulnerability, spam, declined, resolved. A wrong transition answers 409 `invalid_transition`.',
        params: IdParams,
        body: schemas.ChangeStatus,
        response: { 200: schemas.Report },
      },
    },
    (request) => changeStatus(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/vulnerability-reports/:id/ssvc-decisions',
    {
      schema: {
        tags,
        summary: "Record an SSVC coordinator decision (triage or publish), evaluated from CERT/CC's table",
        description: 'The inputs are stored with the outcome. The tables are at /disclosure/ssvc/{kind}.',
        params: IdParams,
        body: schemas.SsvcDecisionInput,
        response: { 201: schemas.Report },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await recordSsvcDecision(ctx, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/disclosure/ssvc/:kind',
    {
      schema: {
        tags,
        summary: "An SSVC decision table (CERT/CC's), with its decision points and every row",
        params: Type.Object({ kind: Type.Union([Type.Literal('triage'), Type.Literal('publish')]) }),
        response: { 200: schemas.SsvcTable },
      },
    },
    async (request, reply) =>
      reply
        .header('cache-control', 'public, max-age=86400')
        // The shipped tables are frozen (readonly); their shape is the schema's.
        .send(describeDecision(request.params.kind) as Static<typeof schemas.SsvcTable>),
  );

  app.post(
    '/disclosure/cvss-scores',
    {
      schema: {
        tags,
        summary: 'Validate and score a CVSS 3.1 or 4.0 vector',
        body: Type.Object(
          { vector: Type.String({ minLength: 1, maxLength: 400 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            version: Type.String(),
            vector: Type.String(),
            baseScore: Type.Number(),
            severity: Type.String(),
          }),
        },
      },
    },
    async (request) => {
      try {
        const scored = scoreCvss(request.body.vector);
        return {
          version: scored.version,
          vector: scored.vector,
          baseScore: scored.baseScore,
          severity: scored.severity,
        };
      } catch (error) {
        if (error instanceof InvalidCvssVectorError)
          throw unprocessable('invalid_cvss_vector', error.message);
        throw error;
      }
    },
  );
}

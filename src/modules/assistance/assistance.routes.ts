import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { downloadHeaders } from '../../core/http/attachments.ts';
import { unauthenticated } from '../../core/http/errors.ts';
import * as schemas from './assistance.schemas.ts';
import { acknowledgeRequest, closeRequest, decideRequest, postMessage } from './lifecycle.service.ts';
import {
  checkPersonalData,
  createRequest,
  exportRequestsCsv,
  getAttachment,
  getRequest,
  listRequests,
} from './requests.service.ts';

const tags = ['assistance'];

export async function assistanceRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;
  // Base64 makes a file a third larger; the JSON around the files is at most the texts' limits.
  const bodyLimit = Math.ceil((ctx.config.uploadLimitBytes * schemas.MAX_ATTACHMENTS * 4) / 3) + 262_144;

  app.post(
    '/assistance-requests',
    {
      schema: {
        tags,
        summary: 'Send a notification, request for information or request for assistance',
        description:
          'As a point of contact of `senderOrgId` (two-factor sign-in required), to 1 to 20 verified organizations. The TLP label decides who reads it. Text that looks like personal data is refused with `personal_data_detected` unless `personalDataConfirmed` is true. Send an `Idempotency-Key`.',
        body: schemas.CreateRequest,
        response: { 201: schemas.Request },
      },
      bodyLimit,
      config: { isIdempotent: true },
    },
    async (request, reply) => reply.status(201).send(await createRequest(ctx, request.actor, request.body)),
  );

  app.post(
    '/assistance-requests/personal-data-check',
    {
      schema: {
        tags,
        summary: 'Find what looks like personal data in a text',
        description:
          'E-mail addresses, phone numbers and names in signature blocks, for the composer to warn about.',
        body: schemas.PersonalDataCheck,
        response: { 200: schemas.PersonalDataFindings },
      },
    },
    async (request) => {
      if (request.actor.type === 'anonymous') throw unauthenticated();
      return checkPersonalData(request.body.text);
    },
  );

  app.get(
    '/assistance-requests',
    {
      schema: {
        tags,
        summary: 'List the requests your organizations received (inbox) or sent (outbox)',
        description:
          'Only requests you may read under their TLP label. Recipient statuses are shown to the sender and to each recipient for itself.',
        querystring: schemas.ListQuery,
        response: { 200: schemas.RequestList },
      },
    },
    (request) => listRequests(ctx, request.actor, request.query),
  );

  app.get(
    '/assistance-requests/export.csv',
    {
      schema: {
        tags,
        summary: 'Export a box as CSV',
        description: 'The same requests as the list, up to 10,000, with their TLP labels.',
        querystring: schemas.ExportQuery,
        produces: ['text/csv'],
        response: { 200: Type.String() },
      },
    },
    async (request, reply) => {
      const csv = await exportRequestsCsv(ctx, request.actor, request.query);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="assistance-${request.query.box}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    },
  );

  app.get(
    '/assistance-requests/:id',
    {
      schema: {
        tags,
        summary: 'Get a request with its recipients, thread and attachments',
        description:
          'Structured fields are codes; `/reference` and the code lists label them. Threads are bilateral.',
        params: schemas.IdParams,
        response: { 200: schemas.Request },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return getRequest(ctx, request.actor, request.params.id);
    },
  );

  app.get(
    '/assistance-requests/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attachment',
        params: schemas.AttachmentParams,
        produces: ['application/octet-stream'],
        response: { 200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }) },
      },
    },
    async (request, reply) => {
      const file = await getAttachment(ctx, request.actor, request.params.id, request.params.attachmentId);
      return reply
        .type(file.contentType)
        .headers(downloadHeaders(file.fileName, file.sha256))
        .send(file.data);
    },
  );

  app.post(
    '/assistance-requests/:id/acknowledgement',
    {
      schema: {
        tags,
        summary: 'Acknowledge receipt, as a POC of a recipient organization',
        params: schemas.IdParams,
        body: schemas.Acknowledge,
        response: { 200: schemas.Request },
      },
    },
    (request) => acknowledgeRequest(ctx, request.actor, request.params.id, request.body ?? {}),
  );

  app.post(
    '/assistance-requests/:id/decision',
    {
      schema: {
        tags,
        summary: 'Accept, partially accept, decline or ask for more information',
        params: schemas.IdParams,
        body: schemas.Decide,
        response: { 200: schemas.Request },
      },
    },
    (request) => decideRequest(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/assistance-requests/:id/messages',
    {
      schema: {
        tags,
        summary: 'Write in the thread; a recipient that accepted sends its response with isResponse',
        params: schemas.IdParams,
        body: schemas.PostMessage,
        response: { 201: schemas.Request },
      },
      bodyLimit,
      config: { isIdempotent: true },
    },
    async (request, reply) => {
      const result = await postMessage(ctx, request.actor, request.params.id, request.body);
      return reply.status(201).send(result.request);
    },
  );

  app.post(
    '/assistance-requests/:id/closure',
    {
      schema: {
        tags,
        summary: 'Close the request for every recipient (sender)',
        params: schemas.IdParams,
        body: schemas.Close,
        response: { 200: schemas.Request },
      },
    },
    (request) => closeRequest(ctx, request.actor, request.params.id, request.body ?? {}),
  );
}

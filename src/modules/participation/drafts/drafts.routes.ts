import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { IdParams } from '../shared.schemas.ts';
import * as schemas from './drafts.schemas.ts';
import {
  createDraft,
  diffRevisions,
  findDrafts,
  getDraft,
  getRevision,
  getWorkingCopy,
  publishRevision,
  saveWorkingCopy,
  updateDraft,
} from './drafts.service.ts';

const tags = ['participation'];

export async function draftRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.get(
    '/processes/:id/drafts',
    {
      schema: {
        tags,
        summary: 'List drafts',
        description:
          'Published drafts for everyone; drafts in preparation for their chairs and the secretariat.',
        params: IdParams,
        querystring: schemas.DraftQuery,
        response: { 200: schemas.DraftList },
      },
    },
    (request) => findDrafts(ctx, request.actor, request.params.id, request.query),
  );

  app.post(
    '/processes/:id/drafts',
    {
      schema: {
        tags,
        summary: 'Create a draft (chairs, secretariat)',
        description:
          'Optionally imported from Markdown: `#` lines are section headings, blank lines separate paragraphs.',
        params: IdParams,
        body: schemas.CreateDraft,
        response: { 201: schemas.Draft },
      },
      config: { isIdempotent: true },
    },
    async (request, reply) =>
      reply.status(201).send(await createDraft(ctx, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/drafts/:id',
    {
      schema: {
        tags,
        summary: 'Get a draft and its revisions',
        params: IdParams,
        response: { 200: schemas.Draft },
      },
    },
    (request) => getDraft(ctx, request.actor, request.params.id),
  );

  app.patch(
    '/drafts/:id',
    {
      schema: {
        tags,
        summary: 'Update a draft’s title or summary',
        params: IdParams,
        body: schemas.UpdateDraft,
        response: { 200: schemas.Draft },
      },
    },
    (request) => updateDraft(ctx, request.actor, request.params.id, request.body),
  );

  app.get(
    '/drafts/:id/working-copy',
    {
      schema: {
        tags,
        summary: 'The working copy the chairs edit',
        params: IdParams,
        response: { 200: schemas.RevisionView },
      },
    },
    (request) => getWorkingCopy(ctx, request.actor, request.params.id),
  );

  app.put(
    '/drafts/:id/working-copy',
    {
      schema: {
        tags,
        summary: 'Save the working copy',
        description:
          'Send `blocks` (keep each block’s `key` so comments stay anchored) or `markdown`. Blocks without a key are matched to the paragraph they continue.',
        params: IdParams,
        body: schemas.SaveWorkingCopy,
        response: { 200: schemas.RevisionView },
      },
    },
    (request) => saveWorkingCopy(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/drafts/:id/revisions',
    {
      schema: {
        tags,
        summary: 'Publish the working copy as the next revision',
        params: IdParams,
        body: schemas.PublishRevision,
        response: { 201: schemas.RevisionView },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await publishRevision(ctx, request.actor, request.params.id, request.body.note)),
  );

  app.get(
    '/drafts/:id/revisions/:number',
    {
      schema: {
        tags,
        summary: 'Read a revision, with comment counts per paragraph',
        params: schemas.RevisionParams,
        response: { 200: schemas.RevisionView },
      },
    },
    (request) => getRevision(ctx, request.actor, request.params.id, request.params.number),
  );

  app.get(
    '/drafts/:id/diff',
    {
      schema: {
        tags,
        summary: 'Paragraph-level diff between two revisions',
        params: IdParams,
        querystring: schemas.DiffQuery,
        response: { 200: schemas.Diff },
      },
    },
    (request) => diffRevisions(ctx, request.actor, request.params.id, request.query.from, request.query.to),
  );
}

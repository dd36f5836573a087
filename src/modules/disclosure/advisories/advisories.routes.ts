import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Feed } from 'feed';
import { Type } from 'typebox';
import { actorForCase } from '../cases/case-access.ts';
import * as schemas from './advisories.schemas.ts';
import {
  createAdvisory,
  getAdvisory,
  getCsaf,
  listAdvisories,
  requestPublication,
  requestReview,
  reviewAdvisory,
  reviseAdvisory,
  validateDraft,
} from './advisories.service.ts';

const tags = ['disclosure'];
const Id = Type.String({ minLength: 1, maxLength: 64 });
const IdParams = Type.Object({ id: Id });

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export async function advisoryRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.post(
    '/disclosure-cases/:id/advisory',
    {
      schema: {
        tags,
        summary: "Draft the case's advisory (coordinators); it gets its tracking id",
        params: IdParams,
        body: schemas.CreateAdvisory,
        response: { 201: schemas.Advisory },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createAdvisory(ctx, request.actor, request.params.id, request.body)),
  );

  app.get(
    '/advisories',
    {
      schema: {
        tags,
        summary: 'Published advisories, newest first (and your unpublished ones if you coordinate)',
        querystring: Type.Object(
          {
            cursor: Type.Optional(Type.String({ maxLength: 200 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: schemas.AdvisoryList },
      },
    },
    (request) => listAdvisories(ctx, request.actor, request.query),
  );

  app.get(
    '/advisories/feed.atom',
    { schema: { tags, summary: 'Published advisories as an Atom feed', produces: ['application/atom+xml'] } },
    async (request, reply) => {
      const { items } = await listAdvisories(
        ctx,
        request.actor.type === 'anonymous' ? request.actor : { type: 'anonymous' },
        { limit: 50 },
      );
      const base = ctx.config.publicUrl;
      const feed = new Feed({
        title: 'Security advisories — Common Ground',
        id: `${base}/api/v1/advisories/feed.atom`,
        link: `${base}/advisories`,
        updated: new Date(items[0]?.currentReleaseDate ?? Date.now()),
        generator: 'Common Ground',
        copyright: 'Advisories belong to their publishers.',
        feedLinks: { atom: `${base}/api/v1/advisories/feed.atom` },
      });
      for (const item of items) {
        feed.addItem({
          title: escapeHtml(`${item.trackingId}: ${item.title}`),
          id: `${base}/advisories/${item.id}`,
          link: `${base}/advisories/${item.id}`,
          description: escapeHtml(`${item.publisherName}`),
          date: new Date(item.currentReleaseDate ?? item.publishedAt ?? Date.now()),
        });
      }
      return reply
        .type('application/atom+xml; charset=utf-8')
        .header('cache-control', 'public, max-age=300')
        .send(feed.atom1());
    },
  );

  app.get(
    '/advisories/:id',
    {
      schema: {
        tags,
        summary: 'Read an advisory',
        description:
          "Published CLEAR advisories are public; others are for the case's coordinators and participants.",
        params: IdParams,
        headers: Type.Object({
          'x-participant-token': Type.Optional(Type.String({ maxLength: 200 })),
          'x-reporter-token': Type.Optional(Type.String({ maxLength: 200 })),
        }),
        response: { 200: schemas.Advisory },
      },
    },
    async (request) => getAdvisory(ctx, await actorForCase(ctx, request), request.params.id),
  );

  app.post(
    '/advisories/:id/revisions',
    {
      schema: {
        tags,
        summary: 'Write a new revision (it needs a review before it is published)',
        params: IdParams,
        body: schemas.ReviseAdvisory,
        response: { 201: schemas.Advisory },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await reviseAdvisory(ctx, request.actor, request.params.id, request.body)),
  );

  app.post(
    '/advisories/:id/review-requests',
    {
      schema: {
        tags,
        summary: 'Ask another coordinator to review the latest revision',
        params: IdParams,
        response: { 200: schemas.Advisory },
      },
    },
    (request) => requestReview(ctx, request.actor, request.params.id),
  );

  app.post(
    '/advisories/:id/reviews',
    {
      schema: {
        tags,
        summary: 'Approve the latest revision or ask for changes (not by its author)',
        params: IdParams,
        body: schemas.ReviewAdvisory,
        response: { 200: schemas.Advisory },
      },
    },
    (request) => reviewAdvisory(ctx, request.actor, request.params.id, request.body),
  );

  app.post(
    '/advisories/:id/publication',
    {
      schema: {
        tags,
        summary: 'Publish the approved revision, or schedule it for when the embargo exits',
        description:
          'The CSAF document must pass the schema and the mandatory tests (422 `invalid_csaf_document` lists the failures). Published CLEAR advisories enter the CSAF provider directory, signed with the instance key.',
        params: IdParams,
        response: { 200: schemas.Advisory },
      },
    },
    (request) => requestPublication(ctx, request.actor, request.params.id),
  );

  app.get(
    '/advisories/:id/csaf',
    {
      schema: {
        tags,
        summary: 'The CSAF 2.0 document: security advisory (default) or VEX',
        description: 'As published, byte for byte; before publication a draft for the coordinators.',
        params: IdParams,
        querystring: schemas.CsafQuery,
        produces: ['application/json'],
      },
    },
    async (request, reply) => {
      const { body, isDraft } = await getCsaf(
        ctx,
        request.actor,
        request.params.id,
        request.query.profile ?? 'security_advisory',
      );
      return reply
        .type('application/json')
        .header('cache-control', isDraft ? 'no-store' : 'public, max-age=300')
        .send(body);
    },
  );

  app.get(
    '/advisories/:id/validation',
    {
      schema: {
        tags,
        summary: 'Validate the document as it would be published now (coordinators)',
        params: IdParams,
        querystring: schemas.CsafQuery,
        response: { 200: schemas.Validation },
      },
    },
    (request) =>
      validateDraft(ctx, request.actor, request.params.id, request.query.profile ?? 'security_advisory'),
  );
}

import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { readScope } from '../access/policy.ts';
import { searchDocuments } from './search.ts';

const Source = Type.String({ pattern: '^[a-z][a-z0-9_-]{0,39}$' });

const SearchQuerySchema = Type.Object({
  q: Type.String({
    maxLength: 300,
    description: 'Every word must match; the last may be the start of a word.',
  }),
  sources: Type.Optional(
    Type.Array(Source, {
      maxItems: 10,
      description: 'e.g. `drafts`, `contributions`, `statements`, `measures`.',
    }),
  ),
  language: Type.Optional(Type.String({ pattern: '^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$', maxLength: 35 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
});

const SearchResultsSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      source: Type.String(),
      sourceId: Type.String(),
      title: Type.String(),
      snippet: Type.String({
        description:
          'Plain text; each matched word sits between U+0002 and U+0003. Escape it, then highlight.',
      }),
      url: Type.String({ description: 'The path of the record in the web app.' }),
      language: Type.Union([Type.String(), Type.Null()]),
      publishedAt: Type.String(),
    }),
  ),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

export async function searchRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;

  app.get(
    '/search',
    {
      schema: {
        tags: ['search'],
        summary: 'Full-text search over everything published',
        description:
          'Only what you may read: public records for everyone, more for the community and your organizations.',
        querystring: SearchQuerySchema,
        response: { 200: SearchResultsSchema },
      },
    },
    (request) =>
      searchDocuments(ctx.db, ctx.dialect, readScope(request.actor), {
        q: request.query.q,
        ...(request.query.sources ? { sources: request.query.sources } : {}),
        ...(request.query.language ? { language: request.query.language } : {}),
        ...(request.query.cursor ? { cursor: request.query.cursor } : {}),
        ...(request.query.limit ? { limit: request.query.limit } : {}),
      }),
  );
}

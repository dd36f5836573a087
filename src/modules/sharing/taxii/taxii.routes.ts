import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../core/http/errors.ts';
import { sendTaxiiError, taxiiErrorHandler } from './errors.ts';
import { assertAcceptsTaxii, isTaxiiContentType, TAXII_MEDIA_TYPE } from './media.ts';
import {
  addObjects,
  apiRoot,
  discovery,
  getCollection,
  getManifest,
  getObject,
  getObjects,
  getStatus,
  getVersions,
  listCollections,
  maxContentLength,
  type TaxiiBody,
} from './taxii.service.ts';

/**
 * The TAXII 2.1 server under /taxii2: discovery at /taxii2/, one API root at /taxii2/api/. Every path
 * answers with and without its trailing slash. Errors are TAXII error messages (errors.ts), never
 * problem details, and these routes stay out of the OpenAPI document, which describes /api/v1.
 */

type Params = { collectionId: string; objectId: string; statusId: string };
type Request = FastifyRequest<{ Params: Params; Querystring: Record<string, unknown> }>;

/**
 * Sends TAXII JSON text. As a Buffer, because Fastify rewrites the Content-Type of JSON text (quoting the
 * version, adding a charset), and clients such as taxii2-client compare it token by token with what they
 * asked for.
 */
function send(reply: FastifyReply, status: number, result: string | TaxiiBody) {
  const page = typeof result === 'string' ? { body: result } : result;
  if (page.dateAddedFirst) reply.header('x-taxii-date-added-first', page.dateAddedFirst);
  if (page.dateAddedLast) reply.header('x-taxii-date-added-last', page.dateAddedLast);
  return reply
    .status(status)
    .header('content-type', TAXII_MEDIA_TYPE)
    .header('cache-control', 'no-store')
    .send(Buffer.from(page.body));
}

export async function taxiiRoutes(app: FastifyInstance): Promise<void> {
  const { ctx } = app;
  const hide = { schema: { hide: true } };

  await app.register(
    async (taxii) => {
      taxii.setErrorHandler(taxiiErrorHandler);
      const notFound = (request: FastifyRequest, reply: FastifyReply) =>
        sendTaxiiError(request, reply, 404, 'not_found', 'There is no TAXII resource at this address.');
      taxii.setNotFoundHandler(notFound);
      // The web app's static files answer every other path with a wildcard route, which would send a TAXII
      // client that mistyped a URL the HTML page; this wildcard keeps everything under /taxii2 a TAXII answer.
      taxii.all('/*', hide, notFound);
      // Bodies arrive as text whatever their declared type: the type is checked before reading (415)
      // and the JSON parsed by the handler, so every refusal is a TAXII error message.
      taxii.removeAllContentTypeParsers();
      taxii.addContentTypeParser(
        '*',
        { parseAs: 'string', bodyLimit: maxContentLength(ctx) },
        (_request, body, done) => done(null, body),
      );
      taxii.addHook('onRequest', async (request) => {
        assertAcceptsTaxii(request.headers.accept);
      });

      /** GET at a path with and without its trailing slash; any other method answers 405. */
      const resource = (
        path: string,
        get: (request: Request, reply: FastifyReply) => Promise<unknown>,
        withPost = false,
      ) => {
        // Under the prefix, '/' answers both /taxii2 and /taxii2/ (Fastify's prefixTrailingSlash).
        for (const url of path === '' ? ['/'] : [path, `${path}/`]) {
          taxii.get(url, hide, get as never);
          const refused = withPost ? ['PUT', 'PATCH', 'DELETE'] : ['POST', 'PUT', 'PATCH', 'DELETE'];
          taxii.route({
            method: refused as ('POST' | 'PUT' | 'PATCH' | 'DELETE')[],
            url,
            ...hide,
            handler: async () => {
              throw new AppError(
                405,
                'method_not_allowed',
                'This TAXII resource does not take that method.',
                {
                  headers: { allow: withPost ? 'GET, HEAD, POST' : 'GET, HEAD' },
                },
              );
            },
          });
        }
      };

      resource('', async (_request, reply) => send(reply, 200, discovery(ctx)));
      resource('/api', async (_request, reply) => send(reply, 200, apiRoot(ctx)));
      resource('/api/collections', async (request, reply) =>
        send(reply, 200, await listCollections(ctx, request.actor)),
      );
      resource('/api/collections/:collectionId', async (request, reply) =>
        send(reply, 200, await getCollection(ctx, request.actor, request.params.collectionId)),
      );
      resource(
        '/api/collections/:collectionId/objects',
        async (request, reply) =>
          send(reply, 200, await getObjects(ctx, request.actor, request.params.collectionId, request.query)),
        true,
      );
      resource('/api/collections/:collectionId/manifest', async (request, reply) =>
        send(reply, 200, await getManifest(ctx, request.actor, request.params.collectionId, request.query)),
      );
      resource('/api/collections/:collectionId/objects/:objectId', async (request, reply) =>
        send(
          reply,
          200,
          await getObject(
            ctx,
            request.actor,
            request.params.collectionId,
            request.params.objectId,
            request.query,
          ),
        ),
      );
      resource('/api/collections/:collectionId/objects/:objectId/versions', async (request, reply) =>
        send(
          reply,
          200,
          await getVersions(
            ctx,
            request.actor,
            request.params.collectionId,
            request.params.objectId,
            request.query,
          ),
        ),
      );
      resource('/api/status/:statusId', async (request, reply) =>
        send(reply, 200, await getStatus(ctx, request.actor, request.params.statusId)),
      );

      for (const url of [
        '/api/collections/:collectionId/objects',
        '/api/collections/:collectionId/objects/',
      ]) {
        taxii.post(
          url,
          {
            ...hide,
            bodyLimit: maxContentLength(ctx),
            // Refused before the body is read: the wrong type (415), or a declared length over the limit (413).
            preParsing: async (request, _reply, payload) => {
              if (!isTaxiiContentType(request.headers['content-type'])) {
                throw new AppError(
                  415,
                  'unsupported_media_type',
                  `Send the envelope as ${TAXII_MEDIA_TYPE}.`,
                );
              }
              const declared = Number(request.headers['content-length'] ?? 0);
              if (declared > maxContentLength(ctx)) {
                throw new AppError(
                  413,
                  'body_too_large',
                  `The request body is larger than max_content_length (${maxContentLength(ctx)} bytes).`,
                );
              }
              return payload;
            },
          },
          async (request, reply) => {
            const { collectionId } = request.params as Params;
            const body = typeof request.body === 'string' ? request.body : '';
            return send(reply, 202, await addObjects(ctx, request.actor, collectionId, body));
          },
        );
      }
    },
    { prefix: '/taxii2' },
  );
}

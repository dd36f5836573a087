import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** The OpenAPI 3.1 document, generated from the route schemas, and browsable docs at /api/docs. */
export async function registerOpenApi(app: FastifyInstance, publicUrl: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Common Ground API',
        version: '1',
        description:
          'The API of Common Ground. Errors are RFC 9457 problem details with a stable `code`. Lists use cursor pagination (`items`, `nextCursor`). Creating POSTs honour `Idempotency-Key`. Authenticate with the session cookie (and `x-csrf-token` on writes) or `Authorization: Bearer cg_…` API tokens.',
        license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
      },
      servers: [{ url: publicUrl }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cg_session' },
          apiToken: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API token, `cg_…`, scoped to one organization.',
          },
        },
      },
      security: [{ session: [] }, { apiToken: [] }, {}],
    },
  });
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { url: '/api/v1/openapi.json', deepLinking: true },
    // The platform's own CSP (security-headers.ts) applies here too; swagger-ui loads no inline script.
    staticCSP: false,
  });
}

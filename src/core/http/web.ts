import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problem.ts';

export const WEB_DIST = resolve(import.meta.dirname, '../../../web/dist');

/**
 * Serves the built web app. Paths outside /api that match no file get index.html, so the client-side
 * router handles deep links such as /organizations/org_….
 */
export async function registerWeb(app: FastifyInstance): Promise<void> {
  const hasBuild = existsSync(resolve(WEB_DIST, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      prefix: '/',
      // Looked up per request, so a rebuilt web app is served without a restart.
      wildcard: true,
      index: false,
      maxAge: '1h',
      setHeaders(reply, path) {
        // Hashed asset names change with content, so they can be cached for good.
        if (path.includes('/assets/')) reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  if (hasBuild) {
    app.get('/', { schema: { hide: true } }, (_request, reply) =>
      reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html'),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const isPage = request.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path);
    if (isPage && hasBuild) {
      return reply
        .header('cache-control', 'no-cache')
        .type('text/html; charset=utf-8')
        .sendFile('index.html');
    }
    if (isPage) {
      return reply
        .type('text/plain; charset=utf-8')
        .status(503)
        .send('The web app is not built. Run `npm run build:web` (npm start does it for you).');
    }
    return sendProblem(request, reply, 404, 'not_found', `No route ${request.method} ${path}.`);
  });
}

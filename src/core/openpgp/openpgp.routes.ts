import type { FastifyInstance } from 'fastify';
import { matchesIfNoneMatch } from '../reference/reference.routes.ts';
import { getInstanceKey } from './instance-key.ts';

export const INSTANCE_KEY_PATH = '/.well-known/commonground/openpgp.asc';

/**
 * The instance's public OpenPGP key, with which receivers verify the signatures on its encrypted mail.
 * Outside /api like the health routes, so hidden from the OpenAPI document; the ETag is the fingerprint.
 */
export async function openPgpRoutes(app: FastifyInstance): Promise<void> {
  app.get(INSTANCE_KEY_PATH, { schema: { hide: true } }, async (request, reply) => {
    const key = await getInstanceKey(app.ctx.db, { publicUrl: app.ctx.config.publicUrl });
    const etag = `"${key.fingerprint}"`;
    reply.header('cache-control', 'public, max-age=3600');
    reply.header('etag', etag);
    if (matchesIfNoneMatch(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.type('application/pgp-keys').send(key.publicArmored);
  });
}

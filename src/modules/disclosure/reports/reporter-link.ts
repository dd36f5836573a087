import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { Actor, LinkHolderActor } from '../../../core/access/index.ts';
import type { AppContext } from '../../../core/context.ts';
import { AppError } from '../../../core/http/errors.ts';

/**
 * A researcher without an account follows their report through a secret link. The token is
 * `<report id>.<secret>`; only the SHA-256 of the secret is stored. The link carries the token in its
 * fragment (`/reports/track#token=…`), which browsers send neither to servers nor in Referer headers; the
 * page sends it in the `X-Reporter-Token` header, which the logs do not record.
 */
export const REPORTER_TOKEN_HEADER = 'x-reporter-token';
const TOKEN_PATTERN = /^(vr_[0-9a-z]{26})\.([A-Za-z0-9_-]{43})$/;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function newReporterSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: hashSecret(secret) };
}

export function reporterUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/reports/track#token=${token}`;
}

const invalidToken = () =>
  new AppError(
    401,
    'invalid_reporter_token',
    'This report link is not valid. Check that you copied all of it.',
  );

/**
 * The actor of a request: the holder of a reporter link when the header is present (whoever else is signed
 * in), else the authenticated actor.
 */
export async function actorWithReporterLink(ctx: AppContext, request: FastifyRequest): Promise<Actor> {
  const header = request.headers[REPORTER_TOKEN_HEADER];
  if (header === undefined) return request.actor;
  const match = typeof header === 'string' ? TOKEN_PATTERN.exec(header) : null;
  if (!match) throw invalidToken();
  const [, id, secret] = match as unknown as [string, string, string];
  const row = await ctx.db
    .selectFrom('vulnerability_reports')
    .select('reporter_secret_hash')
    .where('id', '=', id)
    .executeTakeFirst();
  const expected = Buffer.from(row?.reporter_secret_hash ?? '0'.repeat(64), 'hex');
  const given = Buffer.from(hashSecret(secret), 'hex');
  if (!row || !timingSafeEqual(expected, given)) throw invalidToken();
  const actor: LinkHolderActor = { type: 'link_holder', grant: { kind: 'vulnerability_report', id } };
  return actor;
}

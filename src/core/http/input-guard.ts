import type { FastifyInstance } from 'fastify';
import { AppError } from './errors.ts';

// PostgreSQL text cannot hold U+0000, and no legitimate field needs it (SQLite would store it silently,
// so the two databases would disagree). Refuse it everywhere, before any handler runs.
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => hasNul(item, depth + 1));
  return Object.entries(value).some(([key, item]) => key.includes('\u0000') || hasNul(item, depth + 1));
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    if (hasNul(request.params) || hasNul(request.query) || hasNul(request.body)) {
      throw new AppError(
        400,
        'invalid_character',
        'The request contains a NUL character, which no field accepts.',
      );
    }
  });
}

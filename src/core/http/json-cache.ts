import type { FastifyReply } from 'fastify';

// Serialized bodies of cached read models, keyed by the cached object itself: when a read cache hands
// out the same object again, its JSON bytes are reused instead of being serialized and encoded anew.
const serialized = new WeakMap<object, Buffer>();

/** Sends a presented value as JSON, reusing the bytes when the same object is sent again. */
export function sendCachedJson(reply: FastifyReply, value: object): FastifyReply {
  let body = serialized.get(value);
  if (!body) {
    body = Buffer.from(JSON.stringify(value));
    serialized.set(value, body);
  }
  return reply.header('content-type', 'application/json; charset=utf-8').send(body);
}

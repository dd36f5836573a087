import 'fastify';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Actor } from './access/actor.ts';
import type { Db, Dialect } from './db/database.ts';

/** Wakes the outbox worker after a commit, so delivery does not wait for the next poll. */
export interface DeliveryWaker {
  wake(): void;
}

/** What every route and service can reach. Built once in app.ts. */
export interface AppContext {
  config: Config;
  db: Db;
  dialect: Dialect;
  /** Key for HMAC-signed tokens (CSRF, links); from SECRET_KEY or generated once per instance. */
  signingKey: Buffer;
  log: Logger;
  delivery: DeliveryWaker;
}

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyRequest {
    actor: Actor;
  }
}

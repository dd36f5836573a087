import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import pino from 'pino';
import { type Config, loadConfig } from './config.ts';
import { auditRoutes } from './core/audit/audit.routes.ts';
import type { AppContext, DeliveryWaker } from './core/context.ts';
import type { DatabaseHandle } from './core/db/database.ts';
import { getSigningKey } from './core/db/settings.ts';
import { deliveryRoutes } from './core/delivery/delivery.routes.ts';
import { registerIdempotency } from './core/http/idempotency.ts';
import { registerInputGuard } from './core/http/input-guard.ts';
import { registerObservability } from './core/http/observability.ts';
import { registerOpenApi } from './core/http/openapi.ts';
import { registerProblemHandlers, sendProblem } from './core/http/problem.ts';
import { registerSecurityHeaders } from './core/http/security-headers.ts';
import { registerValidation } from './core/http/validation.ts';
import { registerWeb } from './core/http/web.ts';
import { adminRoutes } from './core/identity/admin.routes.ts';
import { registerAuthentication } from './core/identity/authenticate.ts';
import { authRoutes, meRoutes } from './core/identity/identity.routes.ts';
import { openPgpRoutes } from './core/openpgp/openpgp.routes.ts';
import { organizationRoutes } from './core/orgs/orgs.routes.ts';
import { referenceRoutes } from './core/reference/reference.routes.ts';
import { searchRoutes } from './core/search/search.routes.ts';
import { MODULES } from './modules/index.ts';

export interface BuildOptions {
  config?: Config;
  database: DatabaseHandle;
  /** Wakes the delivery worker after commits; main.ts passes the running worker. */
  delivery?: DeliveryWaker;
  logger?: pino.Logger;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The process logger: credentials never reach the logs. */
export function createLogger(config: Config): pino.Logger {
  return pino({
    level: config.logLevel,
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
  });
}

/** Builds the Fastify app from the core plugins and modules. It does not listen: tests use app.inject. */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const config = options.config ?? loadConfig();
  const log = options.logger ?? createLogger(config);
  // Typed as the default instance so plugins written against FastifyInstance register without casts.
  const app = Fastify({
    loggerInstance: log,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    // Errors raised before routing (bad URL encoding, over-long path segments) leave as problem details too.
    frameworkErrors: (error, request, reply) => {
      const isTooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      return sendProblem(
        request,
        reply,
        isTooLong ? 414 : 400,
        isTooLong ? 'uri_too_long' : 'bad_url',
        isTooLong ? 'A path segment is too long.' : 'The URL is malformed.',
      );
    },
  }) as unknown as FastifyInstance;

  const ctx: AppContext = {
    config,
    db: options.database.db,
    dialect: options.database.dialect,
    signingKey: await getSigningKey(options.database.db, config.secretKey),
    log,
    delivery: options.delivery ?? { wake() {} },
  };
  app.decorate('ctx', ctx);

  registerValidation(app);
  registerProblemHandlers(app);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerSecurityHeaders(app, { isHttps: config.isHttps });
  await app.register(cookie);
  if (config.rateLimitPerMinute > 0) {
    await app.register(rateLimit, {
      max: config.rateLimitPerMinute,
      timeWindow: '1 minute',
      // Loopback is where health checks and the local benchmark come from; proxies set TRUST_PROXY.
      allowList: (request) => request.url === '/healthz' || request.url === '/readyz',
    });
  }
  registerObservability(app);
  await registerOpenApi(app, config.publicUrl);
  registerInputGuard(app);
  registerAuthentication(app);
  registerIdempotency(app);

  await app.register(
    async (api) => {
      await api.register(referenceRoutes);
      await api.register(authRoutes);
      await api.register(meRoutes);
      await api.register(organizationRoutes);
      await api.register(auditRoutes);
      await api.register(adminRoutes);
      await api.register(deliveryRoutes);
      await api.register(searchRoutes);
      for (const module of MODULES) await api.register(module.routes);
    },
    { prefix: '/api/v1' },
  );
  await app.register(openPgpRoutes);
  for (const module of MODULES) if (module.rootRoutes) await app.register(module.rootRoutes);
  await registerWeb(app);
  return app;
}

import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { Dialect } from '../../src/core/db/database.ts';
import { currentTotp, DEFAULT_PASSWORD } from '../factories.ts';
import { openTestDatabase, type TestDatabase } from './databases.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The real app on a fresh database of the given dialect; nothing of ours is mocked. */
export async function createTestApp(dialect: Dialect, env: Record<string, string> = {}): Promise<TestApp> {
  const database = await openTestDatabase(dialect);
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
    PUBLIC_URL: 'http://localhost:8080',
    SECRET_KEY: 'test-secret-key-that-is-long-enough-0123456789',
    ...env,
  });
  const app = await buildApp({ config, database });
  await app.ready();
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.destroy();
    },
  };
}

/** A signed-in browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export interface Client {
  cookie: string;
  csrfToken: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function signIn(
  app: FastifyInstance,
  email: string,
  options: { password?: string; withTotp?: boolean } = {},
): Promise<Client> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: {
      email,
      password: options.password ?? DEFAULT_PASSWORD,
      ...(options.withTotp ? { totpCode: await currentTotp() } : {}),
    },
  });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.cookies.find((c) => c.name === 'cg_session');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `cg_session=${setCookie.value}`;
  const { csrfToken } = response.json() as { csrfToken: string };
  return {
    cookie,
    csrfToken,
    request(request: InjectOptions) {
      return app.inject({
        ...request,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(request.headers ?? {}) },
      });
    },
  };
}

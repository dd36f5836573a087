import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

/**
 * A server for the benchmark, in its own process so the load generator does not share its event loop.
 *   node bench/server.ts app            the real app (configuration from the environment)
 *   node bench/server.ts bare <file>    a bare Fastify route answering every GET with the file's bytes
 * Prints the port on stdout once listening.
 */
const [mode, file] = process.argv.slice(2);

if (mode === 'bare') {
  const body = readFileSync(file!);
  const app = Fastify({ logger: false });
  app.get('/*', (_request, reply) => {
    reply.header('content-type', 'application/json; charset=utf-8').send(body);
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
} else {
  const { buildApp } = await import('../src/app.ts');
  const { loadConfig } = await import('../src/config.ts');
  const { openDatabase } = await import('../src/core/db/database.ts');
  const config = loadConfig();
  const database = openDatabase(config.databaseUrl);
  const app = await buildApp({ config, database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
}

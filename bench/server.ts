import { readFileSync } from 'node:fs';
import Fastify from 'fastify';

/**
 * A server for the benchmark, in its own process so the load generator does not share its event loop.
 *   node bench/server.ts app            the real app (configuration from the environment)
 *   node bench/server.ts bare <file>    a bare Fastify route answering every GET with the file's bytes
 *   node bench/server.ts full           the app with its delivery worker and module jobs, as `serve` runs it
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
} else if (mode === 'full') {
  const { buildApp } = await import('../src/app.ts');
  const { loadConfig } = await import('../src/config.ts');
  const { openDatabase } = await import('../src/core/db/database.ts');
  const { createDeliveryWorker } = await import('../src/core/delivery/worker.ts');
  const { startModuleJobs } = await import('../src/jobs.ts');
  const config = loadConfig();
  const database = openDatabase(config.databaseUrl);
  let worker: ReturnType<typeof createDeliveryWorker> | undefined;
  const app = await buildApp({ config, database, delivery: { wake: () => worker?.wake() } });
  worker = createDeliveryWorker(app.ctx);
  worker.start();
  const jobs = startModuleJobs(app.ctx);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.stdout.write(`${typeof address === 'object' && address ? address.port : 0}\n`);
  process.once('SIGTERM', async () => {
    await app.close();
    await jobs.stop();
    await worker?.stop();
    await database.close();
    process.exit(0);
  });
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

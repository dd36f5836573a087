import { buildApp, createLogger } from './app.ts';
import { type Config, loadConfig } from './config.ts';
import { openDatabase } from './core/db/database.ts';
import { createDeliveryWorker } from './core/delivery/worker.ts';
import { createSetupLink, isSetupNeeded } from './core/identity/auth.service.ts';
import { seedReference } from './core/reference/seed.ts';
import { startModuleJobs } from './jobs.ts';
import { seedModules } from './modules/index.ts';
import { migrateToLatest } from './schema.ts';

export interface ServeOptions {
  config?: Config;
  /** Runs before listening, after migrations and reference data: the demo dataset hooks in here. */
  beforeListen?: (handle: ReturnType<typeof openDatabase>) => Promise<void>;
}

/** Process entry: config, database, app, listen, delivery worker, module jobs, graceful shutdown. */
export async function startServer(options: ServeOptions = {}) {
  const config = options.config ?? loadConfig();
  const log = createLogger(config);
  const database = openDatabase(config.databaseUrl);
  const applied = await migrateToLatest(database);
  if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');
  const seeded = await seedReference(database.db);
  await seedModules(database.db, database.dialect);
  log.info(seeded, 'reference data ready');
  await options.beforeListen?.(database);

  let worker: ReturnType<typeof createDeliveryWorker> | undefined;
  const waker = { wake: () => worker?.wake() };
  const app = await buildApp({ config, database, delivery: waker, logger: log });
  if (config.deliveryWorker) {
    worker = createDeliveryWorker(app.ctx);
    worker.start();
  }
  const jobs = startModuleJobs(app.ctx);
  await app.listen({ port: config.port, host: config.host });

  if (await isSetupNeeded(app.ctx)) {
    const link = await createSetupLink(app.ctx);
    process.stdout.write(
      `\n  Common Ground has no platform admin yet. Open this one-time link to create the first one\n  (it expires in 24 hours; restarting prints a new one):\n\n    ${link}\n\n`,
    );
  }
  process.stdout.write(`  Common Ground is serving ${config.publicUrl} (${database.dialect})\n\n`);

  let isStopping = false;
  const shutdown = async (signal: string) => {
    if (isStopping) return;
    isStopping = true;
    log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    await app.close();
    await jobs.stop();
    await worker?.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  return { app, database, worker };
}

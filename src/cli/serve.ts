import { loadConfig } from '../config.ts';
import { startServer } from '../main.ts';

export async function serveCommand(options: { isDemo: boolean }): Promise<number> {
  const env = { ...process.env };
  if (options.isDemo && !env.DATABASE_URL) {
    // The demo never writes into the real instance's database.
    env.DATABASE_URL = `sqlite:${env.DATA_DIR ?? './data'}/demo.db`;
  }
  const config = loadConfig(env);
  await startServer({
    config,
    ...(options.isDemo
      ? {
          beforeListen: async (database) => {
            const { seedDemo, printDemoCredentials } = await import('./demo.ts');
            printDemoCredentials(await seedDemo(database.db, database.dialect, config));
          },
        }
      : {}),
  });
  return -1;
}

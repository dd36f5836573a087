import { loadConfig } from '../config.ts';
import { openDatabase } from '../core/db/database.ts';
import { seedReference } from '../core/reference/seed.ts';
import { seedModules } from '../modules/index.ts';
import { migrateToLatest } from '../schema.ts';

export async function migrateCommand(): Promise<number> {
  const config = loadConfig();
  const database = openDatabase(config.databaseUrl);
  try {
    const applied = await migrateToLatest(database);
    process.stdout.write(
      applied.length ? `Applied: ${applied.join(', ')}\n` : 'The database is up to date.\n',
    );
    return 0;
  } finally {
    await database.close();
  }
}

export async function seedCommand(options: { isDemo: boolean }): Promise<number> {
  const config = loadConfig();
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database);
    const counts = await seedReference(database.db);
    await seedModules(database.db, database.dialect);
    process.stdout.write(`Reference data: ${counts.countries} countries, ${counts.regions} regions.\n`);
    if (options.isDemo) {
      const { seedDemo, printDemoCredentials } = await import('./demo.ts');
      printDemoCredentials(await seedDemo(database.db, database.dialect, config));
    }
    return 0;
  } finally {
    await database.close();
  }
}

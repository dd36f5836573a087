import pino from 'pino';
import { loadConfig } from '../config.ts';
import type { AppContext } from '../core/context.ts';
import { openDatabase } from '../core/db/database.ts';
import { getSigningKey } from '../core/db/settings.ts';
import { createSetupLink } from '../core/identity/auth.service.ts';
import { migrateToLatest } from '../schema.ts';

export async function adminCreateCommand(email: string): Promise<number> {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
    process.stderr.write(
      "Give the new admin's address: commonground admin create --email someone@example.org\n",
    );
    return 1;
  }
  const config = loadConfig();
  const database = openDatabase(config.databaseUrl);
  try {
    await migrateToLatest(database);
    const ctx: AppContext = {
      config,
      db: database.db,
      dialect: database.dialect,
      signingKey: await getSigningKey(database.db, config.secretKey),
      log: pino({ level: 'silent' }),
      delivery: { wake() {} },
    };
    const link = await createSetupLink(ctx, { email });
    process.stdout.write(`One-time link for ${email} (valid 24 hours):\n\n  ${link}\n`);
    return 0;
  } finally {
    await database.close();
  }
}

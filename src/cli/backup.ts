import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { loadConfig } from '../config.ts';
import { isPostgresUrl, sqlitePathFromUrl } from '../core/db/database.ts';

export async function backupCommand(output: string | undefined): Promise<number> {
  const config = loadConfig();
  if (isPostgresUrl(config.databaseUrl)) {
    process.stdout.write(
      "This instance runs on PostgreSQL: back it up with PostgreSQL's own tools, for example\n\n" +
        '  pg_dump --format=custom --file=commonground.dump "$DATABASE_URL"\n\n' +
        'and restore with pg_restore. pg_dump takes a consistent snapshot while the platform keeps running.\n',
    );
    return 2;
  }
  const source = sqlitePathFromUrl(config.databaseUrl);
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = resolve(output ?? `${config.dataDir}/backups/commonground-${stamp}.db`);
  mkdirSync(dirname(target), { recursive: true });
  const database = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    // SQLite's online backup API copies a consistent snapshot while other connections keep writing.
    await database.backup(target);
  } finally {
    database.close();
  }
  process.stdout.write(`Backup written to ${target}\n`);
  return 0;
}

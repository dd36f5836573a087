import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';
import {
  type DatabaseHandle,
  type Dialect,
  migrateToLatest,
  openDatabase,
} from '../../src/core/db/database.ts';
import { seedReference } from '../../src/core/reference/seed.ts';

export const DIALECTS: Dialect[] = ['sqlite', 'postgres'];

export function isDialectAvailable(dialect: Dialect): boolean {
  return dialect === 'sqlite' || inject('postgresUrl') !== null;
}

export interface TestDatabase extends DatabaseHandle {
  /** The connection URL, for code that opens its own connection (child processes, CLI). */
  url: string;
  pgSchema?: string;
  /** Closes the connection and drops what the test created. */
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database: an in-memory SQLite, or a new schema in the test PostgreSQL database,
 * so test files run in parallel without seeing each other's rows.
 */
export async function openTestDatabase(
  dialect: Dialect,
  options: { seedReference?: boolean; sqliteFile?: string } = {},
): Promise<TestDatabase> {
  let handle: DatabaseHandle;
  let url: string;
  let pgSchema: string | undefined;
  if (dialect === 'postgres') {
    const baseUrl = inject('postgresUrl');
    if (!baseUrl) throw new Error('PostgreSQL is not available for this run');
    pgSchema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: baseUrl });
    await admin.connect();
    await admin.query(`create schema ${pgSchema}`);
    await admin.end();
    url = baseUrl;
    handle = openDatabase(baseUrl, { pgSchema, pgPoolSize: 5 });
  } else {
    url = options.sqliteFile ? `sqlite:${options.sqliteFile}` : 'sqlite::memory:';
    handle = openDatabase(url);
  }
  await migrateToLatest(handle);
  if (options.seedReference !== false) await seedReference(handle.db);
  return {
    ...handle,
    url,
    ...(pgSchema ? { pgSchema } : {}),
    async destroy() {
      await handle.close();
      if (pgSchema) {
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`drop schema ${pgSchema} cascade`);
        await admin.end();
      }
    },
  };
}

/** Runs the same suite on SQLite and on PostgreSQL (skipped, loudly, only outside CI without PostgreSQL). */
export function describeEachDialect(title: string, suite: (dialect: Dialect) => void): void {
  for (const dialect of DIALECTS) {
    describe.skipIf(!isDialectAvailable(dialect))(`${title} [${dialect}]`, () => suite(dialect));
  }
}

import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, inject } from 'vitest';
import { type DatabaseHandle, type Dialect, openDatabase } from '../../src/core/db/database.ts';
import { seedReference } from '../../src/core/reference/seed.ts';
import { seedModules } from '../../src/modules/index.ts';
import { migrateToLatest } from '../../src/schema.ts';

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

// Kysely's migrator looks its bookkeeping tables up by reading the whole catalog, which fails when
// another test file drops its schema at that moment. Test files therefore create, migrate and drop
// their schemas one at a time, under one advisory lock.
const SCHEMA_LOCK = 727_001;

async function withSchemaLock<T>(url: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query('select pg_advisory_lock($1)', [SCHEMA_LOCK]);
    return await work(admin);
  } finally {
    await admin.query('select pg_advisory_unlock($1)', [SCHEMA_LOCK]).catch(() => {});
    await admin.end();
  }
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
    const schema = `t_${randomBytes(6).toString('hex')}`;
    pgSchema = schema;
    url = baseUrl;
    const pgHandle = openDatabase(baseUrl, { pgSchema: schema, pgPoolSize: 5 });
    handle = pgHandle;
    await withSchemaLock(baseUrl, async (admin) => {
      await admin.query(`create schema ${schema}`);
      await migrateToLatest(pgHandle);
    });
  } else {
    url = options.sqliteFile ? `sqlite:${options.sqliteFile}` : 'sqlite::memory:';
    handle = openDatabase(url);
    await migrateToLatest(handle);
  }
  if (options.seedReference !== false) {
    await seedReference(handle.db);
    await seedModules(handle.db, handle.dialect);
  }
  return {
    ...handle,
    url,
    ...(pgSchema ? { pgSchema } : {}),
    async destroy() {
      await handle.close();
      const schema = pgSchema;
      if (schema) await withSchemaLock(url, (admin) => admin.query(`drop schema ${schema} cascade`));
    },
  };
}

/** Runs the same suite on SQLite and on PostgreSQL (skipped, loudly, only outside CI without PostgreSQL). */
export function describeEachDialect(title: string, suite: (dialect: Dialect) => void): void {
  for (const dialect of DIALECTS) {
    describe.skipIf(!isDialectAvailable(dialect))(`${title} [${dialect}]`, () => suite(dialect));
  }
}

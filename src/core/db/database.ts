import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { type Migration, Migrator } from 'kysely/migration';
import pg from 'pg';
import { registerChangeProbe } from './change-counters.ts';
import { migrations } from './migrations/index.ts';
import type { Database } from './tables.ts';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  /** The SQLite file path, when on SQLite. */
  sqlitePath?: string;
  /** The PostgreSQL schema the tables live in, when on PostgreSQL. */
  pgSchema?: string;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL schema to use instead of `public` (tests isolate themselves this way). */
  pgSchema?: string;
  pgPoolSize?: number;
}

// pg returns BIGINT (count(*)) as a string; counts in this project fit in a JS number.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

export function isPostgresUrl(url: string): boolean {
  return url.startsWith('postgres://') || url.startsWith('postgresql://');
}

/** `sqlite:./data/x.db`, `file:./x.db`, a bare path, or `:memory:`. */
export function sqlitePathFromUrl(url: string): string {
  const path = url.replace(/^sqlite:(\/\/)?/, '').replace(/^file:(\/\/)?/, '');
  return path === ':memory:' ? path : resolve(path);
}

/**
 * better-sqlite3 prepares a statement on every call Kysely makes; preparing costs about as much as running
 * a small query. Kysely's queries are a small, fixed set of SQL texts, so keep their statements.
 * Every statement that writes is counted (`onWrite`), so read caches can tell this connection's own
 * changes from none at all.
 */
function withStatementCache(database: SQLite.Database, onWrite: () => void, capacity = 2000) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = database.prepare(sql);
        if (statements.size >= capacity) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      if (statement.reader) return statement;
      const writer = statement;
      return {
        reader: false,
        run(parameters: unknown[]) {
          onWrite();
          return writer.run(parameters);
        },
      } as unknown as SQLite.Statement;
    },
  };
}

export function openDatabase(url: string, options: DatabaseOptions = {}): DatabaseHandle {
  if (isPostgresUrl(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.pgPoolSize ?? 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', pgSchema: options.pgSchema ?? 'public', close: () => db.destroy() };
  }
  const path = sqlitePathFromUrl(url);
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 128 MiB of page cache (the default is 2 MiB): inserts into large indexes keyed by random ids (STIX ids in
  // a million-object TAXII collection) otherwise read most index pages from disk again.
  sqlite.pragma('cache_size = -131072');
  // SQLite tells when another connection (a CLI command, say) has committed: with the count of this
  // connection's own writes, that lets the change counters be read from memory while nothing moved.
  let writes = 0;
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database: withStatementCache(sqlite, () => writes++) }),
  });
  registerChangeProbe(db, () => `${dataVersion.get() as number}:${writes}`);
  return { db, dialect: 'sqlite', sqlitePath: path, close: () => db.destroy() };
}

/**
 * Brings the schema to the latest migration; throws with the failing migration's name. Core passes
 * its own migrations; src/schema.ts adds the modules' (core imports no module).
 */
export async function migrateToLatest(
  handle: Pick<DatabaseHandle, 'db' | 'pgSchema'>,
  set: Record<string, Migration> = migrations,
): Promise<string[]> {
  const migrator = new Migrator({
    db: handle.db,
    provider: { getMigrations: async () => set },
    // Named explicitly: Kysely otherwise looks for its bookkeeping tables in every schema it can see.
    ...(handle.pgSchema ? { migrationTableSchema: handle.pgSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${String(error)}`, {
      cause: error,
    });
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

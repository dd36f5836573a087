import type { Migration } from 'kysely/migration';
import { type DatabaseHandle, migrateToLatest as migrateSet } from './core/db/database.ts';
import { migrations as coreMigrations } from './core/db/migrations/index.ts';
import { MODULE_MIGRATIONS } from './modules/index.ts';

/**
 * Every migration of the product, core and modules, in one name-sorted sequence. Numbers are
 * global: a new migration anywhere takes the next free number, so order never depends on folders.
 */
export const ALL_MIGRATIONS: Record<string, Migration> = { ...coreMigrations, ...MODULE_MIGRATIONS };

/** Brings the database to the latest schema of the whole product. */
export function migrateToLatest(handle: Pick<DatabaseHandle, 'db' | 'pgSchema'>): Promise<string[]> {
  return migrateSet(handle, ALL_MIGRATIONS);
}

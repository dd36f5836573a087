import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely/migration';
import type { AppContext } from '../core/context.ts';
import type { Db, Dialect } from '../core/db/database.ts';
import { assistance } from './assistance/index.ts';
import { contacts } from './contacts/index.ts';
import { disclosure } from './disclosure/index.ts';
import { exercises } from './exercises/index.ts';
import { incidents } from './incidents/index.ts';
import { participation } from './participation/index.ts';
import { sharing } from './sharing/index.ts';

/** Work a module runs on a schedule in the server process, e.g. closing periods that have ended. */
export interface ModuleJob {
  name: string;
  intervalMs: number;
  run: (ctx: AppContext) => Promise<unknown>;
}

/** What a module offers the app: its routes under /api/v1, its migrations and its jobs. */
export interface ModuleDefinition {
  name: string;
  routes: (api: FastifyInstance) => Promise<void>;
  /** Routes outside /api/v1 that standards fix, such as files under /.well-known/. */
  rootRoutes?: (app: FastifyInstance) => Promise<void>;
  migrations: Record<string, Migration>;
  /** Reference data the module ships, written at start; must be idempotent. */
  seed?: (db: Db, dialect: Dialect) => Promise<unknown>;
  jobs: ModuleJob[];
}

export const MODULES: ModuleDefinition[] = [
  participation,
  contacts,
  assistance,
  exercises,
  disclosure,
  incidents,
  sharing,
];

export const MODULE_MIGRATIONS: Record<string, Migration> = Object.assign(
  {},
  ...MODULES.map((module) => module.migrations),
);

/** Writes every module's shipped reference data; run after migrations, as core's reference seed is. */
export async function seedModules(db: Db, dialect: Dialect): Promise<void> {
  for (const module of MODULES) await module.seed?.(db, dialect);
}

import type { FastifyInstance } from 'fastify';
import type { Migration } from 'kysely/migration';
import type { AppContext } from '../core/context.ts';
import { participation } from './participation/index.ts';

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
  migrations: Record<string, Migration>;
  jobs: ModuleJob[];
}

export const MODULES: ModuleDefinition[] = [participation];

export const MODULE_MIGRATIONS: Record<string, Migration> = Object.assign(
  {},
  ...MODULES.map((module) => module.migrations),
);

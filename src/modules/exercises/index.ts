import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../index.ts';
import './exercises.tables.ts';
import * as migration0012 from './migrations/0012_exercises.ts';

/** Communication checks of the POC directory. */
export const exercises: ModuleDefinition = {
  name: 'exercises',
  routes: async (_api: FastifyInstance) => {},
  migrations: { '0012_exercises': migration0012 },
  jobs: [],
};

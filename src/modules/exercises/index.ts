import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../index.ts';
import { checkRoutes } from './checks/checks.routes.ts';
import './exercises.tables.ts';
import * as migration0012 from './migrations/0012_exercises.ts';

/** Communication checks of the POC directory. */
export const exercises: ModuleDefinition = {
  name: 'exercises',
  routes: async (api: FastifyInstance) => {
    await api.register(checkRoutes);
  },
  migrations: { '0012_exercises': migration0012 },
  jobs: [],
};

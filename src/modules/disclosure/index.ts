import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../index.ts';
import './disclosure.tables.ts';
import * as migration0013 from './migrations/0013_disclosure.ts';
import { programRoutes, securityTxtRoutes } from './programs/programs.routes.ts';
import { reportRoutes } from './reports/reports.routes.ts';

/** Coordinated vulnerability disclosure: programs, researcher intake and triage. */
export const disclosure: ModuleDefinition = {
  name: 'disclosure',
  routes: async (api: FastifyInstance) => {
    await api.register(programRoutes);
    await api.register(reportRoutes);
  },
  rootRoutes: securityTxtRoutes,
  migrations: { '0013_disclosure': migration0013 },
  jobs: [],
};

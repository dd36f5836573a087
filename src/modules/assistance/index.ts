import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../index.ts';
import './assistance.tables.ts';
import { assistanceRoutes } from './assistance.routes.ts';
import { escalateOverdueRequests } from './escalation.ts';
import * as migration0011 from './migrations/0011_assistance.ts';

export { escalateOverdueRequests } from './escalation.ts';
export { detectPersonalData, type PersonalDataFinding } from './personal-data.ts';

/** Notifications, requests for information and requests for assistance between POCs. */
export const assistance: ModuleDefinition = {
  name: 'assistance',
  routes: async (api: FastifyInstance) => {
    await api.register(assistanceRoutes);
  },
  migrations: { '0011_assistance': migration0011 },
  jobs: [
    {
      name: 'assistance-escalation',
      intervalMs: 60_000,
      run: (ctx) => escalateOverdueRequests(ctx),
    },
  ],
};

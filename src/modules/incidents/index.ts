import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../index.ts';
import './incidents.tables.ts';
import { exchangeRoutes, stixExtensionRoutes } from './exchange/exchange.routes.ts';
import { incidentRoutes } from './incidents.routes.ts';
import * as migration0017 from './migrations/0017_incidents.ts';
import { incidentStatisticsRoutes } from './statistics/statistics.routes.ts';
import { statsIndexFor } from './statistics/stats-index.ts';

/** Incident monitoring: sourced records with harm, attributions and the UN norms at stake, and their statistics. */
export const incidents: ModuleDefinition = {
  name: 'incidents',
  routes: async (api: FastifyInstance) => {
    await api.register(incidentStatisticsRoutes);
    await api.register(exchangeRoutes);
    await api.register(incidentRoutes);
  },
  rootRoutes: async (app: FastifyInstance) => {
    await app.register(stixExtensionRoutes);
  },
  migrations: { '0017_incidents': migration0017 },
  jobs: [
    // Loads the statistics index at start and keeps it current, so readers rarely wait for a load.
    {
      name: 'incidents-statistics-refresh',
      intervalMs: 5_000,
      run: (ctx) => statsIndexFor(ctx.db).refresh(ctx.db),
    },
  ],
};

import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../index.ts';
import './disclosure.tables.ts';
import { advisoryRoutes } from './advisories/advisories.routes.ts';
import { csafProviderRoutes } from './advisories/provider.routes.ts';
import { caseRoutes } from './cases/cases.routes.ts';
import { expireEmbargoes } from './cases/embargo.service.ts';
import { runCaseReminders } from './cases/reminders.ts';
import * as migration0013 from './migrations/0013_disclosure.ts';
import * as migration0014 from './migrations/0014_disclosure_cases.ts';
import * as migration0015 from './migrations/0015_disclosure_advisories.ts';
import * as migration0016 from './migrations/0016_disclosure_equities.ts';
import { programRoutes, securityTxtRoutes } from './programs/programs.routes.ts';
import { reportRoutes } from './reports/reports.routes.ts';
import { statisticsRoutes } from './statistics/statistics.routes.ts';

/** Coordinated vulnerability disclosure: programs, researcher intake and triage, cases with embargoes, advisories in CSAF. */
export const disclosure: ModuleDefinition = {
  name: 'disclosure',
  routes: async (api: FastifyInstance) => {
    await api.register(programRoutes);
    await api.register(reportRoutes);
    await api.register(caseRoutes);
    await api.register(advisoryRoutes);
    await api.register(statisticsRoutes);
  },
  rootRoutes: async (app: FastifyInstance) => {
    await app.register(securityTxtRoutes);
    await app.register(csafProviderRoutes);
  },
  migrations: {
    '0013_disclosure': migration0013,
    '0014_disclosure_cases': migration0014,
    '0015_disclosure_advisories': migration0015,
    '0016_disclosure_equities': migration0016,
  },
  jobs: [
    { name: 'disclosure-embargo-expiry', intervalMs: 60_000, run: (ctx) => expireEmbargoes(ctx) },
    { name: 'disclosure-case-reminders', intervalMs: 15 * 60_000, run: (ctx) => runCaseReminders(ctx) },
  ],
};

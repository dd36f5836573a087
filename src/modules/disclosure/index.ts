import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../index.ts';
import './disclosure.tables.ts';
import { caseRoutes } from './cases/cases.routes.ts';
import { expireEmbargoes } from './cases/embargo.service.ts';
import { runCaseReminders } from './cases/reminders.ts';
import * as migration0013 from './migrations/0013_disclosure.ts';
import * as migration0014 from './migrations/0014_disclosure_cases.ts';
import { programRoutes, securityTxtRoutes } from './programs/programs.routes.ts';
import { reportRoutes } from './reports/reports.routes.ts';

/** Coordinated vulnerability disclosure: programs, researcher intake and triage, cases with embargoes. */
export const disclosure: ModuleDefinition = {
  name: 'disclosure',
  routes: async (api: FastifyInstance) => {
    await api.register(programRoutes);
    await api.register(reportRoutes);
    await api.register(caseRoutes);
  },
  rootRoutes: securityTxtRoutes,
  migrations: { '0013_disclosure': migration0013, '0014_disclosure_cases': migration0014 },
  jobs: [
    { name: 'disclosure-embargo-expiry', intervalMs: 60_000, run: (ctx) => expireEmbargoes(ctx) },
    { name: 'disclosure-case-reminders', intervalMs: 15 * 60_000, run: (ctx) => runCaseReminders(ctx) },
  ],
};

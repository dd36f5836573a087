import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../index.ts';
import { accreditationRoutes } from './accreditation/accreditation.routes.ts';
import { settleDueApplications } from './accreditation/accreditation.service.ts';
import { consultationRoutes } from './consultations/consultations.routes.ts';
import { draftRoutes } from './drafts/drafts.routes.ts';
import { groupRoutes } from './groups/groups.routes.ts';
import * as migration0005 from './migrations/0005_participation.ts';
import * as migration0006 from './migrations/0006_statements.ts';
import * as migration0007 from './migrations/0007_measures.ts';
import * as migration0008 from './migrations/0008_meetings.ts';
import * as migration0009 from './migrations/0009_follows.ts';
import './participation.tables.ts';
import { followRoutes } from './follows/follows.routes.ts';
import { sendDigests } from './follows/follows.service.ts';
import { measureRoutes } from './measures/measures.routes.ts';
import { seedMeasures } from './measures/measures.service.ts';
import { meetingRoutes } from './meetings/meetings.routes.ts';
import { processRoutes } from './processes/processes.routes.ts';
import { statementRoutes } from './statements/statements.routes.ts';
import { transparencyRoutes } from './transparency/transparency.routes.ts';

/** Multistakeholder participation: processes, accreditation, groups, drafts and consultations. */
export const participation: ModuleDefinition = {
  name: 'participation',
  routes: async (api: FastifyInstance) => {
    await api.register(
      async (scope) => {
        await scope.register(processRoutes);
        await scope.register(accreditationRoutes);
        await scope.register(groupRoutes);
        await scope.register(draftRoutes);
        await scope.register(consultationRoutes);
        await scope.register(statementRoutes);
        await scope.register(transparencyRoutes);
        await scope.register(measureRoutes);
        await scope.register(meetingRoutes);
        await scope.register(followRoutes);
      },
      { prefix: '/participation' },
    );
  },
  migrations: {
    '0005_participation': migration0005,
    '0006_statements': migration0006,
    '0007_measures': migration0007,
    '0008_meetings': migration0008,
    '0009_follows': migration0009,
  },
  seed: seedMeasures,
  jobs: [
    { name: 'accreditation-deadlines', intervalMs: 60_000, run: settleDueApplications },
    { name: 'follow-digests', intervalMs: 3_600_000, run: sendDigests },
  ],
};

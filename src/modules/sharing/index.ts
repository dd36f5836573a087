import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../index.ts';
import './sharing.tables.ts';
import { collectionRoutes } from './collections/collections.routes.ts';
import { feedRoutes } from './feeds/feeds.routes.ts';
import { pollDueFeeds } from './feeds/poll.ts';
import * as migration0018 from './migrations/0018_sharing.ts';
import { deleteStatusesBefore, STATUS_RETENTION_DAYS } from './taxii/statuses.ts';
import { taxiiRoutes } from './taxii/taxii.routes.ts';

export type { InstanceCollectionSpec } from './collections/collections.repository.ts';
export { ensureInstanceCollection } from './collections/collections.repository.ts';
export * from './stix/index.ts';
export type { PutObjectsOptions, PutObjectsResult, StatusDetail } from './taxii/ingest.ts';
export { deleteObjects, putObjects } from './taxii/ingest.ts';

/** Threat sharing: a TAXII 2.1 server at /taxii2/, collections and feeds polled from other TAXII servers. */
export const sharing: ModuleDefinition = {
  name: 'sharing',
  routes: async (api: FastifyInstance) => {
    await api.register(collectionRoutes);
    await api.register(feedRoutes);
  },
  rootRoutes: async (app: FastifyInstance) => {
    await app.register(taxiiRoutes);
  },
  migrations: { '0018_sharing': migration0018 },
  jobs: [
    { name: 'sharing-feed-polls', intervalMs: 60_000, run: (ctx) => pollDueFeeds(ctx) },
    {
      name: 'sharing-status-retention',
      intervalMs: 60 * 60_000,
      run: (ctx) =>
        deleteStatusesBefore(ctx.db, new Date(Date.now() - STATUS_RETENTION_DAYS * 86_400_000).toISOString()),
    },
  ],
};

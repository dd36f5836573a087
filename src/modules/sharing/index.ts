import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../index.ts';
import './sharing.tables.ts';
import { collectionRoutes } from './collections/collections.routes.ts';
import * as migration0018 from './migrations/0018_sharing.ts';
import { taxiiRoutes } from './taxii/taxii.routes.ts';

export type { InstanceCollectionSpec } from './collections/collections.repository.ts';
export { ensureInstanceCollection } from './collections/collections.repository.ts';
export type { PutObjectsOptions, PutObjectsResult, StatusDetail } from './taxii/ingest.ts';
export { deleteObjects, putObjects } from './taxii/ingest.ts';

/** Threat sharing: a TAXII 2.1 server at /taxii2/, collections and feeds polled from other TAXII servers. */
export const sharing: ModuleDefinition = {
  name: 'sharing',
  routes: async (api: FastifyInstance) => {
    await api.register(collectionRoutes);
  },
  rootRoutes: async (app: FastifyInstance) => {
    await app.register(taxiiRoutes);
  },
  migrations: { '0018_sharing': migration0018 },
  jobs: [],
};

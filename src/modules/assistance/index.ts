import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../index.ts';
import './assistance.tables.ts';
import * as migration0011 from './migrations/0011_assistance.ts';

/** Notifications, requests for information and requests for assistance between POCs. */
export const assistance: ModuleDefinition = {
  name: 'assistance',
  routes: async (_api: FastifyInstance) => {},
  migrations: { '0011_assistance': migration0011 },
  jobs: [],
};

import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../index.ts';
import './contacts.tables.ts';
import * as migration0010 from './migrations/0010_contacts.ts';

export type { PocRole, PocService } from './codes.ts';
export { POC_ROLES, POC_SERVICES } from './codes.ts';
export type { CurrentPoc, MatchedPoc, PocFilter } from './pocs.ts';
export {
  findCurrentPocs,
  findPocHolderUserIds,
  findPocsHeldBy,
  findPocsMatching,
  hasUsableKey,
  mailLanguageOf,
} from './pocs.ts';

/** The directory of national points of contact: entries, freshness and public coverage. */
export const contacts: ModuleDefinition = {
  name: 'contacts',
  routes: async (_api: FastifyInstance) => {},
  migrations: { '0010_contacts': migration0010 },
  jobs: [],
};

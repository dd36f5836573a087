import type { FastifyInstance } from 'fastify';
import type { ModuleDefinition } from '../index.ts';
import './contacts.tables.ts';
import { directoryRoutes } from './directory/directory.routes.ts';
import { entryRoutes } from './entries/entries.routes.ts';
import { runContactFreshness } from './freshness/freshness.service.ts';
import * as migration0010 from './migrations/0010_contacts.ts';

export type { PocRole, PocService } from './codes.ts';
export { POC_ROLES, POC_SERVICES, pocRoleLabel, pocServiceLabel } from './codes.ts';
export { type CheckedKey, canonicalLanguageTags, checkOpenPgpKey } from './entries/entry-input.ts';
export { runContactFreshness } from './freshness/freshness.service.ts';
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
  routes: async (api: FastifyInstance) => {
    await api.register(entryRoutes);
    await api.register(directoryRoutes);
  },
  migrations: { '0010_contacts': migration0010 },
  jobs: [{ name: 'contact-freshness', intervalMs: 15 * 60_000, run: (ctx) => runContactFreshness(ctx) }],
};

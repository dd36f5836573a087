import type { Migration } from 'kysely/migration';
import * as core from './0001_core.ts';
import * as changeCounters from './0002_change_counters.ts';
import * as totpLastStep from './0003_totp_last_step.ts';
import * as search from './0004_search.ts';

/** Every migration, in order. Names sort; a new migration takes the next number. */
export const migrations: Record<string, Migration> = {
  '0001_core': core,
  '0002_change_counters': changeCounters,
  '0003_totp_last_step': totpLastStep,
  '0004_search': search,
};

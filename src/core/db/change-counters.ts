import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from './tables.ts';

export type CounterName = 'directory' | 'identity';

export type ChangeCounters = Record<CounterName, number>;

// Read on most requests: compile the query once per database instead of on every call.
const compiledReads = new WeakMap<Kysely<Database>, CompiledQuery<{ name: string; value: number }>>();

/**
 * A cheap token that changes whenever the database may have changed. SQLite provides one (its
 * data_version with the connection's own write count); PostgreSQL, shared by many processes, does not.
 */
const changeProbes = new WeakMap<Kysely<Database>, () => string>();
const lastRead = new WeakMap<Kysely<Database>, { token: string; counters: ChangeCounters }>();

export function registerChangeProbe(db: Kysely<Database>, probe: () => string): void {
  changeProbes.set(db, probe);
}

/**
 * Reads the change counters that database triggers bump (see migration 0002): one small query, or
 * none on SQLite while nothing has been written since the last read.
 */
export async function readChangeCounters(db: Kysely<Database>): Promise<ChangeCounters> {
  const probe = changeProbes.get(db);
  const token = probe?.();
  if (token !== undefined) {
    const last = lastRead.get(db);
    if (last?.token === token) return last.counters;
  }
  const counters = await queryChangeCounters(db);
  // The token is taken before the query: a write in between leaves the entry stale, never wrong.
  if (token !== undefined) lastRead.set(db, { token, counters });
  return counters;
}

async function queryChangeCounters(db: Kysely<Database>): Promise<ChangeCounters> {
  let compiled = compiledReads.get(db);
  if (!compiled) {
    compiled = db.selectFrom('change_counters').select(['name', 'value']).compile();
    compiledReads.set(db, compiled);
  }
  const { rows } = await db.executeQuery(compiled);
  const counters = { directory: 0, identity: 0 };
  for (const row of rows) counters[row.name as CounterName] = Number(row.value);
  return counters;
}

/**
 * A process-local read cache whose entries are valid for one value of a change counter. When the
 * counter moves, everything cached under the old value is dropped at once; a bounded size keeps
 * memory flat (the oldest entry goes first).
 */
export class VersionedCache<V> {
  readonly #capacity: number;
  #version = -1;
  #entries = new Map<string, V>();

  constructor(capacity: number) {
    this.#capacity = capacity;
  }

  get(key: string, version: number): V | undefined {
    if (version !== this.#version) return undefined;
    return this.#entries.get(key);
  }

  set(key: string, version: number, value: V): void {
    if (version !== this.#version) {
      this.#entries = new Map();
      this.#version = version;
    }
    if (this.#entries.size >= this.#capacity) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, value);
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }
}

// One read per request at most: authentication and the handler share it.
const perRequest = new WeakMap<object, Promise<ChangeCounters>>();

/** The change counters as of this request (`request` is any per-request object, e.g. a FastifyRequest). */
export function readChangeCountersOnce(db: Kysely<Database>, request: object): Promise<ChangeCounters> {
  let counters = perRequest.get(request);
  if (!counters) {
    counters = readChangeCounters(db);
    perRequest.set(request, counters);
  }
  return counters;
}

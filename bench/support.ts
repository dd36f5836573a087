import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { openDatabase } from '../src/core/db/database.ts';
import { newId, nowIso } from '../src/core/db/ids.ts';
import { API_TOKEN_PREFIX } from '../src/core/identity/authenticate.ts';
import { hashToken, newSecret } from '../src/core/identity/crypto.ts';
import { seedReference } from '../src/core/reference/seed.ts';
import { seedModules } from '../src/modules/index.ts';
import { migrateToLatest } from '../src/schema.ts';

export interface BenchServer {
  port: number;
  /** The server process, e.g. to read its peak memory from /proc. */
  pid: number;
  /** Stops the server and resolves once its process has exited. */
  stop(): Promise<void>;
}

/**
 * Starts bench/server.ts (`args` pick the mode) in its own process, so the load generator does not share
 * its event loop, with quiet logs and no rate limit unless `env` says otherwise.
 */
export function startBenchServer(args: string[], env: Record<string, string>): Promise<BenchServer> {
  const child = spawn(process.execPath, ['bench/server.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '0', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 60 s')), 60_000);
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve({
        port: Number(line),
        pid: child.pid!,
        stop: async () => {
          child.kill('SIGTERM');
          await exited;
        },
      });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

/**
 * Runs `run` against a new PostgreSQL database, named `<prefix>_<pid>`, on the server of BENCH_POSTGRES_URL
 * (default: the local server), and drops the database afterwards. Resolves with undefined, after saying
 * so, when that server is not reachable: the PostgreSQL figures are then skipped.
 */
export async function withScratchPostgres<T>(
  prefix: string,
  run: (databaseUrl: string) => Promise<T>,
): Promise<T | undefined> {
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
  } catch {
    process.stdout.write('  PostgreSQL not reachable: its figures are skipped.\n');
    return undefined;
  }
  const name = `${prefix}_${process.pid}`;
  try {
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await run(url.toString());
  } finally {
    // A closed pool's connections linger until the server has read their Terminate; forcing the drop
    // before then reaches a client still listening for errors, which would crash this process.
    for (let wait = 0; wait < 100; wait++) {
      const open = await admin.query('select count(*)::int as n from pg_stat_activity where datname = $1', [
        name,
      ]);
      if (open.rows[0].n === 0) break;
      await new Promise((resolveLater) => setTimeout(resolveLater, 50));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

export interface Seeded {
  token: string;
  orgId: string;
  userId: string;
}

/** A migrated database with one verified CERT, its admin and an API token of theirs for the organization. */
export async function seedBenchBase(url: string): Promise<Seeded> {
  const handle = openDatabase(url);
  try {
    await migrateToLatest(handle);
    await seedReference(handle.db);
    await seedModules(handle.db, handle.dialect);
    const db = handle.db;
    const now = nowIso();
    const orgId = newId('org');
    await db
      .insertInto('organizations')
      .values({
        id: orgId,
        name: 'National CERT',
        kind: 'cert',
        country_code: 'KE',
        website: null,
        description: null,
        verification_status: 'verified',
        verification_note: null,
        verified_at: now,
        verified_by: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const userId = newId('usr');
    await db
      .insertInto('users')
      .values({
        id: userId,
        email: 'coordinator@cert.bench.invalid',
        display_name: 'Coordinator',
        password_hash: null,
        totp_secret: null,
        totp_pending_secret: null,
        totp_enabled_at: null,
        is_platform_admin: 0,
        locale: 'en',
        created_at: now,
        updated_at: now,
        disabled_at: null,
      })
      .execute();
    await db
      .insertInto('memberships')
      .values({ org_id: orgId, user_id: userId, role: 'org_admin', created_at: now })
      .execute();
    const token = `${API_TOKEN_PREFIX}${newSecret(32)}`;
    await db
      .insertInto('api_tokens')
      .values({
        id: newId('tok'),
        user_id: userId,
        org_id: orgId,
        name: 'benchmark',
        token_hash: hashToken(token),
        token_prefix: token.slice(0, 10),
        created_at: now,
        expires_at: new Date(Date.now() + 86_400_000).toISOString(),
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    return { token, orgId, userId };
  } finally {
    await handle.close();
  }
}

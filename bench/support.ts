import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import pg from 'pg';

export interface BenchServer {
  port: number;
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

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { openDatabase } from '../src/core/db/database.ts';
import { newId, nowIso } from '../src/core/db/ids.ts';
import { hashPassword } from '../src/core/identity/passwords.ts';
import { ORG_KINDS } from '../src/core/orgs/kinds.ts';
import { seedReference } from '../src/core/reference/seed.ts';
import { migrateToLatest } from '../src/schema.ts';

const ORGANIZATIONS = 10_000;
const PASSWORD = 'benchmark passphrase long enough';

interface Server {
  port: number;
  stop(): void;
}

function startServer(args: string[], env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, ['bench/server.ts', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server did not start in 30 s')), 30_000);
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve({ port: Number(line), stop: () => child.kill('SIGTERM') });
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

async function requestsPerSecond(
  url: string,
  headers: Record<string, string>,
  seconds: number,
): Promise<number> {
  const result = await autocannon({ url, headers, connections: 20, duration: seconds, pipelining: 1 });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  }
  return result.requests.average;
}

/** Seeds a SQLite database with the reference data and 10,000 organizations, one of which the reader belongs to. */
export async function seedDatabase(path: string): Promise<{ email: string }> {
  const handle = openDatabase(`sqlite:${path}`);
  await migrateToLatest(handle);
  await seedReference(handle.db);
  const now = nowIso();
  const userId = newId('usr');
  const email = 'reader@bench.invalid';
  await handle.db
    .insertInto('users')
    .values({
      id: userId,
      email,
      display_name: 'Benchmark reader',
      password_hash: await hashPassword(PASSWORD),
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
  const countries = await handle.db.selectFrom('countries').select('code').execute();
  for (let start = 0; start < ORGANIZATIONS; start += 500) {
    await handle.db.transaction().execute(async (trx) => {
      const rows = Array.from({ length: Math.min(500, ORGANIZATIONS - start) }, (_, i) => {
        const n = start + i;
        return {
          id: newId('org'),
          name: `Benchmark organization ${String(n).padStart(5, '0')}`,
          kind: ORG_KINDS[n % ORG_KINDS.length]!,
          country_code: countries[n % countries.length]!.code,
          website: null,
          description: null,
          // Most are verified; some are not, so the visibility filter has work to do.
          verification_status: n % 10 === 0 ? 'unverified' : 'verified',
          verification_note: null,
          verified_at: null,
          verified_by: null,
          created_by: null,
          created_at: now,
          updated_at: now,
        };
      });
      await trx.insertInto('organizations').values(rows).execute();
      if (start === 0) {
        await trx
          .insertInto('memberships')
          .values({ org_id: rows[0]!.id, user_id: userId, role: 'member', created_at: now })
          .execute();
      }
    });
  }
  await handle.close();
  return { email };
}

export interface ThroughputFigures {
  reference: { app: number[]; bare: number[]; ratios: number[]; medianRatio: number };
  organizations: { app: number[]; bare: number[]; ratios: number[]; medianRatio: number };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

export async function benchmarkThroughput(
  options: { runs?: number; seconds?: number } = {},
): Promise<ThroughputFigures> {
  const runs = options.runs ?? 3;
  const seconds = options.seconds ?? 5;
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-'));
  try {
    const dbPath = join(dir, 'bench.db');
    const { email } = await seedDatabase(dbPath);
    const app = await startServer(['app'], {
      DATABASE_URL: `sqlite:${dbPath}`,
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      RATE_LIMIT_PER_MINUTE: '0',
      DELIVERY_WORKER: 'false',
      SECRET_KEY: 'benchmark-secret-key-0123456789abcdef',
    });
    try {
      const base = `http://127.0.0.1:${app.port}`;
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: PASSWORD }),
      });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const referenceBody = Buffer.from(
        await (await fetch(`${base}/api/v1/reference/countries`)).arrayBuffer(),
      );
      const orgsResponse = await fetch(`${base}/api/v1/organizations`, { headers: { cookie } });
      const orgsBody = Buffer.from(await orgsResponse.arrayBuffer());
      const orgCount = (JSON.parse(orgsBody.toString()) as { items: unknown[] }).items.length;
      if (orgCount !== 50) throw new Error(`expected a page of 50 organizations, got ${orgCount}`);
      writeFileSync(join(dir, 'reference.json'), referenceBody);
      writeFileSync(join(dir, 'organizations.json'), orgsBody);
      const bareReference = await startServer(['bare', join(dir, 'reference.json')], {});
      const bareOrganizations = await startServer(['bare', join(dir, 'organizations.json')], {});
      try {
        const figures: ThroughputFigures = {
          reference: { app: [], bare: [], ratios: [], medianRatio: 0 },
          organizations: { app: [], bare: [], ratios: [], medianRatio: 0 },
        };
        // Warm-up, so the first measured run does not pay for JIT compilation.
        await requestsPerSecond(`${base}/api/v1/reference/countries`, {}, 2);
        await requestsPerSecond(`${base}/api/v1/organizations`, { cookie }, 2);
        for (let run = 0; run < runs; run++) {
          // Baseline and subject alternate within each run, so drift on a shared machine hits both.
          const refBare = await requestsPerSecond(`http://127.0.0.1:${bareReference.port}/`, {}, seconds);
          const refApp = await requestsPerSecond(`${base}/api/v1/reference/countries`, {}, seconds);
          const orgBare = await requestsPerSecond(`http://127.0.0.1:${bareOrganizations.port}/`, {}, seconds);
          const orgApp = await requestsPerSecond(`${base}/api/v1/organizations`, { cookie }, seconds);
          figures.reference.bare.push(refBare);
          figures.reference.app.push(refApp);
          figures.reference.ratios.push(refApp / refBare);
          figures.organizations.bare.push(orgBare);
          figures.organizations.app.push(orgApp);
          figures.organizations.ratios.push(orgApp / orgBare);
        }
        figures.reference.medianRatio = median(figures.reference.ratios);
        figures.organizations.medianRatio = median(figures.organizations.ratios);
        return figures;
      } finally {
        bareReference.stop();
        bareOrganizations.stop();
      }
    } finally {
      app.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

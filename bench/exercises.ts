import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'otplib';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { type DatabaseHandle, openDatabase } from '../src/core/db/database.ts';
import { newId, nowIso } from '../src/core/db/ids.ts';
import { inTransaction } from '../src/core/db/transaction.ts';
import { enqueueEmail } from '../src/core/delivery/outbox.ts';
import { createDeliveryWorker } from '../src/core/delivery/worker.ts';
import { hashPassword } from '../src/core/identity/passwords.ts';
import { seedReference } from '../src/core/reference/seed.ts';
import { seedModules } from '../src/modules/index.ts';
import { migrateToLatest } from '../src/schema.ts';
import { startReceiver } from './delivery.ts';
import { withScratchPostgres } from './support.ts';

/**
 * A communication check to 1,000 POCs, on SQLite and on PostgreSQL: the time from the POST until the SMTP
 * server on loopback has received all 1,000 messages. Target: 10 s. The app runs as `serve` runs it, with
 * the delivery worker in the same process; the SMTP server runs in its own process (bench/delivery.ts's
 * receiver). Each run is a fresh check to every POC.
 *
 * The baseline, measured in the same runs against the same app, database and SMTP server: 1,000 plain
 * messages queued with enqueueEmail in one transaction, timed from the start of that transaction to the
 * last receipt. The ratio shows what the check adds (matching POCs, target rows, tokens, mail text,
 * the HTTP request) over moving the same number of messages.
 *   node bench/exercises.ts
 */

const POCS = 1000;
const ROLES = ['diplomatic', 'policy', 'technical'] as const;
// The six UN languages and a few others, which fall back to English.
const LANGUAGES = [
  ['en'],
  ['fr'],
  ['es-CL'],
  ['ar'],
  ['ru'],
  ['zh-Hans'],
  ['pt', 'en'],
  ['sw', 'fr'],
  ['de'],
];
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
const PASSWORD = 'benchmark password long enough';
const RUNS = 3;

const wallClock = () => performance.timeOrigin + performance.now();

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** A platform admin, and 1,000 POCs of verified organizations spread over every country and so every region. */
async function seed(handle: DatabaseHandle): Promise<{ adminEmail: string; regions: number }> {
  const db = handle.db;
  await migrateToLatest(handle);
  await seedReference(db);
  await seedModules(db, handle.dialect);
  const now = nowIso();
  const adminEmail = 'secretariat@bench.invalid';
  const user = (id: string, email: string, isAdmin: boolean, passwordHash: string | null) => ({
    id,
    email,
    display_name: isAdmin ? 'Benchmark secretariat' : `Holder ${id.slice(-6)}`,
    password_hash: passwordHash,
    totp_secret: isAdmin ? TOTP_SECRET : null,
    totp_pending_secret: null,
    totp_enabled_at: isAdmin ? now : null,
    is_platform_admin: isAdmin ? 1 : 0,
    locale: 'en',
    created_at: now,
    updated_at: now,
    disabled_at: null,
  });
  await db
    .insertInto('users')
    .values(user(newId('usr'), adminEmail, true, await hashPassword(PASSWORD)))
    .execute();
  const countries = await db.selectFrom('countries').select(['code', 'region_code']).execute();
  const orgCount = Math.ceil(POCS / ROLES.length);
  const orgs = Array.from({ length: orgCount }, (_, i) => ({
    id: newId('org'),
    name: `Benchmark CERT ${i}`,
    kind: i % 4 === 0 ? 'state' : 'cert',
    country_code: countries[i % countries.length]!.code,
    website: null,
    description: null,
    verification_status: 'verified',
    verification_note: null,
    verified_at: now,
    verified_by: null,
    created_by: null,
    created_at: now,
    updated_at: now,
  }));
  const holders = Array.from({ length: POCS }, (_, i) =>
    user(newId('usr'), `holder${i}@bench.invalid`, false, null),
  );
  const entries = holders.map((holder, i) => ({
    id: newId('poc'),
    org_id: orgs[Math.floor(i / ROLES.length)]!.id,
    user_id: holder.id,
    role: ROLES[i % ROLES.length]!,
    name: `Duty desk ${i}`,
    email: `poc${i}@bench.invalid`,
    phone: null,
    hotline: null,
    messenger: null,
    languages: JSON.stringify(LANGUAGES[i % LANGUAGES.length]),
    time_zone: 'UTC',
    working_hours: null,
    openpgp_key: null,
    openpgp_fingerprint: null,
    openpgp_expires_at: null,
    services: JSON.stringify(['incident_coordination']),
    nominated_by: holder.id,
    confirmed_at: now,
    valid_until: new Date(Date.now() + 180 * 86_400_000).toISOString(),
    reminder_sent_at: null,
    expiry_escalated_at: null,
    created_at: now,
    updated_at: now,
    removed_at: null,
  }));
  for (let start = 0; start < POCS; start += 200) {
    await db
      .insertInto('users')
      .values(holders.slice(start, start + 200))
      .execute();
  }
  for (let start = 0; start < orgs.length; start += 200) {
    await db
      .insertInto('organizations')
      .values(orgs.slice(start, start + 200))
      .execute();
  }
  // Each holder is a member of the organization whose entry they hold, as the directory requires.
  const memberships = entries.map((entry) => ({
    org_id: entry.org_id,
    user_id: entry.user_id,
    role: 'member',
    created_at: now,
  }));
  for (let start = 0; start < POCS; start += 200) {
    await db
      .insertInto('memberships')
      .values(memberships.slice(start, start + 200))
      .execute();
  }
  for (let start = 0; start < POCS; start += 200) {
    await db
      .insertInto('poc_entries')
      .values(entries.slice(start, start + 200))
      .execute();
  }
  const regions = new Set(
    orgs.flatMap((org) => countries.find((c) => c.code === org.country_code)?.region_code ?? []),
  );
  return { adminEmail, regions: regions.size };
}

interface RunFigures {
  /** POST to the last message received by the SMTP server. */
  totalMs: number;
  /** The POST's own response time: matching, 1,000 targets and outbox rows, one commit. */
  postMs: number;
}

interface DialectFigures {
  dialect: string;
  regions: number;
  runs: RunFigures[];
  baseline: RunFigures[];
  medianMs: number;
  medianPostMs: number;
  baselineMedianMs: number;
  baselineMedianCommitMs: number;
}

async function measure(dialect: string, databaseUrl: string, workDir: string): Promise<DialectFigures> {
  const seedHandle = openDatabase(databaseUrl);
  let seeded: Awaited<ReturnType<typeof seed>>;
  try {
    seeded = await seed(seedHandle);
  } finally {
    await seedHandle.close();
  }
  const { adminEmail, regions } = seeded;

  const receiver = await startReceiver();
  /** The receipt time of the last message, once `count` messages in all have arrived. */
  const lastReceiptAt = async (count: number) =>
    Math.max(...(await receiver.receiptsOf(count, 120_000)).values());
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
    DATABASE_URL: databaseUrl,
    DATA_DIR: workDir,
    SMTP_URL: receiver.url,
    PUBLIC_URL: 'http://127.0.0.1:8080',
    SECRET_KEY: 'benchmark-secret-key-that-is-long-enough-0123456789',
  });
  const database = openDatabase(databaseUrl);
  let worker: ReturnType<typeof createDeliveryWorker> | undefined;
  const app = await buildApp({ config, database, delivery: { wake: () => worker?.wake() } });
  worker = createDeliveryWorker(app.ctx);
  worker.start();
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1`;

  let received = 0;
  try {
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: adminEmail,
        password: PASSWORD,
        totpCode: await generate({ secret: TOTP_SECRET }),
      }),
    });
    if (login.status !== 200) throw new Error(`sign-in: ${login.status} ${await login.text()}`);
    const cookie = /cg_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    if (!cookie) throw new Error('no session cookie');

    const check = async (): Promise<RunFigures> => {
      const started = wallClock();
      const response = await fetch(`${base}/communication-checks`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
        body: JSON.stringify({ note: 'Benchmark ping test.' }),
      });
      const body = await response.text();
      const answered = wallClock();
      if (response.status !== 201) throw new Error(`check: ${response.status} ${body.slice(0, 300)}`);
      const targets = (JSON.parse(body) as { targetCount: number }).targetCount;
      if (targets !== POCS) throw new Error(`the check reached ${targets} POCs, not ${POCS}`);
      received += POCS;
      const last = await lastReceiptAt(received);
      return { totalMs: last - started, postMs: answered - started };
    };
    const plain = async (): Promise<RunFigures> => {
      const started = wallClock();
      await inTransaction(app.ctx, async (trx) => {
        for (let i = 0; i < POCS; i++) {
          await enqueueEmail(
            trx,
            {
              to: `poc${i}@bench.invalid`,
              subject: 'Common Ground: communication check, please acknowledge',
              text: `Dear Duty desk ${i},\n\nA message of about the same size as a check's.\n\nhttp://127.0.0.1:8080/checks/acknowledge#token=${'x'.repeat(43)}\n`,
            },
            { topic: 'bench' },
          );
        }
      });
      const committed = wallClock();
      received += POCS;
      const last = await lastReceiptAt(received);
      return { totalMs: last - started, postMs: committed - started };
    };
    // Between runs and before stopping: every message marked delivered, so no run starts with the
    // previous one's bookkeeping in flight and nothing is mid-query when the worker stops.
    const settle = async () => {
      for (;;) {
        const pending = await app.ctx.db
          .selectFrom('outbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('status', '!=', 'delivered')
          .executeTakeFirstOrThrow();
        if (Number(pending.n) === 0) return;
        await new Promise((resolveLater) => setTimeout(resolveLater, 50));
      }
    };

    // Unreported warm-up of both paths, so the first measured run does not also pay for compilation.
    await check();
    await settle();
    await plain();
    await settle();
    const runs: RunFigures[] = [];
    const baseline: RunFigures[] = [];
    for (let run = 0; run < RUNS; run++) {
      // Alternating which goes first spreads any drift of the machine's load over both.
      if (run % 2 === 0) {
        runs.push(await check());
        await settle();
        baseline.push(await plain());
      } else {
        baseline.push(await plain());
        await settle();
        runs.push(await check());
      }
      await settle();
    }
    return {
      dialect,
      regions,
      runs,
      baseline,
      medianMs: median(runs.map((r) => r.totalMs)),
      medianPostMs: median(runs.map((r) => r.postMs)),
      baselineMedianMs: median(baseline.map((r) => r.totalMs)),
      baselineMedianCommitMs: median(baseline.map((r) => r.postMs)),
    };
  } finally {
    // Every step runs even if one fails: a pool left open would crash the process when its database is dropped.
    for (const [step, close] of [
      ['app', () => app.close()],
      ['worker', () => worker.stop()],
      ['database', () => database.close()],
    ] as const) {
      await Promise.resolve(close()).catch((error: unknown) => {
        process.stderr.write(`closing the ${step} failed: ${String(error)}\n`);
      });
    }
    receiver.stop();
  }
}

export async function benchmarkExercises(): Promise<DialectFigures[]> {
  const results: DialectFigures[] = [];
  const workDir = mkdtempSync(join(tmpdir(), 'cg-bench-exercises-'));
  try {
    results.push(await measure('sqlite', `sqlite:${join(workDir, 'exercises.db')}`, workDir));
    const postgres = await withScratchPostgres('cg_bench_exercises', (url) =>
      measure('postgres', url, workDir),
    );
    if (postgres) results.push(postgres);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  return results;
}

export function printExercisesFigures(results: DialectFigures[]): void {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const ms = (n: number) => `${n.toFixed(0)} ms`;
  process.stdout.write(
    `\nCommunication check to ${POCS.toLocaleString('en')} POCs: POST to the last message received by SMTP on loopback\n`,
  );
  for (const r of results) {
    r.runs.forEach((run, i) => {
      const plain = r.baseline[i]!;
      process.stdout.write(
        `  [${r.dialect}] run ${i + 1}: check ${s(run.totalMs)} (POST answered in ${ms(run.postMs)})  baseline ${s(plain.totalMs)} (commit ${ms(plain.postMs)})\n`,
      );
    });
    const verdict = r.medianMs <= 10_000 ? 'meets' : 'MISSES';
    process.stdout.write(
      `  [${r.dialect}] median: check ${s(r.medianMs)} (target <= 10 s: ${verdict}), POST ${ms(r.medianPostMs)}; baseline (1,000 enqueueEmail in one transaction) ${s(r.baselineMedianMs)}, commit ${ms(r.baselineMedianCommitMs)}; ratio ${(r.medianMs / r.baselineMedianMs).toFixed(2)}; POCs in ${r.regions} regions\n`,
    );
  }
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  printExercisesFigures(await benchmarkExercises());
  process.exit(0);
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/core/db/database.ts';
import { newId, nowIso } from '../src/core/db/ids.ts';
import { seedBenchBase, startBenchServer, withScratchPostgres } from './support.ts';

/**
 * Vulnerability disclosure, against the app as `serve` runs it (its own process, delivery worker and jobs on):
 *  1. sustained intake: anonymous reports at rising open-loop rates (25, 50, 100, … 3,200 per second, 10 s each)
 *     until the p99 of the answer passes 500 ms; baseline in the same run: the same rates of a small validated
 *     POST of the same app (CVSS scoring), so the machine's own limit shows;
 *  2. a case page with 500 vendors (1,000 products, 300 messages, an active embargo) as its coordinator:
 *     p50 and p99 of 50 requests after 10 warm-up ones; baseline: GET /api/v1/reference/countries;
 *  3. CSAF export plus validation of an advisory with 1,000 products (20 vendors × 50): the coordinators'
 *     validation endpoint, which loads the case, builds the document and runs the schema and every test;
 *     median of 20 after 5 warm-up runs.
 *   node bench/disclosure.ts [--database sqlite|postgres] [--seconds 10]
 */

const percentile = (sorted: number[], fraction: number) =>
  sorted[Math.max(1, Math.ceil(fraction * sorted.length)) - 1]!;
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const wallClock = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RateStep {
  rate: number;
  submittedPerSecond: number;
  p50: number;
  p99: number;
  failures: number;
}

export interface DisclosureBenchmark {
  database: string;
  intake: RateStep[];
  intakeBaseline: RateStep[];
  /** Highest rate whose p99 stayed within 500 ms. */
  sustainedIntake: number;
  casePage: { vendors: number; bytes: number; p50: number; p99: number; baselineP50: number };
  csaf: { products: number; medianMs: number; runs: number[]; isValid: boolean };
}

const VERSIONS = ['1.0', '1.1', '2.0', '2.1'];
const STATUSES = ['affected', 'not_affected', 'fixed', 'under_investigation', 'no_response'] as const;

/** Vendors with products straight into the tables (as invitations would write them), in one transaction. */
async function seedVendors(
  url: string,
  caseId: string,
  vendors: number,
  productsPerVendor: number,
  messages: number,
) {
  const handle = openDatabase(url);
  try {
    const now = nowIso();
    await handle.db.transaction().execute(async (trx) => {
      const participants = [];
      const products = [];
      for (let v = 0; v < vendors; v++) {
        const id = newId('cp');
        participants.push({
          id,
          case_id: caseId,
          role: 'vendor',
          org_id: null,
          user_id: null,
          name: `Vendor ${String(v).padStart(3, '0')}`,
          email: `psirt${v}@vendor.bench.invalid`,
          invited_at: now,
          joined_at: v % 3 === 0 ? null : now,
          responded_at: v % 5 === 4 ? null : now,
          reminder_level: 0,
          next_reminder_at: null,
          removed_at: null,
          created_at: now,
        });
        for (let p = 0; p < productsPerVendor; p++) {
          const status = STATUSES[(v + p) % STATUSES.length]!;
          products.push({
            id: newId('cpr'),
            case_id: caseId,
            participant_id: id,
            product: `Product ${Math.floor(p / VERSIONS.length)}`,
            version: VERSIONS[p % VERSIONS.length]!,
            status,
            justification: status === 'not_affected' ? 'vulnerable_code_not_present' : null,
            impact_statement: null,
            remediation: status === 'fixed' ? 'Update to the latest release.' : null,
            updated_by_participant_id: status === 'no_response' ? null : id,
            created_at: now,
            updated_at: now,
          });
        }
      }
      for (let i = 0; i < participants.length; i += 200) {
        await trx
          .insertInto('disclosure_case_participants')
          .values(participants.slice(i, i + 200))
          .execute();
      }
      for (let i = 0; i < products.length; i += 200) {
        await trx
          .insertInto('disclosure_case_products')
          .values(products.slice(i, i + 200))
          .execute();
      }
      const author = participants[0]!.id;
      const rows = Array.from({ length: messages }, (_, n) => ({
        id: newId('cmsg'),
        case_id: caseId,
        channel_participant_id: n % 3 === 0 ? author : null,
        author_participant_id: author,
        author_user_id: null,
        body: `Status update ${n}: the fix is being tested on the remaining product lines.`,
        created_at: now,
      }));
      for (let i = 0; i < rows.length; i += 200)
        await trx
          .insertInto('disclosure_case_messages')
          .values(rows.slice(i, i + 200))
          .execute();
    });
  } finally {
    await handle.close();
  }
}

async function api(base: string, token: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text.slice(0, 300)}`);
  return { json: JSON.parse(text), bytes: text.length };
}

const reportBody = (programId: string, n: number) => ({
  programId,
  content: {
    title: `Stored XSS in the admin console, report ${n}`,
    product: 'Example Router',
    version: '2.4',
    description: 'A crafted device name is rendered without escaping in the admin console.',
    reproduction: '1. Rename the device to <img src=x onerror=alert(1)>\n2. Open the console.',
    impact: 'Session theft of administrators.',
    priorVendorContact: 'None.',
    exploitation: 'no',
    publicity: 'no',
    disclosurePlans: 'Publish after a fix.',
  },
  credit: 'anonymous',
});

async function rampAt(
  url: string,
  rate: number,
  seconds: number,
  body: (n: number) => unknown,
): Promise<RateStep> {
  const latencies: number[] = [];
  let failures = 0;
  const total = Math.round(rate * seconds);
  const started = wallClock();
  const inFlight: Promise<void>[] = [];
  for (let n = 0; n < total; n++) {
    const wait = started + (n * 1000) / rate - wallClock();
    if (wait > 0) await sleep(wait);
    const at = wallClock();
    inFlight.push(
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body(n)),
      })
        .then(async (response) => {
          await response.arrayBuffer();
          if (response.status >= 300) failures += 1;
          latencies.push(wallClock() - at);
        })
        .catch(() => {
          failures += 1;
        }),
    );
  }
  const submittedPerSecond = (total * 1000) / (wallClock() - started);
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  return {
    rate,
    submittedPerSecond,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    failures,
  };
}

async function ramp(url: string, seconds: number, body: (n: number) => unknown): Promise<RateStep[]> {
  const steps: RateStep[] = [];
  await rampAt(url, 10, 2, body);
  for (const rate of [25, 50, 100, 200, 400, 800, 1200, 1600, 2400, 3200]) {
    const step = await rampAt(url, rate, seconds, body);
    steps.push(step);
    if (step.p99 > 500 || step.failures > 0 || step.submittedPerSecond < rate * 0.9) break;
  }
  return steps;
}

async function timedGets(
  url: string,
  token: string,
  warmup: number,
  runs: number,
): Promise<{ times: number[]; bytes: number }> {
  let bytes = 0;
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const at = wallClock();
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    const text = await response.text();
    if (!response.ok) throw new Error(`GET ${url}: ${response.status} ${text.slice(0, 200)}`);
    if (i >= warmup) times.push(wallClock() - at);
    bytes = text.length;
  }
  return { times: times.sort((a, b) => a - b), bytes };
}

async function measureAt(
  databaseUrl: string,
  seconds: number,
  directory: string,
): Promise<Omit<DisclosureBenchmark, 'database'>> {
  const url = databaseUrl === 'sqlite' ? `sqlite:${join(directory, 'bench.db')}` : databaseUrl;
  const seeded = await seedBenchBase(url);
  const app = await startBenchServer(['full'], {
    DATABASE_URL: url,
    DATA_DIR: directory,
    PUBLIC_URL: 'https://bench.example.test',
    SECRET_KEY: 'benchmark-secret-key-0123456789abcdef',
    DISCLOSURE_REPORTS_PER_HOUR: '100000000',
  });
  const base = `http://127.0.0.1:${app.port}`;
  try {
    const program = (
      await api(base, seeded.token, 'POST', '/api/v1/disclosure-programs', {
        orgId: seeded.orgId,
        name: 'National CERT coordinated vulnerability disclosure',
        scopeIn: ['Government networks and systems'],
        scopeOut: [],
        safeHarbor: 'full',
        disclosurePolicy: 'coordinated',
        disclosureDays: 90,
        acknowledgeDays: 3,
        triageDays: 10,
        resolveDays: 90,
        languages: ['en', 'fr'],
        acceptsAnonymous: true,
        offersCredit: true,
        openpgpKey: null,
        publish: true,
      })
    ).json;

    // 1. Intake, then its baseline.
    const intake = await ramp(`${base}/api/v1/vulnerability-reports`, seconds, (n) =>
      reportBody(program.id, n),
    );
    const intakeBaseline = await ramp(`${base}/api/v1/disclosure/cvss-scores`, seconds, () => ({
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
    }));

    // 2. The case page with 500 vendors.
    const openCase = async (title: string) => {
      const report = (
        await api(base, seeded.token, 'POST', '/api/v1/vulnerability-reports', reportBody(program.id, 0))
      ).json;
      return (
        await api(base, seeded.token, 'POST', `/api/v1/vulnerability-reports/${report.id}/case`, {
          title,
          summary: title,
        })
      ).json;
    };
    const big = await openCase('Multi-vendor case');
    await seedVendors(url, big.id, 500, 2, 300);
    await api(base, seeded.token, 'POST', `/api/v1/disclosure-cases/${big.id}/embargo`, {
      endsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      reason: 'Fixes first.',
    });
    await api(base, seeded.token, 'POST', `/api/v1/disclosure-cases/${big.id}/embargo/transitions`, {
      action: 'activate',
    });
    const page = await timedGets(`${base}/api/v1/disclosure-cases/${big.id}`, seeded.token, 10, 50);
    const baseline = await timedGets(`${base}/api/v1/reference/countries`, seeded.token, 10, 50);

    // 3. CSAF export and validation with 1,000 products.
    const advisoryCase = await openCase('CSAF case');
    await seedVendors(url, advisoryCase.id, 20, 50, 0);
    const advisory = (
      await api(base, seeded.token, 'POST', `/api/v1/disclosure-cases/${advisoryCase.id}/advisory`, {
        title: 'Stored XSS in many router consoles',
        summary: 'A crafted device name is rendered without escaping.',
        details: '',
        remediation: 'Update.',
        references: [],
      })
    ).json;
    const runs: number[] = [];
    let isValid = false;
    for (let i = 0; i < 25; i++) {
      const at = wallClock();
      const result = (await api(base, seeded.token, 'GET', `/api/v1/advisories/${advisory.id}/validation`))
        .json;
      if (i >= 5) runs.push(wallClock() - at);
      isValid = result.isValid;
    }
    const sustained = [...intake].filter((step) => step.p99 <= 500 && step.failures === 0).pop();
    return {
      intake,
      intakeBaseline,
      sustainedIntake: sustained?.rate ?? 0,
      casePage: {
        vendors: 500,
        bytes: page.bytes,
        p50: percentile(page.times, 0.5),
        p99: percentile(page.times, 0.99),
        baselineP50: percentile(baseline.times, 0.5),
      },
      csaf: { products: 1000, medianMs: median(runs), runs, isValid },
    };
  } finally {
    await app.stop();
  }
}

export async function benchmarkDisclosure(
  options: { database?: 'sqlite' | 'postgres'; seconds?: number } = {},
) {
  const database = options.database ?? 'sqlite';
  const seconds = options.seconds ?? 10;
  const directory = await mkdtemp(join(tmpdir(), 'cg-bench-disclosure-'));
  try {
    const figures =
      database === 'postgres'
        ? await withScratchPostgres('cg_bench_disclosure', (url) => measureAt(url, seconds, directory))
        : await measureAt('sqlite', seconds, directory);
    if (!figures) throw new Error('PostgreSQL is not reachable');
    return { database, ...figures } satisfies DisclosureBenchmark;
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

export function printDisclosureFigures(result: DisclosureBenchmark): void {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`\nVulnerability disclosure (${result.database})`);
  out('  Intake, anonymous reports at open-loop rates (10 s each): rate, sent/s, p50, p99');
  for (const step of result.intake) {
    out(
      `    ${String(step.rate).padStart(4)}/s  ${step.submittedPerSecond.toFixed(0).padStart(4)}/s  ${ms(step.p50)}  ${ms(step.p99)}${step.failures ? `  ${step.failures} failed` : ''}`,
    );
  }
  out('  Baseline, POST /api/v1/disclosure/cvss-scores at the same rates:');
  for (const step of result.intakeBaseline) {
    out(
      `    ${String(step.rate).padStart(4)}/s  ${step.submittedPerSecond.toFixed(0).padStart(4)}/s  ${ms(step.p50)}  ${ms(step.p99)}`,
    );
  }
  out(`  Sustained intake with p99 <= 500 ms: ${result.sustainedIntake} reports/s`);
  const c = result.casePage;
  const verdict = c.p50 <= 300 ? 'meets' : 'MISSES';
  out(
    `  Case page, ${c.vendors} vendors (${(c.bytes / 1024).toFixed(0)} KiB): p50 ${ms(c.p50)}, p99 ${ms(c.p99)} (baseline GET countries p50 ${ms(c.baselineP50)}; target p50 <= 300 ms: ${verdict})`,
  );
  const v = result.csaf;
  out(
    `  CSAF export + validation, ${v.products} products: median ${ms(v.medianMs)} of ${v.runs.length} (valid: ${v.isValid}; target <= 100 ms: ${v.medianMs <= 100 ? 'meets' : 'MISSES'})`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const index = args.indexOf(`--${name}`);
    return index >= 0 ? args[index + 1] : undefined;
  };
  const database = (option('database') ?? 'sqlite') as 'sqlite' | 'postgres';
  printDisclosureFigures(await benchmarkDisclosure({ database, seconds: Number(option('seconds') ?? 10) }));
  process.exit(0);
}

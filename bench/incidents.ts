import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { INCIDENT_TYPES, NORM_CODES } from '../src/modules/incidents/catalog.ts';
import { validateStixObject } from '../src/modules/sharing/index.ts';
import { seedBenchBase, startBenchServer } from './support.ts';

/**
 * Incidents and threat sharing at scale, on SQLite as `serve` runs it (its own process):
 *  1. the statistics endpoint over 1,000,000 synthetic incidents (95 % published, mixed TLP and visibility):
 *     the first request (which loads the index), then p50 and p99 of 30 requests each for an anonymous reader
 *     with no filter and for a member's API token with filters and a series breakdown;
 *  2. the incident list's first page (with its facet counts) over the same records;
 *  3. STIX ingest over TAXII: envelopes of 10,000 indicators POSTed until a collection holds 1,000,000 objects
 *     (objects/s per envelope: the first ten, into a small collection, and the last ten, into a full one);
 *     baseline: validating the same objects in this process, without HTTP or storage;
 *  4. a TAXII objects page of 1,000 from that collection: 40 pages followed by `next` from the start, and
 *     pages from the middle with `added_after` and `match[type]`;
 *  5. the peak resident memory of the server process (VmHWM) across the runs.
 * Baseline in the same run: GET /api/v1/reference/countries.
 *   node bench/incidents.ts [--incidents 1000000] [--objects 1000000]
 */

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const percentile = (sorted: number[], fraction: number) =>
  sorted[Math.max(1, Math.ceil(fraction * sorted.length)) - 1]!;

function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

const COUNTRIES = [
  'FR',
  'UA',
  'KE',
  'CL',
  'EG',
  'US',
  'DE',
  'JP',
  'BR',
  'IN',
  'NG',
  'AU',
  'GB',
  'CN',
  'RU',
  'ZA',
];
const SECTORS = [
  'health',
  'energy',
  'public_administration',
  'banking',
  'telecommunications',
  'elections',
  'research',
];
const ACTORS = 2_000;

/** Synthetic incidents straight into the tables, as the service would write them, in one transaction. */
export function seedSyntheticIncidents(file: string, orgId: string, count: number): void {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const next = generator(7);
  const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)]!;
  const now = new Date().toISOString();
  const insertActor = db.prepare(
    'INSERT INTO incident_actors (id, name, name_key, kind, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insertIncident =
    db.prepare(`INSERT INTO incidents (id, org_id, title, description, started_on, ended_on, status,
    types, countries, sectors, victims, impacts, harm, responses, norms, law_questions, sources, intensity, tlp, visibility,
    participant_org_ids, participant_user_ids, editorial_state, version, submitted_by, submitted_at, published_at,
    first_attributed_on, actor_ids, created_by, created_at, updated_at, change_seq, sort_key)
    VALUES (?, ?, ?, '', ?, NULL, 'ended', ?, ?, ?, '[]', ?, ?, '[]', ?, '[]', '[]', ?, ?, ?, '[]', '[]', ?, 1, NULL, NULL, ?, ?, ?, NULL, ?, ?, ?, ?)`);
  const insertType = db.prepare('INSERT INTO incident_types (incident_id, type) VALUES (?, ?)');
  const insertCountry = db.prepare('INSERT INTO incident_countries (incident_id, country) VALUES (?, ?)');
  const insertSector = db.prepare('INSERT INTO incident_sectors (incident_id, sector) VALUES (?, ?)');
  const insertNorm = db.prepare('INSERT INTO incident_norms (incident_id, code) VALUES (?, ?)');
  const insertAttribution =
    db.prepare(`INSERT INTO incident_attributions (id, incident_id, attributor_kind, attributor_name,
    attributor_country, attributed_on, basis, actor_id, actor_aliases, sponsor_country, confidence, sources, notes,
    created_by, created_at, updated_at)
    VALUES (?, ?, 'company', 'Bench Intel', NULL, ?, 'technical', ?, '[]', NULL, 'medium', '[]', NULL, NULL, ?, ?)`);
  db.transaction(() => {
    for (let n = 0; n < ACTORS; n++) {
      insertActor.run(`act_bench${n}`, `Actor ${n}`, `actor${n}`, 'intrusion_set', now);
    }
    for (let n = 0; n < count; n++) {
      const id = `inc_bench${String(n).padStart(8, '0')}`;
      const year = 2015 + Math.floor(next() * 12);
      const month = 1 + Math.floor(next() * 12);
      const startedOn = `${year}-${String(month).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
      const types = [pick(INCIDENT_TYPES)];
      if (next() < 0.3) types.push(pick(INCIDENT_TYPES));
      const uniqueTypes = [...new Set(types)];
      const countries = [...new Set(next() < 0.25 ? [pick(COUNTRIES), pick(COUNTRIES)] : [pick(COUNTRIES)])];
      const sectors = [...new Set([pick(SECTORS)])];
      const norms = next() < 0.4 ? [pick(NORM_CODES)] : [];
      const roll = next();
      const tlp = roll < 0.8 ? 'TLP:CLEAR' : roll < 0.9 ? 'TLP:GREEN' : roll < 0.98 ? 'TLP:AMBER' : 'TLP:RED';
      const visibility = next() < 0.85 ? 'public' : 'community';
      const state = next() < 0.95 ? 'published' : 'draft';
      const actor = next() < 0.3 ? `act_bench${Math.floor(next() * ACTORS)}` : null;
      const attributedOn = actor
        ? `${Math.min(2026, year + Math.floor(next() * 2))}-${String(month).padStart(2, '0')}-28`
        : null;
      const harm = {
        hospitalServicesDisrupted: next() < 0.1 ? 1 : null,
        patientsRedirected: null,
        peopleDataLeaked: next() < 0.2 ? 1000 : null,
        essentialServicesLost: null,
        notes: null,
      };
      insertIncident.run(
        id,
        orgId,
        `Synthetic incident ${n}`,
        startedOn,
        JSON.stringify(uniqueTypes),
        JSON.stringify(countries),
        JSON.stringify(sectors.map((sector) => ({ sector, subSector: null }))),
        '{"availability":{"affected":true,"durationHours":12},"confidentiality":{"affected":false,"recordsExposed":null},"integrity":{"affected":false},"physical":{"affected":false,"description":null},"economic":{"affected":false,"lossUsd":null}}',
        JSON.stringify(harm),
        JSON.stringify(norms.map((code) => ({ code, rationale: 'Synthetic.' }))),
        Math.floor(next() * 11),
        tlp,
        visibility,
        state,
        state === 'published' ? now : null,
        attributedOn,
        actor ? JSON.stringify([actor]) : '[]',
        now,
        now,
        n + 1,
        `${startedOn}|${id}`,
      );
      for (const type of uniqueTypes) insertType.run(id, type);
      for (const country of countries) insertCountry.run(id, country);
      for (const sector of sectors) insertSector.run(id, sector);
      for (const norm of norms) insertNorm.run(id, norm);
      if (actor) insertAttribution.run(`att_bench${n}`, id, attributedOn, actor, now, now);
    }
    db.prepare('UPDATE incident_sequence SET last_seq = ? WHERE id = 1').run(count);
  })();
  db.close();
}

async function timeRequests(url: string, headers: Record<string, string>, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let n = 0; n < runs; n++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

async function peakMemoryMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kib / 1024;
}

export interface Timing {
  p50: number;
  p99: number;
}
export interface IncidentsBenchmark {
  incidents: number;
  seedSeconds: number;
  firstStatisticsMs: number;
  statisticsAnonymous: Timing;
  statisticsFiltered: Timing;
  listFirstPage: Timing;
  baseline: Timing;
  objects: number;
  ingestFirst: number;
  ingestLast: number;
  ingestOverall: number;
  validateOnly: number;
  taxiiPage: Timing;
  taxiiMiddlePage: Timing;
  peakMemoryMiB: number;
}

const summary = (sorted: number[]): Timing => ({
  p50: percentile(sorted, 0.5),
  p99: percentile(sorted, 0.99),
});

const TAXII = 'application/taxii+json;version=2.1';
const MARKINGS = [
  'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
];
function indicator(n: number) {
  return {
    type: 'indicator',
    spec_version: '2.1',
    id: `indicator--${randomUUID()}`,
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
    name: `Indicator ${n}`,
    description: 'A synthetic indicator for the benchmark of the TAXII server.',
    pattern: `[ipv4-addr:value = '198.51.${(n >> 8) & 255}.${n & 255}']`,
    pattern_type: 'stix',
    valid_from: '2026-01-01T00:00:00Z',
    object_marking_refs: [MARKINGS[n % 3]],
  };
}

const medianOf = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function benchmarkSharing(base: string, token: string, orgId: string, total: number) {
  const headers = { authorization: `Bearer ${token}` };
  const created = await fetch(`${base}/sharing/collections`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Benchmark indicators', ownerOrgId: orgId, visibility: 'community' }),
  });
  if (created.status !== 201) throw new Error(`collection: ${created.status} ${await created.text()}`);
  const collectionId = ((await created.json()) as { id: string }).id;
  const objectsUrl = `${base.replace('/api/v1', '')}/taxii2/api/collections/${collectionId}/objects/`;
  const envelopeSize = 10_000;
  const rates: number[] = [];
  let validateMs = 0;
  for (let done = 0; done < total; done += envelopeSize) {
    const objects = Array.from({ length: Math.min(envelopeSize, total - done) }, (_, k) =>
      indicator(done + k),
    );
    const validated = performance.now();
    for (const object of objects) validateStixObject(object);
    validateMs += performance.now() - validated;
    const body = JSON.stringify({ objects });
    const started = performance.now();
    const response = await fetch(objectsUrl, {
      method: 'POST',
      headers: { ...headers, accept: TAXII, 'content-type': TAXII },
      body,
    });
    const status = (await response.json()) as { success_count?: number };
    if (response.status !== 202 || status.success_count !== objects.length)
      throw new Error(`ingest: ${response.status} ${JSON.stringify(status).slice(0, 300)}`);
    rates.push(objects.length / ((performance.now() - started) / 1000));
  }
  const pages: number[] = [];
  let next: string | undefined;
  for (let n = 0; n < 40; n++) {
    const started = performance.now();
    const response = await fetch(
      `${objectsUrl}?limit=1000${next ? `&next=${encodeURIComponent(next)}` : ''}`,
      {
        headers: { ...headers, accept: TAXII },
      },
    );
    const page = (await response.json()) as { objects?: unknown[]; next?: string };
    pages.push(performance.now() - started);
    if (response.status !== 200 || page.objects?.length !== 1000) throw new Error(`page: ${response.status}`);
    next = page.next;
  }
  const manifest = await fetch(`${objectsUrl.replace('/objects/', '/manifest/')}?limit=1`, {
    headers: { ...headers, accept: TAXII },
  });
  const first = manifest.headers.get('x-taxii-date-added-first') ?? '2026-01-01T00:00:00.000000Z';
  const midpoint = new Date((Date.parse(first) + Date.now()) / 2).toISOString();
  const middle: number[] = [];
  for (let n = 0; n < 20; n++) {
    const started = performance.now();
    const response = await fetch(`${objectsUrl}?added_after=${midpoint}&match[type]=indicator&limit=1000`, {
      headers: { ...headers, accept: TAXII },
    });
    await response.arrayBuffer();
    middle.push(performance.now() - started);
  }
  const totalSeconds = rates.reduce((sum, rate) => sum + envelopeSize / rate, 0);
  return {
    objects: total,
    ingestFirst: medianOf(rates.slice(0, 10)),
    ingestLast: medianOf(rates.slice(-10)),
    ingestOverall: total / totalSeconds,
    validateOnly: total / (validateMs / 1000),
    taxiiPage: summary(pages.sort((a, b) => a - b)),
    taxiiMiddlePage: summary(middle.sort((a, b) => a - b)),
  };
}

export async function benchmarkIncidents(
  count = argument('incidents', 1_000_000),
  objects = argument('objects', 1_000_000),
): Promise<IncidentsBenchmark> {
  const directory = await mkdtemp(join(tmpdir(), 'cg-bench-incidents-'));
  const file = join(directory, 'bench.sqlite');
  try {
    const seeded = await seedBenchBase(`sqlite:${file}`);
    const seedStarted = performance.now();
    seedSyntheticIncidents(file, seeded.orgId, count);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    const server = await startBenchServer(['app'], { DATABASE_URL: `sqlite:${file}`, DATA_DIR: directory });
    try {
      const base = `http://127.0.0.1:${server.port}/api/v1`;
      const token = { authorization: `Bearer ${seeded.token}` };
      const started = performance.now();
      await timeRequests(`${base}/incidents/statistics`, {}, 1);
      const firstStatisticsMs = performance.now() - started;
      await timeRequests(`${base}/incidents/statistics`, {}, 3);
      const statisticsAnonymous = summary(await timeRequests(`${base}/incidents/statistics`, {}, 30));
      const statisticsFiltered = summary(
        await timeRequests(
          `${base}/incidents/statistics?sector=health&from=2018-01-01&series=type&interval=year`,
          token,
          30,
        ),
      );
      const listFirstPage = summary(await timeRequests(`${base}/incidents?limit=50`, token, 30));
      const baseline = summary(await timeRequests(`${base}/reference/countries`, {}, 30));
      const sharing = await benchmarkSharing(base, seeded.token, seeded.orgId, objects);
      return {
        ...sharing,
        incidents: count,
        seedSeconds,
        firstStatisticsMs,
        statisticsAnonymous,
        statisticsFiltered,
        listFirstPage,
        baseline,
        peakMemoryMiB: await peakMemoryMiB(server.pid),
      };
    } finally {
      await server.stop();
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

export function printIncidentFigures(figures: IncidentsBenchmark): void {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const verdict = (value: number, target: number) => (value <= target ? 'meets' : 'MISSES');
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(
    `\nIncidents on SQLite (${figures.incidents.toLocaleString('en')} synthetic incidents, seeded in ${figures.seedSeconds.toFixed(1)} s)`,
  );
  out(`  first statistics request (loads the index): ${ms(figures.firstStatisticsMs)}`);
  out(
    `  statistics, anonymous, no filter: p50 ${ms(figures.statisticsAnonymous.p50)}  p99 ${ms(figures.statisticsAnonymous.p99)} (target p50 <= 200 ms: ${verdict(figures.statisticsAnonymous.p50, 200)})`,
  );
  out(
    `  statistics, member token, filters + series: p50 ${ms(figures.statisticsFiltered.p50)}  p99 ${ms(figures.statisticsFiltered.p99)} (target p50 <= 200 ms: ${verdict(figures.statisticsFiltered.p50, 200)})`,
  );
  out(
    `  incident list, first page with facets: p50 ${ms(figures.listFirstPage.p50)}  p99 ${ms(figures.listFirstPage.p99)}`,
  );
  out(
    `  baseline GET /reference/countries: p50 ${ms(figures.baseline.p50)}  p99 ${ms(figures.baseline.p99)}`,
  );
  const rate = (value: number) => `${Math.round(value).toLocaleString('en')} objects/s`;
  out(
    `  STIX ingest over TAXII into a collection growing to ${figures.objects.toLocaleString('en')} objects (envelopes of 10,000):`,
  );
  out(
    `    first ten envelopes ${rate(figures.ingestFirst)}, last ten ${rate(figures.ingestLast)}, overall ${rate(figures.ingestOverall)} (target >= 10,000: ${figures.ingestOverall >= 10_000 ? 'meets' : 'MISSES'}); validation alone ${rate(figures.validateOnly)}`,
  );
  out(
    `  TAXII page of 1,000 from ${figures.objects.toLocaleString('en')} objects, following next: p50 ${ms(figures.taxiiPage.p50)}  p99 ${ms(figures.taxiiPage.p99)} (target p50 <= 100 ms: ${verdict(figures.taxiiPage.p50, 100)})`,
  );
  out(
    `  TAXII page from the middle (added_after, match[type]): p50 ${ms(figures.taxiiMiddlePage.p50)}  p99 ${ms(figures.taxiiMiddlePage.p99)}`,
  );
  out(`  peak server memory (VmHWM): ${figures.peakMemoryMiB.toFixed(0)} MiB`);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printIncidentFigures(await benchmarkIncidents());
}

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DatabaseHandle, openDatabase } from '../src/core/db/database.ts';
import { newId, nowIso } from '../src/core/db/ids.ts';
import { seedReference } from '../src/core/reference/seed.ts';
import { indexDocuments } from '../src/core/search/index.ts';
import { migrateToLatest } from '../src/schema.ts';
import { generateDocuments } from './search.ts';
import { startBenchServer, withScratchPostgres } from './support.ts';

/**
 * The participation module's two targets, on SQLite and on PostgreSQL, through the real HTTP app:
 *   - the draft page (GET /participation/drafts/:id/revisions/1) of a 500-paragraph draft carrying
 *     10,000 comments and amendments: p50 <= 200 ms;
 *   - full-text search (GET /search) over 100,000 published contributions: p50 <= 50 ms.
 * The baseline is a bare Fastify server answering with the same bytes, timed the same way in the same
 * run, so the ratio shows what the app adds over moving the bytes.
 *   node bench/participation.ts
 */

const PARAGRAPHS = 500;
const COMMENTS = 10_000;
const ORGANIZATIONS = 200;
const SEARCH_DOCUMENTS = 100_000;
const WARMUP = 5;
const ROUNDS = 40;
const SEARCH_QUERIES = ['incident reporting', 'supply chain', 'critical infra', 'ransomware healthcare'];

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** p50 of sequential requests, in milliseconds, after a warm-up. */
async function p50(url: string): Promise<{ ms: number; body: string }> {
  let body = '';
  const times: number[] = [];
  for (let i = 0; i < WARMUP + ROUNDS; i++) {
    const start = performance.now();
    const response = await fetch(url);
    body = await response.text();
    if (!response.ok) throw new Error(`${url}: ${response.status} ${body.slice(0, 200)}`);
    if (i >= WARMUP) times.push(performance.now() - start);
  }
  return { ms: median(times), body };
}

const WORDS =
  'states stakeholders cooperate critical infrastructure protect vulnerability reporting capacity building confidence measures norms international law incident response supply chain integrity human rights privacy'.split(
    ' ',
  );

function sentence(seed: number, length: number): string {
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(WORDS[(seed * 7 + i * 13) % WORDS.length]!);
  const text = words.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** A process, a group, a 500-paragraph draft with one published revision, and 10,000 contributions. */
async function seedParticipation(handle: DatabaseHandle): Promise<{ draftId: string }> {
  const db = handle.db;
  await seedReference(db);
  const now = nowIso();
  const userId = newId('usr');
  await db
    .insertInto('users')
    .values({
      id: userId,
      email: 'chair@bench.invalid',
      display_name: 'Benchmark chair',
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
  const countries = (await db.selectFrom('countries').select('code').execute()).map((c) => c.code);
  const kinds = ['state', 'civil_society', 'academia', 'private_sector', 'technical_community'];
  const orgIds = Array.from({ length: ORGANIZATIONS }, () => newId('org'));
  await db
    .insertInto('organizations')
    .values(
      orgIds.map((id, i) => ({
        id,
        name: `Benchmark organization ${i}`,
        kind: kinds[i % kinds.length]!,
        country_code: countries[i % countries.length]!,
        website: null,
        description: null,
        verification_status: 'verified',
        verification_note: null,
        verified_at: now,
        verified_by: null,
        created_by: null,
        created_at: now,
        updated_at: now,
      })),
    )
    .execute();
  const processId = newId('prc');
  await db
    .insertInto('processes')
    .values({
      id: processId,
      title: 'Global Mechanism 2026–2030',
      modalities: 'Benchmark',
      objection_period_days: 10,
      status: 'active',
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const draftId = newId('dft');
  await db
    .insertInto('drafts')
    .values({
      id: draftId,
      process_id: processId,
      group_id: null,
      title: 'Draft annual progress report',
      summary: '',
      current_revision: 1,
      created_by: userId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const revisionId = newId('drv');
  await db
    .insertInto('draft_revisions')
    .values({
      id: revisionId,
      draft_id: draftId,
      number: 1,
      note: 'First draft',
      published_at: now,
      published_by: userId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  // A heading every 25 paragraphs, as sections of a UN report run.
  const blocks: { key: string; kind: string; number: number | null; text: string }[] = [];
  for (let p = 1; p <= PARAGRAPHS; p++) {
    if (p % 25 === 1)
      blocks.push({ key: newId('blk'), kind: 'heading', number: null, text: `Section ${Math.ceil(p / 25)}` });
    blocks.push({
      key: newId('blk'),
      kind: 'paragraph',
      number: p,
      text: `${sentence(p, 40)} ${sentence(p + 1, 30)}`,
    });
  }
  for (let start = 0; start < blocks.length; start += 500) {
    await db
      .insertInto('draft_blocks')
      .values(
        blocks.slice(start, start + 500).map((block, offset) => ({
          revision_id: revisionId,
          position: start + offset,
          block_key: block.key,
          kind: block.kind,
          number: block.number,
          text: block.text,
        })),
      )
      .execute();
  }
  const consultationId = newId('con');
  await db
    .insertInto('consultations')
    .values({
      id: consultationId,
      draft_id: draftId,
      revision_number: 1,
      title: 'Consultation',
      opens_at: now,
      closes_at: new Date(Date.now() + 86_400_000).toISOString(),
      created_by: userId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const paragraphs = blocks.filter((block) => block.kind === 'paragraph');
  for (let start = 0; start < COMMENTS; start += 1000) {
    await db
      .insertInto('contributions')
      .values(
        Array.from({ length: 1000 }, (_, i) => {
          const n = start + i;
          const paragraph = paragraphs[(n * 31) % paragraphs.length]!;
          const isAmendment = n % 5 === 0;
          return {
            id: newId('ctb'),
            consultation_id: consultationId,
            draft_id: draftId,
            kind: isAmendment ? 'amendment' : 'comment',
            block_key: paragraph.key,
            revision_number: 1,
            paragraph_number: paragraph.number,
            body: sentence(n, 25),
            proposed_text: isAmendment ? sentence(n + 3, 35) : null,
            org_id: orgIds[n % orgIds.length]!,
            author_id: userId,
            created_at: now,
            disposition: null,
            disposition_reason: null,
            disposed_at: null,
            disposed_by: null,
          };
        }),
      )
      .execute();
  }
  return { draftId };
}

interface DialectFigures {
  dialect: string;
  draftPage: { appMs: number; bareMs: number; bytes: number };
  search: { query: string; appMs: number; bareMs: number; hits: number }[];
}

async function measure(
  dialect: string,
  databaseUrl: string,
  handle: DatabaseHandle,
  workDir: string,
): Promise<DialectFigures> {
  await migrateToLatest(handle);
  const { draftId } = await seedParticipation(handle);
  const documents = generateDocuments(SEARCH_DOCUMENTS);
  for (let start = 0; start < documents.length; start += 2000) {
    await indexDocuments(handle.db, handle.dialect, documents.slice(start, start + 2000));
  }
  await handle.close();

  const app = await startBenchServer(['app'], {
    DATABASE_URL: databaseUrl,
    DATA_DIR: workDir,
    DELIVERY_WORKER: 'false',
  });
  try {
    const base = `http://127.0.0.1:${app.port}/api/v1`;
    const draftPage = await p50(`${base}/participation/drafts/${draftId}/revisions/1`);
    const searches: { query: string; ms: number; body: string }[] = [];
    for (const query of SEARCH_QUERIES) {
      const result = await p50(`${base}/search?q=${encodeURIComponent(query)}`);
      searches.push({ query, ms: result.ms, body: result.body });
    }
    await app.stop();
    // The baseline: the same bytes from a bare route, per response.
    const bareFor = async (body: string) => {
      const file = join(workDir, `bare-${Math.random().toString(36).slice(2)}.json`);
      writeFileSync(file, body);
      const bare = await startBenchServer(['bare', file], {});
      try {
        return (await p50(`http://127.0.0.1:${bare.port}/any`)).ms;
      } finally {
        await bare.stop();
      }
    };
    const page = JSON.parse(draftPage.body) as { blocks: unknown[] };
    if (page.blocks.length !== PARAGRAPHS + PARAGRAPHS / 25) throw new Error('draft page is incomplete');
    return {
      dialect,
      draftPage: {
        appMs: draftPage.ms,
        bareMs: await bareFor(draftPage.body),
        bytes: Buffer.byteLength(draftPage.body),
      },
      search: await Promise.all(
        searches.map(async (s) => ({
          query: s.query,
          appMs: s.ms,
          bareMs: await bareFor(s.body),
          hits: (JSON.parse(s.body) as { items: unknown[] }).items.length,
        })),
      ),
    };
  } finally {
    await app.stop();
  }
}

export async function benchmarkParticipation(): Promise<DialectFigures[]> {
  const results: DialectFigures[] = [];
  const workDir = mkdtempSync(join(tmpdir(), 'cg-bench-participation-'));
  try {
    const sqliteUrl = `sqlite:${join(workDir, 'participation.db')}`;
    results.push(await measure('sqlite', sqliteUrl, openDatabase(sqliteUrl), workDir));
    const postgres = await withScratchPostgres('cg_bench', (url) =>
      measure('postgres', url, openDatabase(url), workDir),
    );
    if (postgres) results.push(postgres);
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  return results;
}

export function printParticipationFigures(results: DialectFigures[]): void {
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  process.stdout.write('\nParticipation (p50 of 40 sequential requests through the HTTP app)\n');
  for (const r of results) {
    const d = r.draftPage;
    const verdict = d.appMs <= 200 ? 'meets' : 'MISSES';
    process.stdout.write(
      `  [${r.dialect}] draft page, ${PARAGRAPHS} paragraphs, ${COMMENTS} comments (${(d.bytes / 1024).toFixed(0)} KiB): ${ms(d.appMs)}; bare ${ms(d.bareMs)}; ratio ${(d.appMs / d.bareMs).toFixed(1)} (target <= 200 ms: ${verdict})\n`,
    );
    for (const s of r.search) {
      const ok = s.appMs <= 50 ? 'meets' : 'MISSES';
      process.stdout.write(
        `  [${r.dialect}] search "${s.query}" over ${SEARCH_DOCUMENTS.toLocaleString('en')} documents (${s.hits} on page 1): ${ms(s.appMs)}; bare ${ms(s.bareMs)}; ratio ${(s.appMs / s.bareMs).toFixed(1)} (target <= 50 ms: ${ok})\n`,
      );
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printParticipationFigures(await benchmarkParticipation());
  process.exit(0);
}

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import pg from 'pg';
import type { ReadScope } from '../src/core/access/audience.ts';
import { type DatabaseHandle, openDatabase } from '../src/core/db/database.ts';
import {
  indexDocuments,
  type SearchDocumentInput,
  searchDocumentId,
  searchDocuments,
} from '../src/core/search/index.ts';
import { toTsQuery } from '../src/core/search/postgres.ts';
import { toMatchExpression } from '../src/core/search/sqlite.ts';
import { toQueryTerms } from '../src/core/search/text.ts';
import { migrateToLatest } from '../src/schema.ts';

/**
 * Full-text search latency over 100,000 published contributions of about 600 characters, mostly
 * English with French, Spanish, Russian, Arabic and Chinese ones, on a SQLite file and on a fresh
 * PostgreSQL schema. Each query runs through searchDocuments (ranking, visibility filter, snippets of
 * one page of 20) for a signed-in member of one organization. The baseline, measured on the same
 * database in the same run, is a primary-key read of one search_documents row through Kysely.
 *   node bench/search.ts
 * PostgreSQL: BENCH_POSTGRES_URL, else TEST_POSTGRES_URL, else postgres://postgres@127.0.0.1:5432/test.
 */

const DOCUMENTS = 100_000;
const BATCH = 2000;
const ROUNDS = 30;
const PAGE = 20;

const QUERIES: { label: string; q: string }[] = [
  { label: 'common term', q: 'security' },
  { label: 'two terms', q: 'incident reporting' },
  { label: 'two terms', q: 'supply chain' },
  { label: 'two terms, rarely together', q: 'ransomware healthcare' },
  { label: 'rare term', q: 'log4j' },
  { label: 'prefix (type-ahead)', q: 'vulnerab' },
  { label: 'two terms + prefix', q: 'critical infra' },
  { label: 'French', q: 'sécurité coopération' },
  { label: 'Russian', q: 'безопасность' },
  { label: 'Chinese', q: '网络安全' },
];

const SCOPE: ReadScope = {
  isSignedIn: true,
  isCommunity: true,
  isSystem: false,
  userId: 'bench-user',
  orgIds: ['org_0001'],
};

/** mulberry32: a small deterministic PRNG, so every run indexes the same corpus. */
function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Language {
  tag: string;
  share: number;
  /** Words that bind sentences together, drawn uniformly. */
  glue: string[];
  /** Content words used everywhere, most frequent first (drawn with a Zipf distribution, as in real text). */
  general: string[];
  /** A wider vocabulary, each word less frequent than the general ones. */
  wider: string[];
  /** Content words by topic, most frequent first; empty when the language has too few documents to need them. */
  topics: string[][];
  /** Joins words: a space, or nothing for Chinese. */
  separator: string;
  stop: string;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

/**
 * English documents mix the terms every contribution uses, a wider policy vocabulary, and the terms of
 * one main topic and one side topic, so a topic's terms are frequent where the topic is and rare
 * elsewhere, as in real collections.
 */
const ENGLISH_GENERAL = words(`security cyber information states national international cooperation
  government policy framework stakeholders technical data`);
const ENGLISH_WIDER = words(`approach ensure support develop promote consider include provide
  strengthen establish address identify recognize encourage facilitate enhance maintain improve
  apply adopt agree note welcome emphasize underline recall reaffirm acknowledge invite request
  continue increase reduce prevent protect respond share exchange publish review assess evaluate
  coordinate consult engage participate contribute propose recommend implement monitor report
  measure track compare collect analyse inform explain clarify define describe discuss examine
  global local regional bilateral multilateral public private civil academic independent relevant
  appropriate effective practical concrete specific common shared joint mutual voluntary existing
  future current recent annual regular timely secure stable open free inclusive transparent
  accountable responsible sustainable digital online physical economic social legal political
  operational strategic institutional organizational sectoral cross border domestic foreign
  principles rules guidelines commitments obligations expectations objectives priorities goals
  challenges gaps needs opportunities benefits impacts consequences effects outcomes results
  efforts initiatives actions steps activities programmes processes procedures mechanisms tools
  resources capabilities expertise knowledge awareness understanding experience examples cases
  countries regions communities organizations institutions entities actors partners users citizens
  experts officials representatives practitioners professionals companies businesses providers
  systems technologies products services networks platforms applications devices infrastructures
  environment ecosystem landscape context level scope scale nature role importance value
  basis manner means way form type kind degree extent range variety number majority
  meeting session conference workshop seminar webinar forum summit discussion debate negotiation
  agreement declaration resolution statement submission contribution paper note annex chapter
  section paragraph article text language version edition update amendment revision
  year years month period time date stage phase cycle round term decade`);
const ENGLISH_TOPICS = [
  `incident reporting response points contact emergency teams csirt cert forensics evidence
   investigation ransomware attacks malicious activity severity detection monitoring statistics
   indicators templates requests minimum necessary channels availability checks triage escalation
   notification hotline duty officer playbook containment recovery`,
  `vulnerability disclosure vulnerabilities coordinated researchers vendors patching advisories
   vulnerable timelines embargo publication scoring exploitation exploited disclosed mitigation
   bounty reward safe harbour remediation cve identifiers zero day proof concept`,
  `supply chain software open source components inventory certification standards vendors sbom
   dependencies maintainers libraries packages integrity provenance build signing repositories
   procurement suppliers hardware firmware updates`,
  `confidence building measures trust transparency dialogue diplomacy escalation stability peace
   consultation working group draft recommendations proposals member delegations voluntary
   misunderstanding miscalculation hotlines communication tensions de-escalation`,
  `capacity training curriculum skills workforce gender inclusion equity funding donors projects
   partnerships development assistance mentoring scholarships fellowships universities
   graduates courses modules trainers instructors certification`,
  `norms law humanitarian human rights sovereignty due diligence attribution accountability redress
   harm civilians conflict binding customary charter jurisdiction state responsibility
   countermeasures proportionality distinction`,
  `critical infrastructure operators healthcare hospitals energy electricity grid financial banks
   telecommunications cloud water transport aviation ports resilience protection risk continuity
   outage disruption dependencies`,
  `regulation compliance audit governance oversight parliament ministry agency authority secretariat
   implementation mechanism legislation strategy roadmap budget mandate coordination council`,
  `exercise scenarios tabletop simulation lessons learned drill injects participants observers
   facilitators debrief evaluation communication checks readiness preparedness`,
  `lexicon terminology definitions glossary terms consensus meaning translation equivalents usage
   concepts vocabulary entries interpretation ambiguity`,
  `survey implementation national questionnaire responses progress milestones voluntary reporting
   indicators baseline self assessment results findings trends`,
  `privacy personal data protection encryption authentication identity access management consent
   surveillance lawful interception anonymity retention breach notification`,
  `elections electoral disinformation influence operations campaigns platforms content moderation
   media journalists voters integrity foreign interference`,
  `artificial intelligence machine learning models automation algorithms autonomous deepfakes
   generative detection adversarial robustness safety testing evaluation`,
].map(words);

const LANGUAGES: Language[] = [
  {
    tag: 'en',
    share: 0.85,
    glue: 'the of and to in for on with by as that is are be from at an this which their should'.split(' '),
    general: ENGLISH_GENERAL,
    wider: ENGLISH_WIDER,
    topics: ENGLISH_TOPICS,
    separator: ' ',
    stop: '.',
  },
  {
    tag: 'fr',
    share: 0.04,
    glue: 'le la les de des et en pour dans sur par du une un au aux est sont'.split(' '),
    general: words(`sécurité coopération incident informations États nationale signalement internationale
      infrastructures critiques renforcement capacités mesures confiance réponse vulnérabilité normes
      droit cadre partage gouvernement secteur privé parties prenantes menace chaîne approvisionnement
      divulgation protection technique politique assistance exercice communication résilience Genève`),
    wider: [],
    topics: [],
    separator: ' ',
    stop: '.',
  },
  {
    tag: 'es',
    share: 0.04,
    glue: 'el la los las de del y en para por con un una al es son que'.split(' '),
    general: words(`seguridad cooperación incidente información Estados nacional notificación internacional
      infraestructura crítica creación capacidad medidas confianza respuesta vulnerabilidad normas
      derecho marco intercambio gobierno sector privado partes interesadas amenaza cadena suministro
      divulgación protección técnica política asistencia ejercicio comunicación resiliencia`),
    wider: [],
    topics: [],
    separator: ' ',
    stop: '.',
  },
  {
    tag: 'ru',
    share: 0.03,
    glue: 'и в на по с для о к от что это как из при'.split(' '),
    general: words(`безопасность сотрудничество инцидент информация государства национальный международный
      критическая инфраструктура укрепление потенциала меры доверия реагирование уязвимость нормы
      право рамки обмен правительство частный сектор угроза цепочка поставок раскрытие защита
      техническая политика помощь учения связь устойчивость`),
    wider: [],
    topics: [],
    separator: ' ',
    stop: '.',
  },
  {
    tag: 'ar',
    share: 0.02,
    glue: 'في من على إلى و مع عن أن هذا التي الذي'.split(' '),
    general:
      words(`الأمن السيبراني التعاون الدولي الحادث المعلومات الدول الوطني الإبلاغ البنية التحتية الحيوية
      بناء القدرات تدابير الثقة الاستجابة الثغرات المعايير القانون الإطار تبادل الحكومة القطاع الخاص
      التهديد سلسلة الإمداد الكشف الحماية التقنية السياسة المساعدة التمرين الاتصال`),
    wider: [],
    topics: [],
    separator: ' ',
    stop: '.',
  },
  {
    tag: 'zh-Hans',
    share: 0.02,
    glue: '的 和 在 与 对 为 是 了 及'.split(' '),
    general:
      words(`网络 安全 合作 事件 信息 国家 国际 报告 关键 基础设施 能力 建设 建立 信任 措施 应对 漏洞 规范
      法律 框架 共享 政府 私营 部门 利益 相关方 威胁 供应链 披露 保护 技术 政策 援助 演习 沟通 韧性`),
    wider: [],
    topics: [],
    separator: '',
    stop: '。',
  },
];

/** Rare words, each in about one document in a thousand. */
const RARE = ['log4j', 'Stuxnet', 'NotPetya', 'WannaCry', 'Heartbleed', 'SolarWinds'];
const SOURCES = ['contributions', 'statements', 'drafts', 'cbms'];

function createZipf(size: number, random: () => number): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (let rank = 1; rank <= size; rank++) {
    total += 1 / rank;
    cumulative.push(total);
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/** The corpus: the same documents on every run and on both engines. */
export function generateDocuments(count: number): SearchDocumentInput[] {
  const random = createRandom(20260101);
  const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
  const zipfs = new Map<string[], () => number>();
  const drawFrom = (vocabulary: string[]) => {
    let zipf = zipfs.get(vocabulary);
    if (!zipf) {
      zipf = createZipf(vocabulary.length, random);
      zipfs.set(vocabulary, zipf);
    }
    return vocabulary[zipf()]!;
  };
  const text = (language: Language, length: number, main?: string[], side?: string[]) => {
    let out = '';
    let sentence: string[] = [];
    while (out.length < length) {
      const roll = random();
      let vocabulary = language.general;
      if (main && roll >= 0.5) {
        if (roll < 0.65 && language.wider.length > 0) vocabulary = language.wider;
        else if (roll < 0.9 || !side) vocabulary = main;
        else vocabulary = side;
      }
      const word = roll < 0.4 ? pick(language.glue) : drawFrom(vocabulary);
      sentence.push(word);
      if (sentence.length >= 8 + Math.floor(random() * 8)) {
        const first = sentence[0]!;
        sentence[0] = first.charAt(0).toUpperCase() + first.slice(1);
        out += `${sentence.join(language.separator)}${language.stop} `;
        sentence = [];
      }
    }
    return out.trim();
  };
  const start = Date.UTC(2022, 0, 1);
  return Array.from({ length: count }, (_, i) => {
    const languageRoll = random();
    let cumulative = 0;
    const language =
      LANGUAGES.find((candidate) => {
        cumulative += candidate.share;
        return languageRoll < cumulative;
      }) ?? LANGUAGES[0]!;
    const main = language.topics.length > 0 ? pick(language.topics) : undefined;
    const side = language.topics.length > 0 ? pick(language.topics) : undefined;
    let body = text(language, 560 + Math.floor(random() * 80), main, side);
    if (random() < 0.006) body += ` ${pick(RARE)}.`;
    const visibilityRoll = random();
    const visibility =
      visibilityRoll < 0.8
        ? 'public'
        : visibilityRoll < 0.9
          ? 'registered'
          : visibilityRoll < 0.97
            ? 'community'
            : 'participants';
    const source = SOURCES[i % SOURCES.length]!;
    const sourceId = `bench${String(i).padStart(6, '0')}`;
    return {
      source,
      sourceId,
      title: text(language, 40 + Math.floor(random() * 40), main).replace(/[.。]$/, ''),
      body,
      language: language.tag,
      url: `/participation/${source}/${sourceId}`,
      visibility,
      orgId: `org_${String(Math.floor(random() * 500)).padStart(4, '0')}`,
      publishedAt: new Date(start + i * 60_000 * 13).toISOString(),
    };
  });
}

function percentile(sorted: number[], fraction: number): number {
  // Nearest rank: the smallest value at or above the given fraction of all values.
  return sorted[Math.max(1, Math.ceil(fraction * sorted.length)) - 1]!;
}

interface Timing {
  p50: number;
  p95: number;
}

async function measure(rounds: number, run: (round: number) => Promise<unknown>): Promise<Timing> {
  const durations: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    await run(round);
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  return { p50: percentile(durations, 0.5), p95: percentile(durations, 0.95) };
}

/** How many documents contain every term: the work a query does is ranking all of them. */
async function countMatches(handle: DatabaseHandle, q: string): Promise<number> {
  const terms = toQueryTerms(q);
  const { rows } =
    handle.dialect === 'postgres'
      ? await sql<{ count: number }>`SELECT count(*) AS count FROM search_documents
          WHERE search_vector @@ to_tsquery('simple', ${toTsQuery(terms)})`.execute(handle.db)
      : await sql<{ count: number }>`SELECT count(*) AS count FROM search_index
          WHERE search_index MATCH ${toMatchExpression(terms)}`.execute(handle.db);
  return Number(rows[0]?.count ?? 0);
}

const ms = (value: number) => `${value.toFixed(2).padStart(7)} ms`;

async function benchmarkEngine(handle: DatabaseHandle, docs: SearchDocumentInput[]): Promise<string[]> {
  const lines: string[] = [];
  const { db, dialect } = handle;
  const indexingStarted = performance.now();
  for (let start = 0; start < docs.length; start += BATCH) {
    await indexDocuments(db, dialect, docs.slice(start, start + BATCH));
  }
  const indexingSeconds = (performance.now() - indexingStarted) / 1000;
  // Statistics, and on PostgreSQL the GIN pending list flushed, as autovacuum would leave them.
  if (dialect === 'postgres') await sql`VACUUM ANALYZE search_documents`.execute(db);
  else await sql`ANALYZE`.execute(db);
  lines.push(
    `  ${dialect}: indexed ${docs.length.toLocaleString('en')} documents in ${indexingSeconds.toFixed(1)} s (${Math.round(docs.length / indexingSeconds).toLocaleString('en')} docs/s)`,
  );

  const ids = docs.map((doc) => searchDocumentId(doc.source, doc.sourceId));
  const lookup = (round: number) =>
    db
      .selectFrom('search_documents')
      .select(['id', 'title', 'url'])
      .where('id', '=', ids[(round * 7919) % ids.length]!)
      .executeTakeFirst();
  // Warm-up: JIT, statement caches, pages in memory.
  await measure(50, lookup);
  for (const { q } of QUERIES) await searchDocuments(db, dialect, SCOPE, { q, limit: PAGE });

  const baseline = await measure(ROUNDS * 20, lookup);
  lines.push(
    `    ${'baseline: primary-key read of one row'.padEnd(63)} p50 ${ms(baseline.p50)}  p95 ${ms(baseline.p95)}`,
  );
  for (const { label, q } of QUERIES) {
    const matches = await countMatches(handle, q);
    const timing = await measure(ROUNDS, () => searchDocuments(db, dialect, SCOPE, { q, limit: PAGE }));
    const ratio = timing.p50 / baseline.p50;
    const verdict = label.startsWith('two terms')
      ? timing.p50 <= 50
        ? '  meets 50 ms'
        : '  MISSES 50 ms'
      : '';
    lines.push(
      `    ${`${label}: ${q}`.padEnd(48)} ${String(matches).padStart(6)} matches  p50 ${ms(timing.p50)}  p95 ${ms(timing.p95)}  p50/baseline ${ratio.toFixed(0).padStart(5)}x${verdict}`,
    );
  }
  return lines;
}

async function reasonPostgresIsUnreachable(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function benchmarkSearch(): Promise<string[]> {
  const lines = [
    `Full-text search: ${DOCUMENTS.toLocaleString('en')} documents of ~600 characters, page of ${PAGE}, ${ROUNDS} rounds a query (target: two-word query p50 <= 50 ms)`,
  ];
  const docs = generateDocuments(DOCUMENTS);

  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-search-'));
  try {
    const handle = openDatabase(`sqlite:${join(dir, 'search.db')}`);
    try {
      await migrateToLatest(handle);
      lines.push(...(await benchmarkEngine(handle, docs)));
    } finally {
      await handle.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const url =
    process.env.BENCH_POSTGRES_URL ??
    process.env.TEST_POSTGRES_URL ??
    'postgres://postgres@127.0.0.1:5432/test';
  const unreachable = await reasonPostgresIsUnreachable(url);
  if (unreachable) {
    lines.push(`  postgres: skipped, ${url} is not reachable (${unreachable})`);
    return lines;
  }
  const schema = `bench_search_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`create schema ${schema}`);
    const handle = openDatabase(url, { pgSchema: schema, pgPoolSize: 4 });
    try {
      await migrateToLatest(handle);
      lines.push(...(await benchmarkEngine(handle, docs)));
    } finally {
      await handle.close();
    }
  } finally {
    await admin.query(`drop schema if exists ${schema} cascade`);
    await admin.end();
  }
  return lines;
}

const isMain = process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  for (const line of await benchmarkSearch()) process.stdout.write(`${line}\n`);
  process.exit(0);
}

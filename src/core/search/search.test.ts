import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../../../test/harness/databases.ts';
import type { ReadScope } from '../access/audience.ts';
import { AppError } from '../http/errors.ts';
import {
  indexDocument,
  indexDocuments,
  MATCH_END,
  MATCH_START,
  removeDocument,
  type SearchDocumentInput,
  type SearchQuery,
  searchDocuments,
} from './index.ts';
import { buildSnippet, normalizeText, toIndexText, toQueryTerms } from './text.ts';

const ANONYMOUS: ReadScope = { isSignedIn: false, isCommunity: false, isSystem: false, orgIds: [] };
const REGISTERED: ReadScope = {
  isSignedIn: true,
  isCommunity: false,
  isSystem: false,
  userId: 'u1',
  orgIds: [],
};
const COMMUNITY: ReadScope = {
  isSignedIn: true,
  isCommunity: true,
  isSystem: false,
  userId: 'u2',
  orgIds: [],
};
const SYSTEM: ReadScope = { isSignedIn: true, isCommunity: true, isSystem: true, orgIds: [] };
const memberOf = (orgId: string): ReadScope => ({
  isSignedIn: true,
  isCommunity: false,
  isSystem: false,
  userId: 'u3',
  orgIds: [orgId],
});

function doc(sourceId: string, overrides: Partial<SearchDocumentInput> = {}): SearchDocumentInput {
  return {
    source: 'contributions',
    sourceId,
    title: `Contribution ${sourceId}`,
    body: 'A written contribution.',
    url: `/participation/contributions/${sourceId}`,
    visibility: 'public',
    publishedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('search text preparation', () => {
  it('normalizes case, width and diacritics, keeping й', () => {
    expect(normalizeText('Genève ÉCOLE Ｆｕｌｌ')).toBe('geneve ecole full');
    expect(normalizeText('Ёлка й')).toBe('елка й');
    expect(normalizeText('السَّلَامُ')).toBe('السلام');
  });

  it('segments unspaced scripts into words and leaves others to the word pattern', () => {
    expect(toIndexText('各国应加强网络安全合作')).toBe('各国 应 加强 网络 安全 合作');
    expect(toIndexText("Cyber-security (v1.5) l'Europe")).toBe('cyber security v1 5 l europe');
    expect(toQueryTerms('  ?!*  ')).toEqual([]);
    expect(toQueryTerms(`x${'a'.repeat(200)}`)).toEqual([]);
    // A long run of Chinese is many words, not one over-long term.
    expect(toQueryTerms('网络安全合作'.repeat(30))).toHaveLength(16);
  });

  it('marks matched words of the original text, prefix included', () => {
    const snippet = buildSnippet('Talks in Genève on incident reporting.', ['geneve', 'inci']);
    expect(snippet).toBe(
      `Talks in ${MATCH_START}Genève${MATCH_END} on ${MATCH_START}incident${MATCH_END} reporting.`,
    );
    const long = `${'filler '.repeat(100)}the needle is here ${'tail '.repeat(100)}`;
    const excerpt = buildSnippet(long, ['needle']);
    expect(excerpt.startsWith('…')).toBe(true);
    expect(excerpt.endsWith('…')).toBe(true);
    expect(excerpt).toContain(`${MATCH_START}needle${MATCH_END}`);
    expect(excerpt.length).toBeLessThan(260);
    expect(buildSnippet(`keeps ${MATCH_START}its${MATCH_END} marks out`, ['none'])).toBe(
      'keeps its marks out',
    );
  });
});

describeEachDialect('search', (dialect) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(dialect, { seedReference: false });
  });
  afterAll(() => t.destroy());
  beforeEach(async () => {
    await t.db.deleteFrom('search_documents').execute();
  });

  const search = (q: string, scope: ReadScope = ANONYMOUS, rest: Omit<SearchQuery, 'q'> = {}) =>
    searchDocuments(t.db, dialect, scope, { q, ...rest });
  const idsOf = async (q: string, scope: ReadScope = ANONYMOUS, rest: Omit<SearchQuery, 'q'> = {}) =>
    (await search(q, scope, rest)).items.map((hit) => hit.sourceId).sort();

  it('indexes a document and replaces it on a second indexing', async () => {
    await indexDocument(
      t.db,
      dialect,
      doc('a', { title: 'Points of contact', body: 'Incident reporting channels.' }),
    );
    const found = await search('incident');
    expect(found.items).toEqual([
      {
        source: 'contributions',
        sourceId: 'a',
        title: 'Points of contact',
        snippet: `${MATCH_START}Incident${MATCH_END} reporting channels.`,
        url: '/participation/contributions/a',
        language: null,
        publishedAt: '2026-01-01T00:00:00.000Z',
      },
    ]);
    expect(found.nextCursor).toBeNull();
    await indexDocument(
      t.db,
      dialect,
      doc('a', { title: 'Points of contact', body: 'Vulnerability disclosure.' }),
    );
    expect(await idsOf('incident')).toEqual([]);
    expect(await idsOf('vulnerability')).toEqual(['a']);
    const { count } = await t.db
      .selectFrom('search_documents')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    expect(Number(count)).toBe(1);
  });

  it('takes the last of repeated documents in one batch', async () => {
    await indexDocuments(t.db, dialect, [
      doc('dup', { body: 'first version' }),
      doc('other', { body: 'unrelated' }),
      doc('dup', { body: 'second version', language: 'zh-hans' }),
    ]);
    expect(await idsOf('first')).toEqual([]);
    const [hit] = (await search('second version')).items;
    expect(hit).toMatchObject({ sourceId: 'dup', language: 'zh-Hans' });
  });

  it('indexes within the caller transaction and rolls back with it', async () => {
    await t.db
      .transaction()
      .execute(async (trx) => {
        await indexDocument(trx, dialect, doc('t', { body: 'transactional record' }));
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(await idsOf('transactional')).toEqual([]);
    await t.db
      .transaction()
      .execute((trx) => indexDocument(trx, dialect, doc('t', { body: 'transactional record' })));
    expect(await idsOf('transactional')).toEqual(['t']);
  });

  it('removes a document', async () => {
    await indexDocuments(t.db, dialect, [
      doc('a', { body: 'capacity building' }),
      doc('b', { body: 'capacity' }),
    ]);
    await removeDocument(t.db, dialect, 'contributions', 'a');
    await removeDocument(t.db, dialect, 'contributions', 'missing');
    expect(await idsOf('capacity')).toEqual(['b']);
    // Indexing it again after removal works (on SQLite its FTS row was deleted by the trigger).
    await indexDocument(t.db, dialect, doc('a', { body: 'capacity building' }));
    expect(await idsOf('capacity building')).toEqual(['a']);
  });

  it('requires every term, and takes the last one as a prefix', async () => {
    await indexDocuments(t.db, dialect, [
      doc('both', { body: 'Critical infrastructure protection' }),
      doc('one', { body: 'Critical vulnerabilities' }),
      doc('title', { title: 'Infrastructure', body: 'Something critical' }),
    ]);
    expect(await idsOf('critical infrastructure')).toEqual(['both', 'title']);
    expect(await idsOf('critical infra')).toEqual(['both', 'title']);
    expect(await idsOf('crit')).toEqual(['both', 'one', 'title']);
    // Only the last term is a prefix.
    expect(await idsOf('crit infrastructure')).toEqual([]);
    expect(await idsOf('critical protection missing')).toEqual([]);
  });

  it('finds words whatever their diacritics and case', async () => {
    await indexDocuments(t.db, dialect, [
      doc('fr', { title: 'Réunion à Genève', body: 'Mesures de confiance élaborées.', language: 'fr' }),
    ]);
    expect(await idsOf('geneve')).toEqual(['fr']);
    expect(await idsOf('GENÈVE reunion')).toEqual(['fr']);
    expect(await idsOf('elaborees mesures')).toEqual(['fr']);
  });

  it('finds Arabic, Russian and Chinese words', async () => {
    await indexDocuments(t.db, dialect, [
      doc('ar', { body: 'تعزيز الأمن السيبراني والتعاون الدولي', language: 'ar' }),
      doc('ru', { body: 'Меры укрепления доверия в сфере информационной безопасности', language: 'ru' }),
      doc('zh', { body: '各国应加强网络安全合作，保护关键基础设施。', language: 'zh-Hans' }),
      doc('ja', { body: 'サイバーセキュリティの国際協力', language: 'ja' }),
    ]);
    expect(await idsOf('الأمن السيبراني')).toEqual(['ar']);
    expect(await idsOf('доверия')).toEqual(['ru']);
    expect(await idsOf('Меры безопасн')).toEqual(['ru']);
    expect(await idsOf('网络安全')).toEqual(['zh']);
    expect(await idsOf('关键基础设施')).toEqual(['zh']);
    expect(await idsOf('国際協力')).toEqual(['ja']);
    const [hit] = (await search('网络安全')).items;
    expect(hit?.snippet).toContain(`${MATCH_START}网络${MATCH_END}${MATCH_START}安全${MATCH_END}`);
    expect(await idsOf('安全', ANONYMOUS, { language: 'zh' })).toEqual(['zh']);
    expect(await idsOf('安全', ANONYMOUS, { language: 'fr' })).toEqual([]);
    expect(await idsOf('安全', ANONYMOUS, { language: 'not a tag!' })).toEqual([]);
  });

  it('shows each reader only what their scope allows', async () => {
    await indexDocuments(t.db, dialect, [
      doc('public', { body: 'norms', visibility: 'public' }),
      doc('registered', { body: 'norms', visibility: 'registered' }),
      doc('community', { body: 'norms', visibility: 'community' }),
      doc('participants', { body: 'norms', visibility: 'participants', orgId: 'org_a' }),
      doc('other', { body: 'norms', visibility: 'participants', orgId: 'org_b' }),
      doc('own-community', { body: 'norms', visibility: 'community', orgId: 'org_a' }),
    ]);
    expect(await idsOf('norms', ANONYMOUS)).toEqual(['public']);
    expect(await idsOf('norms', REGISTERED)).toEqual(['public', 'registered']);
    expect(await idsOf('norms', COMMUNITY)).toEqual(['community', 'own-community', 'public', 'registered']);
    expect(await idsOf('norms', memberOf('org_a'))).toEqual([
      'own-community',
      'participants',
      'public',
      'registered',
    ]);
    expect(await idsOf('norms', SYSTEM)).toHaveLength(6);
  });

  it('filters by source', async () => {
    await indexDocuments(t.db, dialect, [
      doc('c1', { body: 'deadline' }),
      doc('s1', { source: 'statements', body: 'deadline' }),
      doc('m1', { source: 'cbms', body: 'deadline' }),
    ]);
    expect(await idsOf('deadline', ANONYMOUS, { sources: ['statements', 'cbms'] })).toEqual(['m1', 's1']);
    expect(await idsOf('deadline', ANONYMOUS, { sources: [] })).toEqual([]);
  });

  it('ranks title matches first, then newer documents, and pages without repeats', async () => {
    const docs = Array.from({ length: 45 }, (_, i) =>
      doc(`d${String(i).padStart(2, '0')}`, {
        body: 'Report on exercises and communication checks.',
        publishedAt: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
      }),
    );
    docs.push(
      doc('titled', { title: 'Exercises', body: 'Annual report.', publishedAt: '2020-01-01T00:00:00Z' }),
    );
    await indexDocuments(t.db, dialect, docs);
    const first = await search('exercises', ANONYMOUS, { limit: 20 });
    expect(first.items[0]?.sourceId).toBe('titled');
    // Equal bodies: newest first.
    expect(first.items[1]?.sourceId).toBe('d44');
    expect(first.items[2]?.sourceId).toBe('d43');
    const seen = first.items.map((hit) => hit.sourceId);
    let cursor = first.nextCursor;
    while (cursor) {
      const next = await search('exercises', ANONYMOUS, { limit: 20, cursor });
      seen.push(...next.items.map((hit) => hit.sourceId));
      cursor = next.nextCursor;
    }
    expect(seen).toHaveLength(46);
    expect(new Set(seen).size).toBe(46);
    await expect(search('exercises', ANONYMOUS, { cursor: 'garbage' })).rejects.toBeInstanceOf(AppError);
  });

  it('never fails on hostile or odd input', async () => {
    await indexDocuments(t.db, dialect, [
      doc('x', { body: 'Near the border: a "quoted" term & more | or ! not (NEAR) * col:umn' }),
    ]);
    const inputs = [
      '"',
      '"unbalanced',
      'NEAR(',
      'NEAR(border quoted, 2)',
      '*',
      'border*',
      'col:umn',
      'title:border',
      'a & b | !c',
      '&|!():*<->',
      "'; DROP TABLE search_documents; --",
      'AND OR NOT',
      '\\',
      '\uD800 lone surrogate \uDC00',
      '\u0000border',
      '🙂 border',
      '\u0301\u0301',
      'x'.repeat(5000),
      'border '.repeat(500),
      '',
      '   ',
    ];
    for (const input of inputs) {
      const result = await search(input);
      expect(Array.isArray(result.items)).toBe(true);
    }
    expect(await idsOf('NEAR(')).toEqual(['x']);
    expect(await idsOf('"quoted"')).toEqual(['x']);
    expect(await idsOf('col:umn')).toEqual(['x']);
    expect(await idsOf('AND OR NOT')).toEqual([]);
    expect(await idsOf('*')).toEqual([]);
    expect(await idsOf('')).toEqual([]);
  });

  it('wraps matches in the snippet with STX and ETX, never HTML', async () => {
    await indexDocument(
      t.db,
      dialect,
      doc('html', { body: 'Use <b>tags</b> & entities; the incident stays plain text.' }),
    );
    const [hit] = (await search('incident tag')).items;
    expect(hit?.snippet).toBe(
      `Use <b>${MATCH_START}tags${MATCH_END}</b> & entities; the ${MATCH_START}incident${MATCH_END} stays plain text.`,
    );
  });
});

import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/harness/app.ts';
import { describeEachDialect } from '../../../../test/harness/databases.ts';
import {
  basicAuth,
  createCollection,
  createTestOrg,
  indicator,
  postEnvelope,
  TAXII,
  type TestOrg,
} from '../test-support.ts';

/**
 * The fuzz corpus in test/fixtures/taxii-fuzz (malformed TAXII requests and malformed STIX objects), then
 * seeded random mutations of envelopes and query strings. Requests go over real HTTP with their paths as
 * written, so dot segments and encoded slashes reach the server as an attacker would send them. Nothing
 * may answer 5xx.
 */

interface Case {
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
  bodyBase64?: string;
  expect: 'taxii-error' | '4xx' | 'not-5xx';
  anonymous?: boolean;
}

const FIXTURES = new URL('../../../../test/fixtures/taxii-fuzz/', import.meta.url);
const REQUESTS = JSON.parse(readFileSync(new URL('requests.json', FIXTURES), 'utf8')) as { cases: Case[] };
const STIX = JSON.parse(readFileSync(new URL('stix-objects.json', FIXTURES), 'utf8')) as {
  objects: { why: string; object: unknown; nestedDepth?: number; base?: Record<string, unknown> }[];
};

/**
 * The envelope of one corpus object as text. Deep nesting is written out here (the corpus names the depth),
 * as text, because JSON.stringify itself cannot serialise it.
 */
function envelopeOf(entry: (typeof STIX.objects)[number]): string {
  if (entry.nestedDepth === undefined) return JSON.stringify({ objects: [entry.object] });
  const nested = `${'['.repeat(entry.nestedDepth)}${']'.repeat(entry.nestedDepth)}`;
  return `{"objects":[${JSON.stringify(entry.base).slice(0, -1)},"x_nested":${nested}}]}`;
}
const MAX_CONTENT_LENGTH = 65_536;

interface Answer {
  status: number;
  contentType: string;
  body: string;
}

/** A request sent as written: Node's client does not normalise the path. */
function send(
  port: number,
  options: {
    method: string;
    path: string;
    headers: Record<string, string>;
    body?: Buffer;
    chunked?: boolean;
  },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, method: options.method, path: options.path, headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            contentType: String(response.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    request.on('error', reject);
    if (options.body && options.chunked) {
      // Without Content-Length: the limit must hold while the body streams in.
      for (let i = 0; i < options.body.length; i += 8192) request.write(options.body.subarray(i, i + 8192));
    } else if (options.body) {
      request.setHeader('content-length', options.body.length);
      request.write(options.body);
    }
    request.end();
  });
}

/** A small deterministic generator, so a failure can be replayed. */
function mulberry32(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describeEachDialect('TAXII fuzz corpus: 4xx, never 5xx', (dialect) => {
  let t: TestApp;
  let port: number;
  let writer: TestOrg;
  let collection: string;
  let objectId: string;
  let statusId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect, { UPLOAD_LIMIT_BYTES: String(MAX_CONTENT_LENGTH) });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
    writer = await createTestOrg(t);
    collection = await createCollection(t.database.db, { ownerOrgId: writer.orgId });
    const seed = indicator();
    objectId = seed.id as string;
    const posted = await postEnvelope(t, writer.member.token, collection, [seed]);
    statusId = posted.json().id;
  });
  afterAll(() => t.close());

  const fill = (text: string) =>
    text
      .replaceAll('{collection}', collection)
      .replaceAll('{object}', objectId)
      .replaceAll('{status}', statusId);
  const countObjects = async () =>
    Number(
      (
        await t.database.db
          .selectFrom('sharing_objects')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('collection_id', '=', collection)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('answers every request of the corpus as it expects', async () => {
    expect(REQUESTS.cases.length).toBeGreaterThan(200);
    const failures: string[] = [];
    for (const testCase of REQUESTS.cases) {
      const headers: Record<string, string> = {
        accept: TAXII,
        ...(testCase.anonymous ? {} : { authorization: basicAuth(writer.member.token) }),
        ...(testCase.headers ?? {}),
      };
      const body =
        testCase.bodyBase64 !== undefined
          ? Buffer.from(testCase.bodyBase64, 'base64')
          : testCase.body !== undefined
            ? Buffer.from(fill(testCase.body))
            : undefined;
      const answer = await send(port, {
        method: testCase.method,
        path: fill(testCase.path),
        headers,
        ...(body ? { body } : {}),
      });
      const label = `${testCase.name} -> ${answer.status} ${answer.body.slice(0, 120)}`;
      if (answer.status >= 500) failures.push(label);
      else if (testCase.expect !== 'not-5xx' && (answer.status < 400 || answer.status >= 500))
        failures.push(label);
      else if (testCase.expect === 'taxii-error') {
        if (answer.contentType !== TAXII) failures.push(`${label} (content type ${answer.contentType})`);
        else {
          const error = JSON.parse(answer.body) as { title?: unknown; http_status?: unknown };
          if (typeof error.title !== 'string' || error.http_status !== String(answer.status))
            failures.push(`${label} (not a TAXII error)`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('refuses every malformed STIX object of the corpus and stores none of them', async () => {
    const before = await countObjects();
    const accepted: string[] = [];
    for (const entry of STIX.objects) {
      const { why } = entry;
      const response = await t.app.inject({
        method: 'POST',
        url: `/taxii2/api/collections/${collection}/objects/`,
        headers: { accept: TAXII, 'content-type': TAXII, authorization: basicAuth(writer.member.token) },
        payload: envelopeOf(entry),
      });
      const status = response.statusCode === 202 ? response.json() : null;
      if (status?.failure_count !== 1 || status.success_count !== 0) {
        accepted.push(`${why} -> ${response.statusCode} ${response.body.slice(0, 160)}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(await countObjects()).toBe(before);
  });

  it('refuses bodies over max_content_length with 413, declared or streamed', async () => {
    const url = `/taxii2/api/collections/${collection}/objects/`;
    const headers = { accept: TAXII, 'content-type': TAXII, authorization: basicAuth(writer.member.token) };
    const huge = Buffer.from(`{"objects": [${JSON.stringify('x'.repeat(MAX_CONTENT_LENGTH))}]}`);
    for (const chunked of [false, true]) {
      const answer = await send(port, { method: 'POST', path: url, headers, body: huge, chunked });
      expect(answer.status, `chunked ${chunked}`).toBe(413);
      expect(answer.contentType).toBe(TAXII);
    }
    const tenMegabytes = Buffer.alloc(10 * 1024 * 1024, 'a');
    expect(
      (await send(port, { method: 'POST', path: url, headers, body: tenMegabytes, chunked: true })).status,
    ).toBe(413);
  });

  it('survives seeded mutations of envelopes and query strings', async () => {
    const random = mulberry32(dialect === 'sqlite' ? 20261124 : 20261125);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const valid = JSON.stringify({
      objects: [indicator({ tlp: 'TLP:AMBER' }), indicator(), { type: 'identity', spec_version: '2.1' }],
    });
    const alphabet = [
      '{',
      '}',
      '[',
      ']',
      '"',
      ',',
      ':',
      '\\',
      'u',
      '0',
      '-',
      'Z',
      'T',
      ' ',
      '\u0000',
      '\u00e9',
      'null',
      '1e999',
    ];
    const failures: string[] = [];
    for (let round = 0; round < 250; round++) {
      let body = valid;
      for (let edits = 1 + Math.floor(random() * 4); edits > 0; edits--) {
        const at = Math.floor(random() * body.length);
        const kind = random();
        if (kind < 0.35) body = body.slice(0, at) + body.slice(at + 1 + Math.floor(random() * 12));
        else if (kind < 0.7) body = body.slice(0, at) + pick(alphabet) + body.slice(at);
        else body = body.slice(0, at) + body.slice(at, at + 40) + body.slice(at);
      }
      const answer = await send(port, {
        method: 'POST',
        path: `/taxii2/api/collections/${collection}/objects/`,
        headers: { accept: TAXII, 'content-type': TAXII, authorization: basicAuth(writer.member.token) },
        body: Buffer.from(body),
      });
      if (answer.status >= 500 || (answer.status !== 202 && answer.status < 400)) {
        failures.push(`body ${JSON.stringify(body).slice(0, 200)} -> ${answer.status}`);
      }
    }
    const keys = [
      'added_after',
      'limit',
      'next',
      'match[id]',
      'match[type]',
      'match[version]',
      'match[spec_version]',
      'match[x]',
    ];
    const values = [
      '',
      'last',
      'first',
      'all',
      '2026-01-01T00:00:00Z',
      '2026-01-01T00:00:00.123456789Z',
      '0',
      '1',
      '5001',
      '-1',
      'indicator',
      objectId,
      'n1.AAAA',
      '%00',
      '%',
      '%E2%80',
      ',',
      '2.1',
      'a'.repeat(300),
    ];
    const paths = [
      `/collections/${collection}/objects/`,
      `/collections/${collection}/manifest/`,
      `/collections/${collection}/objects/${objectId}/`,
      `/collections/${collection}/objects/${objectId}/versions/`,
    ];
    for (let round = 0; round < 250; round++) {
      const parts = Array.from(
        { length: 1 + Math.floor(random() * 4) },
        () => `${pick(keys)}=${pick(values)}`,
      );
      const path = `/taxii2/api${pick(paths)}?${parts.join('&')}`;
      const answer = await send(port, {
        method: 'GET',
        path,
        headers: { accept: TAXII, authorization: basicAuth(writer.member.token) },
      });
      if (answer.status >= 500 || (answer.status !== 200 && (answer.status < 400 || answer.status >= 500))) {
        failures.push(`${path} -> ${answer.status} ${answer.body.slice(0, 120)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});

import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, createOrganization, createUser } from './factories.ts';
import { type Client, createTestApp, signIn, type TestApp } from './harness/app.ts';
import { describeEachDialect } from './harness/databases.ts';

interface Operation {
  method: string;
  path: string;
  bodySchema?: { properties?: Record<string, { type?: string | string[] }> };
  hasQuery: boolean;
}

type OpenApiDocument = {
  paths: Record<
    string,
    Record<
      string,
      { requestBody?: { content?: Record<string, { schema?: unknown }> }; parameters?: { in: string }[] }
    >
  >;
};

function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      operations.push({
        method: method.toUpperCase(),
        path,
        bodySchema: operation.requestBody?.content?.['application/json']?.schema as Operation['bodySchema'],
        hasQuery: (operation.parameters ?? []).some((p) => p.in === 'query'),
      });
    }
  }
  return operations;
}

/** Values of the wrong JSON type for each declared type. */
function wrongValueFor(type: string | string[] | undefined): unknown {
  const first = Array.isArray(type) ? type[0] : type;
  switch (first) {
    case 'string':
      return { nested: ['not', 'a', 'string'] };
    case 'integer':
    case 'number':
      return 'not a number';
    case 'boolean':
      return 'maybe';
    case 'array':
      return { not: 'an array' };
    default:
      return 12345;
  }
}

const ODD_IDS = [
  'does-not-exist',
  'org_00000000000000000000000000',
  '%E2%80%AE%00',
  'x'.repeat(300),
  "1' or '1'='1",
];

describeEachDialect('every route survives malformed requests', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let member: Client;
  let operations: Operation[];
  const failures: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect, { BODY_LIMIT_BYTES: '4096' });
    const platformAdmin = await createUser(t.database.db, { isPlatformAdmin: true });
    admin = await signIn(t.app, platformAdmin.email, { withTotp: true });
    const user = await createUser(t.database.db);
    const org = await createOrganization(t.database.db);
    await addMember(t.database.db, org.id, user.id, 'org_admin');
    member = await signIn(t.app, user.email);
    operations = operationsOf(t.app.swagger() as unknown as OpenApiDocument);
  });
  afterAll(() => t.close());

  async function check(
    label: string,
    send: () => Promise<{ statusCode: number; headers: Record<string, unknown>; body: string }>,
  ) {
    const response = await send();
    if (response.statusCode >= 500)
      failures.push(`${label} -> ${response.statusCode} ${response.body.slice(0, 200)}`);
    if (
      response.statusCode >= 400 &&
      !String(response.headers['content-type']).includes('application/problem+json')
    ) {
      failures.push(`${label} -> ${response.statusCode} without problem+json`);
    }
  }

  it('covers the documented API', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it('answers 4xx problem details, never 5xx', async () => {
    const clients: [string, (o: Parameters<Client['request']>[0]) => ReturnType<Client['request']>][] = [
      ['anonymous', (o) => t.app.inject(o)],
      ['member', (o) => member.request(o)],
      ['admin', (o) => admin.request(o)],
    ];
    for (const { method, path, bodySchema, hasQuery } of operations) {
      const hasBody = method !== 'GET' && method !== 'DELETE' && method !== 'HEAD';
      for (const oddId of ODD_IDS) {
        const url = path.replace(/\{[^}]+\}/g, oddId);
        for (const [who, send] of clients) {
          await check(`${who} ${method} ${url} (no body)`, () => send({ method: method as 'GET', url }));
          if (hasQuery) {
            await check(`${who} ${method} ${url}?bad query`, () =>
              send({ method: method as 'GET', url: `${url}?limit=abc&cursor=%%%&unknown=1&limit=-5` }),
            );
          }
          if (!hasBody) continue;
          const headers = { 'content-type': 'application/json' };
          await check(`${who} ${method} ${url} malformed JSON`, () =>
            send({ method: method as 'POST', url, headers, payload: '{"name": "unterminated' }),
          );
          await check(`${who} ${method} ${url} body is an array`, () =>
            send({ method: method as 'POST', url, headers, payload: '[1,2,3]' }),
          );
          await check(`${who} ${method} ${url} unknown fields`, () =>
            send({
              method: method as 'POST',
              url,
              payload: { unexpected: true, __proto__: { polluted: 1 }, constructor: 'x' },
            }),
          );
          await check(`${who} ${method} ${url} oversized`, () =>
            send({ method: method as 'POST', url, payload: { blob: 'x'.repeat(10_000) } }),
          );
          await check(`${who} ${method} ${url} wrong content type`, () =>
            send({ method: method as 'POST', url, headers: { 'content-type': 'text/xml' }, payload: '<a/>' }),
          );
          const properties = Object.entries(bodySchema?.properties ?? {});
          if (properties.length > 0) {
            const wrong = Object.fromEntries(
              properties.map(([name, schema]) => [name, wrongValueFor(schema.type)]),
            );
            await check(`${who} ${method} ${url} wrong types`, () =>
              send({ method: method as 'POST', url, payload: wrong }),
            );
            const withNul = Object.fromEntries(properties.map(([name]) => [name, 'a\u0000b']));
            await check(`${who} ${method} ${url} NUL characters`, () =>
              send({ method: method as 'POST', url, payload: withNul }),
            );
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 240_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness/app.ts';

describe('HTTP surface', () => {
  let t: TestApp;
  let https: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite');
    https = await createTestApp('sqlite', { PUBLIC_URL: 'https://commonground.example' });
  });
  afterAll(async () => {
    await t.close();
    await https.close();
  });

  it('sends a CSP without unsafe-inline that forbids framing, and HSTS only over https', async () => {
    const response = await t.app.inject({ url: '/api/v1/reference/tlp-labels' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['strict-transport-security']).toBeUndefined();
    const secure = await https.app.inject({ url: '/api/v1/reference/tlp-labels' });
    expect(secure.headers['strict-transport-security']).toContain('max-age=');
  });

  it('echoes a well-formed request id and makes one up otherwise', async () => {
    const echoed = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'abc-123' } });
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const replaced = await t.app.inject({ url: '/healthz', headers: { 'x-request-id': 'bad id <script>' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers health, readiness and Prometheus metrics', async () => {
    expect((await t.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ url: '/readyz' })).json()).toEqual({ status: 'ready', database: 'sqlite' });
    const metrics = await t.app.inject({ url: '/metrics' });
    expect(metrics.headers['content-type']).toContain('text/plain');
    expect(metrics.body).toContain('commonground_http_request_duration_seconds');
  });

  it('serves the OpenAPI 3.1 document generated from the routes, and the docs page', async () => {
    const document = (await t.app.inject({ url: '/api/v1/openapi.json' })).json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/organizations', '/api/v1/auth/login', '/api/v1/reference/countries']),
    );
    const docs = await t.app.inject({ url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('answers unknown API routes with a problem document', async () => {
    const response = await t.app.inject({ url: '/api/v1/nothing-here' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, code: 'not_found' });
  });

  it('limits request rates per client when configured', async () => {
    const limited = await createTestApp('sqlite', { RATE_LIMIT_PER_MINUTE: '3' });
    try {
      const statuses = [];
      for (let i = 0; i < 5; i++)
        statuses.push((await limited.app.inject({ url: '/api/v1/reference/tlp-labels' })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      const problem = await limited.app.inject({ url: '/api/v1/reference/tlp-labels' });
      expect(problem.json().code).toBe('rate_limited');
    } finally {
      await limited.close();
    }
  });
});

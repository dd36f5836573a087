import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp('sqlite');
});
afterAll(() => t.close());

it('the web client was generated from the current OpenAPI document (run npm run gen:client)', () => {
  const committed = JSON.parse(readFileSync(new URL('../web/src/api/openapi.json', import.meta.url), 'utf8'));
  expect(t.app.swagger()).toEqual(committed);
});

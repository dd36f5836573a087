import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { type Browser, chromium, type Page } from 'playwright-core';
import { describe, expect } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/core/db/database.ts';
import { createDeliveryWorker } from '../../src/core/delivery/worker.ts';
import { seedReference } from '../../src/core/reference/seed.ts';
import { seedModules } from '../../src/modules/index.ts';
import { migrateToLatest } from '../../src/schema.ts';
import { type SmtpCapture, startSmtpCapture } from '../fixtures/delivery-support.ts';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WEB_INDEX = new URL('../../web/dist/index.html', import.meta.url);

export function isBrowserAvailable(): boolean {
  return existsSync(CHROMIUM_PATH) && existsSync(WEB_INDEX);
}

/**
 * End-to-end suites need Chromium and the built web app. In CI their absence fails the run;
 * on a laptop the suite is skipped with a message saying why.
 */
export function describeInBrowser(title: string, suite: () => void): void {
  if (!isBrowserAvailable()) {
    const missing = !existsSync(CHROMIUM_PATH)
      ? `Chromium at ${CHROMIUM_PATH}`
      : 'the web build (npm run build:web)';
    if (process.env.CI) throw new Error(`End-to-end tests need ${missing}, which is missing in CI.`);
    console.warn(`[tests] ${title}: SKIPPED, ${missing} is missing.`);
  }
  describe.skipIf(!isBrowserAvailable())(title, suite);
}

export interface Stack {
  baseUrl: string;
  app: FastifyInstance;
  smtp: SmtpCapture;
  close(): Promise<void>;
}

/** The real server on a loopback port, with its delivery worker and a real SMTP server catching mail. */
export async function startStack(): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'cg-e2e-'));
  const smtp = await startSmtpCapture();
  const database = openDatabase(`sqlite:${join(dir, 'e2e.db')}`);
  await migrateToLatest(database);
  await seedReference(database.db);
  await seedModules(database.db, database.dialect);
  let worker: ReturnType<typeof createDeliveryWorker> | undefined;
  // The public URL is only known after listening; links in mail use it, so listen first on a fixed port.
  const probe = await import('node:net').then(
    (net) =>
      new Promise<number>((resolve) => {
        const server = net.createServer().listen(0, '127.0.0.1', () => {
          const port = (server.address() as { port: number }).port;
          server.close(() => resolve(port));
        });
      }),
  );
  const baseUrl = `http://127.0.0.1:${probe}`;
  const config = loadConfig({
    PORT: String(probe),
    PUBLIC_URL: baseUrl,
    DATA_DIR: dir,
    SMTP_URL: smtp.url,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const app = await buildApp({
    config,
    database,
    delivery: { wake: () => worker?.wake() },
    logger: pino({ level: 'silent' }),
  });
  worker = createDeliveryWorker(app.ctx, { pollIntervalMs: 200 });
  worker.start();
  await app.listen({ port: probe, host: '127.0.0.1' });
  return {
    baseUrl,
    app,
    smtp,
    async close() {
      await app.close();
      await worker?.stop();
      await database.close();
      await smtp.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-quic',
      '--disable-sync',
    ],
  });
}

/** Waits for a mail to `to` whose text matches, and returns its decoded text. */
export async function waitForMail(
  smtp: SmtpCapture,
  to: string,
  pattern: RegExp,
  timeoutMs = 10_000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const mail of smtp.mails) {
      const text = decodeMail(mail.raw);
      if (text.toLowerCase().includes(to.toLowerCase()) && pattern.test(text)) return text;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail to ${to} matching ${pattern} within ${timeoutMs} ms`);
}

/** Undoes quoted-printable soft breaks and escapes, enough to read links out of a text part. */
export function decodeMail(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page and returns the serious and critical violations (the page's CSP stays on). */
export async function findSeriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // biome-ignore lint/suspicious/noExplicitAny: axe is injected into the page at run time
    const result = await (window as any).axe.run(document, { resultTypes: ['violations'] });
    return result.violations as AxeViolation[];
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Fails with a readable list (rule, help, where) when the page has serious or critical axe-core violations. */
export async function expectNoSeriousA11yViolations(page: Page, where: string): Promise<void> {
  const violations = await findSeriousA11yViolations(page);
  expect(
    violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`),
    where,
  ).toEqual([]);
}

import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import * as openpgp from 'openpgp';
import pino from 'pino';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/core/db/database.ts';
import { seedReference } from '../../src/core/reference/seed.ts';
import { seedModules } from '../../src/modules/index.ts';
import { migrateToLatest } from '../../src/schema.ts';
import { createOrganization } from '../factories.ts';
import { generateRecipientKey, type RecipientKey } from '../fixtures/openpgp.ts';
import { signIn } from '../harness/app.ts';
import { createMember, signInInBrowser } from './accounts.ts';
import { describeInBrowser, expectNoSeriousA11yViolations, launchBrowser } from './harness.ts';

const SHOTS = '/tmp/e2e-disclosure-intake';

// Words that appear only in the report's fields and its attachment, so finding them in the database is a leak.
const TITLE = 'Authentication bypass in the grid gateway console quokkaverde';
const DESCRIPTION = 'The console accepts any session cookie whose signature field is empty.';
const ATTACHMENT = { name: 'bypass-poc.py', text: 'print("quokkaverde proof of concept")\n' };
const REPLY = 'It also works on firmware 2.3 quokkaverde.';

interface LoggedStack {
  baseUrl: string;
  app: FastifyInstance;
  /** Every line the server logged, at info level, as production logs them. */
  logLines: string[];
  close(): Promise<void>;
}

/**
 * The real server on a loopback port, like the e2e harness's, but logging requests at info level into
 * memory, so the test can show that the reporter's secret never reaches the logs.
 */
async function startLoggedStack(): Promise<LoggedStack> {
  const dir = mkdtempSync(join(tmpdir(), 'cg-e2e-intake-'));
  const database = openDatabase(`sqlite:${join(dir, 'e2e.db')}`);
  await migrateToLatest(database);
  await seedReference(database.db);
  await seedModules(database.db, database.dialect);
  const port = await new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = server.address() as { port: number };
      server.close(() => resolve(free));
    });
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    PORT: String(port),
    PUBLIC_URL: baseUrl,
    DATA_DIR: dir,
    LOG_LEVEL: 'info',
    RATE_LIMIT_PER_MINUTE: '0',
  });
  const logLines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  // The production logger's options (src/app.ts createLogger), writing to memory instead of stdout.
  const logger = pino(
    {
      level: 'info',
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
    },
    sink,
  );
  const app = await buildApp({ config, database, logger });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    baseUrl,
    app,
    logLines,
    async close() {
      await app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function decryptArmored(armoredMessage: string, key: RecipientKey): Promise<string> {
  const { data } = await openpgp.decrypt({
    message: await openpgp.readMessage({ armoredMessage }),
    decryptionKeys: await openpgp.readPrivateKey({ armoredKey: key.privateArmored }),
  });
  return data;
}

describeInBrowser('vulnerability report intake, in Chromium', () => {
  let stack: LoggedStack;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await startLoggedStack();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  const newContext = async (language: 'en' | 'ar' = 'en'): Promise<BrowserContext> => {
    const context = await browser.newContext({ locale: language === 'ar' ? 'ar' : 'en-GB' });
    context.setDefaultTimeout(15_000);
    await context.addInitScript(
      (code) => window.localStorage.setItem('commonground.language', code),
      language,
    );
    return context;
  };

  it('takes an encrypted report from an anonymous researcher to the program, and a reply back', async () => {
    const db = stack.app.ctx.db;
    const ministry = await createOrganization(db, {
      name: 'Ministry of Energy of Kenya',
      kind: 'state',
      countryCode: 'KE',
    });
    const admin = await createMember(db, ministry.id, 'org_admin');
    const key = await generateRecipientKey('psirt@energy.example');
    const groupedFingerprint = key.fingerprint.match(/.{4}/g)!.join(' ');

    // 1. The ministry's admin publishes a program through the editor, the key read from a file.
    const adminContext = await newContext();
    const adminPage = await signInInBrowser(stack.baseUrl, adminContext, admin.email, false);
    await adminPage.goto(`${stack.baseUrl}/disclose`);
    await adminPage.getByRole('link', { name: 'Publish a program' }).click();
    await adminPage.getByRole('heading', { name: 'New disclosure program', level: 1 }).waitFor();
    await expect.poll(() => adminPage.getByLabel('Organization').inputValue()).toBe(ministry.id);
    await adminPage.getByLabel('Program name').fill('Grid and SCADA vulnerability disclosure');
    await adminPage.getByLabel('In scope').fill('*.energy.go.ke\nGrid SCADA gateways (model X-100)');
    await adminPage.getByLabel('Out of scope').fill('Denial of service');
    await adminPage.getByLabel('Full safe harbour').check();
    await adminPage.getByLabel('90 days').check();
    await adminPage.getByLabel('Or choose the key file (.asc)').setInputFiles({
      name: 'psirt.asc',
      mimeType: 'application/pgp-keys',
      buffer: Buffer.from(key.publicArmored),
    });
    await expect
      .poll(() => adminPage.getByLabel('Public key').inputValue())
      .toContain('BEGIN PGP PUBLIC KEY BLOCK');
    await shot(adminPage, '01-editor');
    await adminPage.getByRole('button', { name: 'Publish', exact: true }).click();
    await adminPage.waitForURL(/\/disclose\/vdp_[0-9a-z]+$/);
    const programId = new URL(adminPage.url()).pathname.split('/').pop()!;
    await adminPage
      .getByRole('heading', { name: 'Grid and SCADA vulnerability disclosure', level: 1 })
      .waitFor();
    await expect
      .poll(() => adminPage.locator('.cg-vdp-fingerprint').first().textContent())
      .toBe(groupedFingerprint);
    await adminPage.getByRole('link', { name: 'security.txt for your website' }).waitFor();
    const program = await db
      .selectFrom('disclosure_programs')
      .select(['status', 'openpgp_fingerprint', 'safe_harbor', 'disclosure_days'])
      .where('id', '=', programId)
      .executeTakeFirstOrThrow();
    expect(program).toEqual({
      status: 'published',
      openpgp_fingerprint: key.fingerprint,
      safe_harbor: 'full',
      disclosure_days: 90,
    });

    // 2. A researcher without an account reads the policy on the program's public page.
    const researcher = await newContext();
    const page = await researcher.newPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    // The scripts the page ran, to tell whether the OpenPGP library (which names itself "OpenPGP.js") came.
    const scripts: Promise<string>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.text().catch(() => ''));
    });
    const hasLoadedOpenpgp = async () =>
      (await Promise.all(scripts)).some((text) => text.includes('OpenPGP.js'));
    await page.goto(`${stack.baseUrl}/disclose/${programId}`);
    await page.getByRole('heading', { name: 'Grid and SCADA vulnerability disclosure', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Safe harbour', level: 3 }).waitFor();
    await page.getByText('we consider your research authorized', { exact: false }).waitFor();
    expect(await page.locator('.cg-policy-text').textContent()).toContain(
      'Grid SCADA gateways (model X-100)',
    );
    await expectNoSeriousA11yViolations(page, 'program page');
    await shot(page, '02-program');
    // Nothing of OpenPGP is downloaded to read a program.
    expect(await hasLoadedOpenpgp()).toBe(false);

    // 3. It writes a report with an attachment; encryption is on by default, next to the key's fingerprint.
    await page.getByRole('link', { name: 'Report a vulnerability' }).click();
    await page.getByRole('heading', { name: 'Report a vulnerability', level: 1 }).waitFor();
    const encrypt = page.getByLabel('Encrypt in my browser before sending');
    expect(await encrypt.isChecked()).toBe(true);
    expect(await page.locator('.cg-vdp-encryption .cg-vdp-fingerprint').textContent()).toBe(
      groupedFingerprint,
    );
    await page.getByLabel('Title', { exact: true }).fill(TITLE);
    await page.getByLabel('Affected product or system').fill('SCADA gateway X-100');
    await page.getByLabel('Description', { exact: true }).fill(DESCRIPTION);
    await page.getByLabel('Yes', { exact: true }).first().check();
    await page.getByLabel('Attachments').setInputFiles({
      name: ATTACHMENT.name,
      mimeType: 'text/x-python',
      buffer: Buffer.from(ATTACHMENT.text),
    });
    await page.locator('.cg-vdp-file-name', { hasText: ATTACHMENT.name }).waitFor();
    await expectNoSeriousA11yViolations(page, 'report form');
    await shot(page, '03-form');
    const sendButton = page.getByRole('button', { name: 'Encrypt and send the report' });
    await sendButton.click();
    await page.getByRole('heading', { name: 'Save this link now' }).waitFor();
    await shot(page, '04-sent');
    const link = (await page.locator('.cg-vdp-secret code').textContent()) ?? '';
    const match = /^(.+)\/reports\/track#token=(vr_[0-9a-z]{26})\.([A-Za-z0-9_-]{43})$/.exec(link);
    expect(match, link).not.toBeNull();
    const [, origin, reportId, secret] = match as unknown as [string, string, string, string];
    expect(origin).toBe(stack.baseUrl);
    expect(await page.getByText(reportId, { exact: true }).count()).toBeGreaterThan(0);
    // The link lives in the page's state only: neither the address bar nor the history entry has it.
    expect(page.url()).toBe(`${stack.baseUrl}/disclose/${programId}/report`);
    expect(await page.evaluate(() => JSON.stringify(window.history.state))).not.toContain(secret);
    // The library came only for the form that encrypts.
    expect(await hasLoadedOpenpgp()).toBe(true);

    // 4. The server holds only ciphertext, encrypted to the program's key, the title and the file included.
    const rows = await db
      .selectFrom('vulnerability_reports')
      .selectAll()
      .where('program_id', '=', programId)
      .execute();
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row.id).toBe(reportId);
    expect(row.is_encrypted).toBe(1);
    expect(row.content).toBeNull();
    expect(row.title).toBeNull();
    expect(row.ciphertext).toMatch(/^-----BEGIN PGP MESSAGE-----/);
    expect(row.ciphertext).not.toContain('quokkaverde');
    const content = JSON.parse(await decryptArmored(row.ciphertext!, key));
    expect(content).toMatchObject({
      title: TITLE,
      product: 'SCADA gateway X-100',
      description: DESCRIPTION,
      exploitation: 'yes',
      publicity: 'unknown',
    });
    const files = await db
      .selectFrom('vulnerability_report_attachments')
      .selectAll()
      .where('report_id', '=', reportId)
      .execute();
    expect(files.map((file) => [file.file_name, file.media_type, file.message_id])).toEqual([
      ['attachment-1.pgp', 'application/pgp-encrypted', null],
    ]);
    expect(Buffer.from(files[0]!.data).toString('latin1')).not.toContain('quokkaverde');
    const opened = await openpgp.decrypt({
      message: await openpgp.readMessage({ binaryMessage: new Uint8Array(files[0]!.data) }),
      decryptionKeys: await openpgp.readPrivateKey({ armoredKey: key.privateArmored }),
      format: 'binary',
    });
    expect(Buffer.from(opened.data).toString('utf8')).toBe(ATTACHMENT.text);
    // The real name travels inside the encrypted data, for the program only.
    expect(opened.filename).toBe(ATTACHMENT.name);

    // 5. In a fresh browser, the secret link opens the report; the address bar drops the secret at once.
    const later = await newContext();
    const trackPage = await later.newPage();
    const trackRequests: { url: string; referer: string | undefined }[] = [];
    trackPage.on('request', (request) =>
      trackRequests.push({ url: request.url(), referer: request.headers().referer }),
    );
    await trackPage.goto(link);
    await trackPage.getByRole('heading', { name: 'Your vulnerability report', level: 1 }).waitFor();
    await trackPage.locator('.cg-page-header-meta').getByText('Received', { exact: true }).waitFor();
    const href = await trackPage.evaluate(() => window.location.href);
    expect(href).toBe(`${stack.baseUrl}/reports/track`);
    expect(href).not.toContain('#token=');
    await trackPage.getByText('You sent this report encrypted').waitFor();
    // The attachment downloads through the page (the secret goes in a header), as the bytes the server holds.
    const [download] = await Promise.all([
      trackPage.waitForEvent('download'),
      trackPage.getByRole('button', { name: 'Download attachment-1.pgp' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('attachment-1.pgp');
    const downloadedPath = await download.path();
    expect(Buffer.compare(readFileSync(downloadedPath), Buffer.from(files[0]!.data))).toBe(0);
    await expectNoSeriousA11yViolations(trackPage, 'tracking page');
    await shot(trackPage, '05-track');

    // 6. It replies; the reply is encrypted to the program's key too.
    expect(await trackPage.getByLabel("Encrypt my message to the program's key").isChecked()).toBe(true);
    await trackPage.getByLabel('Message', { exact: true }).fill(REPLY);
    await trackPage.getByRole('button', { name: 'Encrypt and send' }).click();
    await trackPage.getByText('Your message was sent.').waitFor();
    await trackPage.getByText('You sent this message encrypted: only the program can read it.').waitFor();
    await shot(trackPage, '06-replied');
    // A reload keeps the report open: the token stays in this tab's session storage.
    await trackPage.reload();
    await trackPage.locator('.cg-page-header-meta').getByText('Received', { exact: true }).waitFor();
    expect(trackPage.url()).toBe(`${stack.baseUrl}/reports/track`);

    // 7. The program's side: its admin reads the reply through the API and decrypts it with the private key.
    const coordinator = await signIn(stack.app, admin.email);
    const report = await coordinator.request({
      method: 'GET',
      url: `/api/v1/vulnerability-reports/${reportId}`,
    });
    expect(report.statusCode, report.body).toBe(200);
    const body = report.json() as {
      viewerRole: string;
      isEncrypted: boolean;
      messages: { authorRole: string; isEncrypted: boolean; body: string }[];
    };
    expect(body.viewerRole).toBe('coordinator');
    expect(body.isEncrypted).toBe(true);
    expect(body.messages).toHaveLength(1);
    expect(body.messages[0]).toMatchObject({ authorRole: 'reporter', isEncrypted: true });
    expect(await decryptArmored(body.messages[0]!.body, key)).toBe(REPLY);

    // 8. The secret went to the server only in the X-Reporter-Token header: never in a URL, a Referer or a log.
    for (const request of [...requested, ...trackRequests.map((r) => r.url)])
      expect(request).not.toContain(secret);
    for (const request of trackRequests) expect(request.referer ?? '').not.toContain(secret);
    const reportLogLines = stack.logLines.filter((line) =>
      line.includes(`/api/v1/vulnerability-reports/${reportId}`),
    );
    expect(reportLogLines.length).toBeGreaterThan(0);
    expect(stack.logLines.filter((line) => line.includes(secret))).toEqual([]);

    // 9. The same pages in Arabic, right to left.
    const arabic = await newContext('ar');
    const arabicPage = await arabic.newPage();
    await arabicPage.goto(`${stack.baseUrl}/disclose/${programId}`);
    await arabicPage.getByRole('heading', { name: 'سياسة الإفصاح', level: 2 }).waitFor();
    expect(await arabicPage.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await shot(arabicPage, '07-program-ar');
    await arabicPage.getByRole('link', { name: 'الإبلاغ عن ثغرة' }).first().click();
    await arabicPage.getByRole('heading', { name: 'الإبلاغ عن ثغرة', level: 1 }).waitFor();
    await expectNoSeriousA11yViolations(arabicPage, 'report form in Arabic');
    await shot(arabicPage, '08-form-ar');
    await arabicPage.goto(link);
    await arabicPage.getByRole('heading', { name: 'بلاغك عن الثغرة', level: 1 }).waitFor();
    await arabicPage.getByText('أرسلت هذه الرسالة مشفّرة', { exact: false }).waitFor();
    await shot(arabicPage, '09-track-ar');
  }, 120_000);

  it('explains a link that does not open a report, and opens one pasted into the form', async () => {
    const db = stack.app.ctx.db;
    const cert = await createOrganization(db, { name: 'National CERT', kind: 'cert', countryCode: 'GH' });
    const admin = await createMember(db, cert.id, 'org_admin');
    const adminApi = await signIn(stack.app, admin.email);
    const created = await adminApi.request({
      method: 'POST',
      url: '/api/v1/disclosure-programs',
      payload: {
        orgId: cert.id,
        name: 'CERT intake',
        scopeIn: ['cert.example'],
        scopeOut: [],
        safeHarbor: 'partial',
        disclosurePolicy: 'coordinated',
        disclosureDays: 45,
        acknowledgeDays: 2,
        triageDays: 7,
        resolveDays: 60,
        languages: ['en', 'fr'],
        acceptsAnonymous: true,
        offersCredit: false,
        openpgpKey: null,
        publish: true,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const programId = (created.json() as { id: string }).id;

    // A program without a key: the form sends in clear, and never downloads OpenPGP.
    const context = await newContext();
    const page = await context.newPage();
    const scripts: Promise<string>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(response.text().catch(() => ''));
    });
    await page.goto(`${stack.baseUrl}/disclose/${programId}/report`);
    await page.getByRole('heading', { name: 'Report a vulnerability', level: 1 }).waitFor();
    expect(await page.getByLabel('Encrypt in my browser before sending').count()).toBe(0);
    await page.getByLabel('Title', { exact: true }).fill('Open redirect on cert.example');
    await page.getByLabel('Affected product or system').fill('cert.example');
    await page.getByLabel('Description', { exact: true }).fill('The next parameter is not checked.');
    await page.getByRole('button', { name: 'Send the report' }).click();
    await page.getByRole('heading', { name: 'Save this link now' }).waitFor();
    const link = (await page.locator('.cg-vdp-secret code').textContent()) ?? '';
    expect((await Promise.all(scripts)).some((text) => text.includes('OpenPGP.js'))).toBe(false);
    const rows = await db
      .selectFrom('vulnerability_reports')
      .select(['is_encrypted', 'title', 'ciphertext'])
      .where('program_id', '=', programId)
      .execute();
    expect(rows).toEqual([{ is_encrypted: 0, title: 'Open redirect on cert.example', ciphertext: null }]);

    // A cut-off link is explained; the whole link pasted into the form opens the report.
    const tracker = await (await newContext()).newPage();
    await tracker.goto(link.slice(0, -5));
    await tracker.getByText('This link does not open a report').waitFor();
    await shot(tracker, '10-track-invalid');
    await tracker.getByLabel('Your secret link').fill(`  ${link}\n`);
    await tracker.getByRole('button', { name: 'Open the report' }).click();
    await tracker.getByRole('heading', { name: 'Open redirect on cert.example', level: 2 }).waitFor();
    await tracker.getByText('The next parameter is not checked.').waitFor();
    expect(tracker.url()).toBe(`${stack.baseUrl}/reports/track`);
  }, 60_000);
});

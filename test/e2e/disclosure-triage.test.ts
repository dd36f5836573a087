import { mkdirSync } from 'node:fs';
import * as openpgp from 'openpgp';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { programBody, reportContent } from '../../src/modules/disclosure/test-support.ts';
import { createOrganization } from '../factories.ts';
import { generateRecipientKey } from '../fixtures/openpgp.ts';
import { signIn } from '../harness/app.ts';
import { createMember, signInInBrowser } from './accounts.ts';
import {
  describeInBrowser,
  expectNoSeriousA11yViolations,
  launchBrowser,
  type Stack,
  startStack,
} from './harness.ts';

const SHOTS = '/tmp/e2e-disclosure-triage';

// Words that appear nowhere but inside the encrypted report, so that finding them in clear is a leak.
const TITLE = 'Session fixation in the quartzheron admin console';
const PRODUCT = 'Acme RT-1000 firmware';
const DESCRIPTION = 'The session cookie set before login is kept after it: quartzheron fixation.';
const ATTACHMENT = { name: 'poc-session.txt', text: 'curl -b sid=quartzheron https://router/admin\n' };
const CVSS_V3 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const NOTE = 'Thank you: we reproduced the fixation and are preparing a fix.';
const RATIONALE = 'Unauthenticated remote takeover; several router vendors ship the same console.';

describeInBrowser('triage of an encrypted vulnerability report, in Chromium', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    stack = await startStack();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

  it('decrypts a report in the browser, scores it, records an SSVC decision and acknowledges it', async () => {
    const db = stack.app.ctx.db;

    // A vendor's security team publishes a program with an OpenPGP key; a researcher reports to it, encrypted.
    const vendor = await createOrganization(db, { name: 'Acme Routers PSIRT', kind: 'private_sector' });
    const admin = await createMember(db, vendor.id, 'org_admin');
    const coordinator = await createMember(db, vendor.id, 'member');
    const key = await generateRecipientKey('psirt@acme.example');
    const adminApi = await signIn(stack.app, admin.email);
    const created = await adminApi.request({
      method: 'POST',
      url: '/api/v1/disclosure-programs',
      payload: programBody(vendor.id, { openpgpKey: key.publicArmored }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const program = created.json() as { id: string };

    const publicKey = await openpgp.readKey({ armoredKey: key.publicArmored });
    const content = reportContent({ title: TITLE, product: PRODUCT, description: DESCRIPTION });
    const ciphertext = await openpgp.encrypt({
      message: await openpgp.createMessage({ text: JSON.stringify(content) }),
      encryptionKeys: publicKey,
    });
    const encryptedFile = await openpgp.encrypt({
      message: await openpgp.createMessage({
        binary: new TextEncoder().encode(ATTACHMENT.text),
        filename: ATTACHMENT.name,
      }),
      encryptionKeys: publicKey,
      format: 'binary',
    });
    const submitted = await stack.app.inject({
      method: 'POST',
      url: '/api/v1/vulnerability-reports',
      payload: {
        programId: program.id,
        ciphertext,
        credit: 'anonymous',
        attachments: [
          {
            fileName: 'attachment-1.pgp',
            mediaType: 'application/pgp-encrypted',
            contentBase64: Buffer.from(encryptedFile).toString('base64'),
          },
        ],
      },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const { id: reportId, reporterToken } = submitted.json() as { id: string; reporterToken: string };

    // 1. A coordinator of the program finds it in the queue, untitled since nobody has read it yet.
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris' });
    const sentBodies: string[] = [];
    context.on('request', (request) => sentBodies.push(`${request.url()} ${request.postData() ?? ''}`));
    const page = await signInInBrowser(stack.baseUrl, context, coordinator.email, false);
    await page.goto(`${stack.baseUrl}/disclosure/reports`);
    await page.getByRole('heading', { name: 'Vulnerability reports', level: 1 }).waitFor();
    const row = page.getByRole('row', { name: new RegExp(reportId) });
    await row.waitFor();
    expect(await row.textContent()).toContain('Encrypted report');
    expect(await row.textContent()).not.toContain('quartzheron');
    await expectNoSeriousA11yViolations(page, 'queue');
    await shot(page, '01-queue-en');

    // 2. It opens the report and decrypts it with the private key file, in the browser.
    await row.getByRole('link', { name: 'Encrypted report' }).click();
    await page.waitForURL(new RegExp(`/disclosure/reports/${reportId}$`));
    await page.getByRole('heading', { name: 'Encrypted report', level: 1 }).waitFor();
    await page.getByText('Your private key and its passphrase never leave this browser').waitFor();
    await page.getByLabel('Private key file').setInputFiles({
      name: 'psirt-private.asc',
      mimeType: 'application/pgp-keys',
      buffer: Buffer.from(key.privateArmored),
    });
    await page.getByRole('button', { name: 'Decrypt in this browser' }).click();
    await page.getByText('The report was decrypted in this browser.').waitFor();
    await page.getByText(DESCRIPTION).waitFor();
    await shot(page, '02-decrypted-en');

    // The encrypted attachment is decrypted in memory too, under the name stored inside it.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Decrypt and save/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(ATTACHMENT.name);
    const savedPath = await download.path();
    expect(await import('node:fs/promises').then((fs) => fs.readFile(savedPath, 'utf8'))).toBe(
      ATTACHMENT.text,
    );

    // 3. Title and product go into triage (stored in clear from then on), with CVSS 3.1 and a CWE id.
    await page.getByRole('button', { name: 'Copy title and product into triage' }).click();
    const titleField = page.getByLabel('Title', { exact: true });
    await expect.poll(() => titleField.inputValue()).toBe(TITLE);
    expect(await page.getByLabel('Product', { exact: true }).inputValue()).toBe(PRODUCT);
    await page.getByLabel('CVSS 3.1 vector').fill(CVSS_V3);
    const cvssResult = page.locator('.cg-triage-cvss-result').first();
    await cvssResult.getByText('Base score 9.8').waitFor();
    await cvssResult.getByText('Critical', { exact: true }).waitFor();
    await page.getByLabel('CWE ids').fill('CWE-287');
    await page.getByRole('button', { name: 'Save triage' }).click();
    await page.getByText('Improper Authentication').waitFor();
    await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();

    // 4. The SSVC triage decision: each answer with its definition, the outcome and its row live.
    const point = (name: RegExp) => page.getByRole('group', { name });
    await point(/^Report Public/)
      .getByLabel('No', { exact: true })
      .check();
    await point(/^Supplier Contacted/)
      .getByLabel('Yes', { exact: true })
      .check();
    await point(/^Report Credibility/)
      .getByLabel('Credible', { exact: true })
      .check();
    await point(/^Supplier Cardinality/)
      .getByLabel('Multiple', { exact: true })
      .check();
    await point(/^Supplier Engagement/)
      .getByLabel('Active', { exact: true })
      .check();
    // Utility is worked out from Automatable and Value Density, as CERT/CC's derivation table does.
    await point(/^Utility/)
      .getByLabel('Work this out from Automatable and Value Density')
      .check();
    await point(/^Automatable/)
      .getByLabel('Yes', { exact: true })
      .check();
    await point(/^Value Density/)
      .getByLabel('Concentrated', { exact: true })
      .check();
    await page.getByText('Utility: Super effective').waitFor();
    await point(/^Public Safety Impact/)
      .getByLabel('Significant', { exact: true })
      .check();
    const outcome = page.locator('.cg-triage-outcome');
    await outcome.getByText('Coordinate', { exact: true }).waitFor();

    // The table row the answers select is marked, in view inside its scrolling region.
    const selected = page.locator('.cg-triage-decision-table tr[aria-current="true"]');
    expect(await selected.count()).toBe(1);
    const cells = await selected.locator('td').allTextContents();
    expect(cells.slice(1)).toEqual([
      'No',
      'Yes',
      'Credible',
      'Multiple',
      'Active',
      'Super effective',
      'Significant',
      'CoordinateYour answers',
    ]);
    const region = await page.locator('.cg-triage-table-region').boundingBox();
    const rowBox = await selected.boundingBox();
    expect(region && rowBox).toBeTruthy();
    if (region && rowBox) {
      expect(rowBox.y).toBeGreaterThanOrEqual(region.y);
      expect(rowBox.y + rowBox.height).toBeLessThanOrEqual(region.y + region.height);
    }
    await page.getByLabel('Rationale').fill(RATIONALE);
    await shot(page, '03-ssvc-en');
    await page.getByRole('button', { name: 'Record decision' }).click();
    const history = page.getByRole('table', { name: 'Recorded decisions' });
    await history.getByText(RATIONALE).waitFor();
    expect(await history.getByText('Coordinate', { exact: true }).count()).toBe(1);

    const decisions = await db
      .selectFrom('disclosure_ssvc_decisions')
      .selectAll()
      .where('report_id', '=', reportId)
      .execute();
    expect(decisions).toHaveLength(1);
    expect(decisions[0]).toMatchObject({ kind: 'triage', outcome: 'C', rationale: RATIONALE });
    expect(JSON.parse(decisions[0]?.inputs ?? '{}')).toEqual({
      RP: 'N',
      SCON: 'Y',
      RC: 'C',
      SC: 'M',
      SE: 'A',
      U: 'S',
      PSI: 'S',
    });
    const stored = await db
      .selectFrom('vulnerability_reports')
      .select(['title', 'product', 'cvss_v3_score', 'cwe_ids', 'content', 'status'])
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      title: TITLE,
      product: PRODUCT,
      cvss_v3_score: 9.8,
      cwe_ids: '["CWE-287"]',
      content: null,
    });

    // 5. It acknowledges the report with a note to the reporter.
    await page.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Note to the reporter').fill(NOTE);
    await dialog.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.cg-triage-thread').getByText(NOTE).waitFor();
    await expectNoSeriousA11yViolations(page, 'report page');
    await shot(page, '04-acknowledged-en');

    // The reporter, holding only the secret link, sees the new status and the note.
    const asReporter = await stack.app.inject({
      method: 'GET',
      url: `/api/v1/vulnerability-reports/${reportId}`,
      headers: { 'x-reporter-token': reporterToken },
    });
    expect(asReporter.statusCode, asReporter.body).toBe(200);
    const seen = asReporter.json() as {
      status: string;
      viewerRole: string;
      triage: unknown;
      messages: { authorRole: string; body: string }[];
    };
    expect(seen.status).toBe('acknowledged');
    expect(seen.viewerRole).toBe('reporter');
    expect(seen.triage).toBeNull();
    expect(seen.messages).toContainEqual(expect.objectContaining({ authorRole: 'coordinator', body: NOTE }));

    // Nothing the browser sent carried the private key or the decrypted report.
    const keyBody = key.privateArmored.split('\n').find((line) => line.length > 60) ?? 'PRIVATE KEY';
    for (const body of sentBodies) {
      expect(body).not.toContain('PRIVATE KEY');
      expect(body).not.toContain(keyBody);
      expect(body).not.toContain(DESCRIPTION);
    }

    // 6. The same pages in Arabic, right to left.
    await page.locator('header select').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    await page.getByRole('heading', { name: 'قرارات SSVC' }).waitFor();
    await shot(page, '05-report-ar');
    await page.goto(`${stack.baseUrl}/disclosure/reports`);
    await page.getByRole('heading', { name: 'بلاغات الثغرات', level: 1 }).waitFor();
    await page
      .getByRole('row', { name: new RegExp(reportId) })
      .getByText('تنسيق')
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'queue in Arabic');
    await shot(page, '06-queue-ar');
  }, 120_000);
});

import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { validateCsaf } from '../../src/modules/disclosure/csaf/validate.ts';
import { programBody, reportContent } from '../../src/modules/disclosure/test-support.ts';
import { createOrganization } from '../factories.ts';
import { type Client, signIn } from '../harness/app.ts';
import { createMember, signInInBrowser } from './accounts.ts';
import {
  describeInBrowser,
  expectNoSeriousA11yViolations,
  launchBrowser,
  type Stack,
  startStack,
} from './harness.ts';

const SHOTS = '/tmp/e2e-disclosure-advisories';
const DAY = 86_400_000;

const CASE_TITLE = 'Authentication bypass in the RT-1000 admin interface';
const CASE_SUMMARY = 'A crafted cookie lets an attacker on the network skip the password check of /admin.';
const DETAILS = 'Firmware 2.3.0 to 2.4.1 accept a role cookie set by the client.';
const REMEDIATION = 'Update to firmware 2.4.2.';
const CVSS_V3 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const STATEMENT = 'Firmware 2.4.2 removes the role cookie entirely; we thank the researcher.';

async function expectOk(response: { statusCode: number; body: string }, status = 200) {
  expect(response.statusCode, response.body).toBe(status);
}

describeInBrowser(
  'advisories: drafted, reviewed by a second coordinator, published when the embargo exits',
  () => {
    let stack: Stack;
    let browser: Browser;
    const contexts: BrowserContext[] = [];

    beforeAll(async () => {
      mkdirSync(SHOTS, { recursive: true });
      stack = await startStack();
      browser = await launchBrowser();
    }, 60_000);
    afterAll(async () => {
      for (const context of contexts) await context.close();
      await browser?.close();
      await stack?.close();
    });

    const shot = (page: Page, name: string) =>
      page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
    async function newContext(locale = 'en-GB') {
      const context = await browser.newContext({ locale, timezoneId: 'Europe/Paris' });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      return context;
    }

    /**
     * A vendor's security team runs a program; a researcher reports to it with named credit; the team
     * triages (CVSS, CWE-287, an SSVC "Coordinate" decision) and opens a case with two vendors, one of which
     * fixes its product while the other never answers, under an active embargo.
     */
    async function seed() {
      const db = stack.app.ctx.db;
      const psirt = await createOrganization(db, { name: 'Acme Routers PSIRT', kind: 'private_sector' });
      const admin = await createMember(db, psirt.id, 'org_admin');
      const author = await createMember(db, psirt.id, 'member');
      const reviewer = await createMember(db, psirt.id, 'member');
      const adminApi = await signIn(stack.app, admin.email);
      const programResponse = await adminApi.request({
        method: 'POST',
        url: '/api/v1/disclosure-programs',
        payload: programBody(psirt.id),
      });
      await expectOk(programResponse, 201);
      const programId = (programResponse.json() as { id: string }).id;

      const reported = await stack.app.inject({
        method: 'POST',
        url: '/api/v1/vulnerability-reports',
        payload: {
          programId,
          content: reportContent(),
          credit: 'name',
          creditName: 'Ada Researcher',
        },
      });
      await expectOk(reported, 201);
      const reportId = (reported.json() as { id: string }).id;

      const coordinator: Client = await signIn(stack.app, author.email);
      await expectOk(
        await coordinator.request({
          method: 'PATCH',
          url: `/api/v1/vulnerability-reports/${reportId}`,
          payload: { cvssV3Vector: CVSS_V3, cweIds: ['CWE-287'] },
        }),
      );
      const table = (
        await stack.app.inject({ method: 'GET', url: '/api/v1/disclosure/ssvc/triage' })
      ).json() as {
        rows: { inputs: Record<string, string>; outcome: string }[];
      };
      const coordinateRow = table.rows.find((row) => row.outcome === 'C');
      expect(coordinateRow).toBeDefined();
      await expectOk(
        await coordinator.request({
          method: 'POST',
          url: `/api/v1/vulnerability-reports/${reportId}/ssvc-decisions`,
          payload: { kind: 'triage', inputs: coordinateRow?.inputs, rationale: 'Several vendors ship it.' },
        }),
        201,
      );
      const opened = await coordinator.request({
        method: 'POST',
        url: `/api/v1/vulnerability-reports/${reportId}/case`,
        payload: { title: CASE_TITLE, summary: CASE_SUMMARY, targetDays: 90 },
      });
      await expectOk(opened, 201);
      const caseId = (opened.json() as { id: string }).id;

      const invite = async (payload: Record<string, unknown>) => {
        const response = await coordinator.request({
          method: 'POST',
          url: `/api/v1/disclosure-cases/${caseId}/participants`,
          payload,
        });
        await expectOk(response, 201);
        return response.json() as { inviteUrl: string | null };
      };
      const fixer = await invite({
        role: 'vendor',
        name: 'Acme Firmware Team',
        email: 'fw@acme.example',
        products: [{ product: 'RT-1000', version: '2.4.1' }],
      });
      await invite({
        role: 'vendor',
        name: 'Silent Modem Co',
        email: 'nobody@silent.example',
        products: [{ product: 'M-1', version: '3' }],
      });
      const vendorToken =
        new URLSearchParams(new URL(fixer.inviteUrl ?? '').hash.slice(1)).get('token') ?? '';
      const vendorView = (
        await stack.app.inject({
          method: 'GET',
          url: `/api/v1/disclosure-cases/${caseId}`,
          headers: { 'x-participant-token': vendorToken },
        })
      ).json() as { participants: { name: string; products: { id: string }[] | null }[] };
      const productId = vendorView.participants.find((p) => p.name === 'Acme Firmware Team')?.products?.[0]
        ?.id;
      await expectOk(
        await stack.app.inject({
          method: 'PUT',
          url: `/api/v1/disclosure-cases/${caseId}/products/${productId}/status`,
          headers: { 'x-participant-token': vendorToken },
          payload: { status: 'fixed', remediation: REMEDIATION },
        }),
      );
      const stated = await stack.app.inject({
        method: 'POST',
        url: `/api/v1/disclosure-cases/${caseId}/statements`,
        headers: { 'x-participant-token': vendorToken },
        payload: { body: STATEMENT },
      });
      await expectOk(stated, 201);
      const statementId = (
        stated.json() as { participants: { name: string; statements: { id: string }[] | null }[] }
      ).participants.find((p) => p.name === 'Acme Firmware Team')?.statements?.[0]?.id;
      await expectOk(
        await coordinator.request({
          method: 'POST',
          url: `/api/v1/disclosure-cases/${caseId}/statements/${statementId}/review`,
          payload: { decision: 'approve' },
        }),
      );
      await expectOk(
        await coordinator.request({
          method: 'POST',
          url: `/api/v1/disclosure-cases/${caseId}/embargo`,
          payload: { endsAt: new Date(Date.now() + 20 * DAY).toISOString(), reason: 'Fixes ship first.' },
        }),
        201,
      );
      await expectOk(
        await coordinator.request({
          method: 'POST',
          url: `/api/v1/disclosure-cases/${caseId}/embargo/transitions`,
          payload: { action: 'activate' },
        }),
      );
      return { programId, caseId, author, reviewer, coordinator, vendorToken };
    }

    it('takes an advisory from the case to the public page, with valid CSAF and accessible pages', async () => {
      const { programId, caseId, author, reviewer, coordinator, vendorToken } = await seed();
      const year = new Date().getUTCFullYear();
      const trackingId = `CG-${year}-0001`;

      // 1. The author drafts the advisory from the case: title and summary come from the case.
      const authorPage = await signInInBrowser(stack.baseUrl, await newContext(), author.email, false);
      await authorPage.goto(`${stack.baseUrl}/advisories/new?case=${caseId}`);
      await authorPage.getByRole('heading', { name: 'Draft the advisory', level: 1 }).waitFor();
      expect(await authorPage.getByLabel('Title', { exact: true }).inputValue()).toBe(CASE_TITLE);
      expect(await authorPage.getByLabel('Summary', { exact: true }).inputValue()).toBe(CASE_SUMMARY);
      expect(await authorPage.getByRole('radio', { name: 'TLP:CLEAR' }).isChecked()).toBe(true);
      await authorPage.getByLabel(/^Details/).fill(DETAILS);
      await authorPage.getByLabel(/^Remediation/).fill(REMEDIATION);
      // A reference without an address is refused in the form, beside its row.
      await authorPage.getByLabel('Description of reference 1').fill('Vendor notice');
      await authorPage.getByRole('button', { name: 'Save the draft' }).click();
      await authorPage.getByText('This field is required.').first().waitFor();
      await authorPage.getByLabel('Address of reference 1').fill('https://acme.example/security/rt-1000');
      await expectNoSeriousA11yViolations(authorPage, 'new advisory form');
      await shot(authorPage, '01-new-advisory-en');
      await authorPage.getByRole('button', { name: 'Save the draft' }).click();
      await authorPage.waitForURL(/\/advisories\/adv_[0-9a-z]+$/);
      const advisoryId = new URL(authorPage.url()).pathname.split('/').pop() as string;
      await authorPage.getByRole('heading', { name: CASE_TITLE, level: 1 }).waitFor();
      await authorPage.getByText(trackingId, { exact: true }).first().waitFor();

      // The validator already passes on the draft; the author asks for review and is told to wait for another.
      const validation = authorPage.getByRole('region', { name: 'CSAF validation' });
      await validation.getByText('Valid', { exact: true }).first().waitFor();
      expect(await validation.getByText('Valid', { exact: true }).count()).toBe(2);
      await expectNoSeriousA11yViolations(authorPage, 'advisory working area');
      await shot(authorPage, '02-draft-working-area-en');
      await authorPage.getByRole('button', { name: 'Ask for review' }).click();
      await authorPage.getByText(/^Revision 1 is waiting for another coordinator.s review\./).waitFor();
      await authorPage.getByText(/Four-eyes rule: you wrote this revision/).waitFor();
      expect(await authorPage.getByRole('button', { name: 'Record my review' }).count()).toBe(0);

      // 2. Another coordinator of the case approves it in the browser.
      const reviewerPage = await signInInBrowser(stack.baseUrl, await newContext(), reviewer.email, false);
      await reviewerPage.goto(`${stack.baseUrl}/advisories/${advisoryId}`);
      await reviewerPage.getByRole('heading', { name: CASE_TITLE, level: 1 }).waitFor();
      await reviewerPage.getByRole('button', { name: 'Record my review' }).click();
      await reviewerPage.getByText('Choose whether you approve the revision or ask for changes.').waitFor();
      await reviewerPage.getByRole('group', { name: 'Your review' }).getByLabel('Approve').check();
      await reviewerPage.getByLabel(/^Note to the author/).fill('Reads well; the fixed version is right.');
      await reviewerPage.getByRole('button', { name: 'Record my review' }).click();
      await reviewerPage.getByText('This revision is approved and can be published.').waitFor();
      await shot(reviewerPage, '03-approved-en');

      // 3. The author publishes: the embargo holds, so publication is scheduled for its exit.
      await authorPage.reload();
      await authorPage.getByText('This revision is approved and can be published.').waitFor();
      await authorPage.getByText(/An embargo holds on the case \(active\)/).waitFor();
      await authorPage.getByRole('button', { name: 'Publish when the embargo ends' }).click();
      const dialog = authorPage.getByRole('dialog', { name: 'Publish when the embargo ends?' });
      await dialog.getByRole('button', { name: 'Schedule publication' }).click();
      await authorPage.getByText('The advisory will be published by itself when the embargo ends:').waitFor();
      await authorPage.getByText('Scheduled for the end of the embargo').first().waitFor();
      await shot(authorPage, '04-scheduled-en');

      // Nobody else can read it yet.
      const anonymous = await newContext();
      const publicPage = await anonymous.newPage();
      await publicPage.goto(`${stack.baseUrl}/advisories/${advisoryId}`);
      await publicPage.getByText('This advisory was not found.', { exact: false }).waitFor();

      // The invited vendor, whose case link this tab keeps (as the case join page stores it), reads the draft.
      const vendorContext = await newContext();
      await vendorContext.addInitScript((token) => {
        window.sessionStorage.setItem('commonground.caseLink', JSON.stringify({ caseId: null, token }));
      }, vendorToken);
      const vendorPage = await vendorContext.newPage();
      await vendorPage.goto(`${stack.baseUrl}/advisories/${advisoryId}`);
      await vendorPage.getByRole('heading', { name: CASE_TITLE, level: 1 }).waitFor();
      await vendorPage
        .getByText('You are reading this draft through your case link.', { exact: false })
        .waitFor();
      expect(await vendorPage.getByRole('button', { name: 'Ask for review' }).count()).toBe(0);
      expect(await vendorPage.getByText('Silent Modem Co').count()).toBe(0);

      // 4. The embargo exits (through the API); the advisory goes out by itself.
      await expectOk(
        await coordinator.request({
          method: 'POST',
          url: `/api/v1/disclosure-cases/${caseId}/embargo/transitions`,
          payload: { action: 'exit', note: 'Fixes are out.' },
        }),
      );

      // 5. The public page, signed out: everything an analyst needs, the silent vendor marked as such.
      await publicPage.goto(`${stack.baseUrl}/advisories`);
      await publicPage.getByRole('heading', { name: 'Security advisories', level: 1 }).waitFor();
      await publicPage.getByRole('link', { name: trackingId }).click();
      await publicPage.getByRole('heading', { name: CASE_TITLE, level: 1 }).waitFor();
      await publicPage.getByText('Published', { exact: true }).first().waitFor();
      expect(await publicPage.getByText('Working area', { exact: false }).count()).toBe(0);
      const facts = publicPage.getByRole('region', { name: 'At a glance' });
      await facts.getByText('Ada Researcher').waitFor();
      await facts.getByText('9.8').waitFor();
      await facts.getByText('Critical', { exact: true }).waitFor();
      await facts.getByRole('link', { name: 'CWE-287' }).waitFor();
      const products = publicPage.getByRole('table', { name: 'Products by vendor, with their status' });
      const silentRow = products.getByRole('row', { name: /M-1/ });
      expect(await silentRow.textContent()).toContain('No response yet');
      expect(await silentRow.textContent()).not.toContain('Not affected');
      expect(await products.getByRole('row', { name: /RT-1000/ }).textContent()).toContain('Fixed');
      await publicPage.getByText(/“No response yet” means the vendor had not answered/).waitFor();
      const statements = publicPage.getByRole('region', { name: 'Vendor statements' });
      await statements.getByText(STATEMENT).waitFor();
      await statements.getByText('Acme Firmware Team').waitFor();
      await publicPage
        .getByText(/Version 1/)
        .first()
        .waitFor();
      await expectNoSeriousA11yViolations(publicPage, 'public advisory page');
      await shot(publicPage, '05-public-advisory-en');

      // The CSAF document behind the download link is valid, and so is the VEX document.
      const csafHref = await publicPage
        .getByRole('link', { name: 'CSAF security advisory (JSON)' })
        .getAttribute('href');
      const csafResponse = await publicPage.request.get(new URL(csafHref ?? '', stack.baseUrl).toString());
      expect(csafResponse.status()).toBe(200);
      const csaf = await csafResponse.json();
      expect(csaf.document.tracking).toMatchObject({ id: trackingId, status: 'final', version: '1' });
      expect((await validateCsaf(csaf)).errors).toEqual([]);
      const vexHref = await publicPage.getByRole('link', { name: 'CSAF VEX (JSON)' }).getAttribute('href');
      const vex = await (
        await publicPage.request.get(new URL(vexHref ?? '', stack.baseUrl).toString())
      ).json();
      expect(vex.document.category).toBe('csaf_vex');
      expect((await validateCsaf(vex)).errors).toEqual([]);
      const metadataHref = await publicPage
        .getByRole('link', { name: 'provider metadata' })
        .getAttribute('href');
      expect(
        (await publicPage.request.get(new URL(metadataHref ?? '', stack.baseUrl).toString())).status(),
      ).toBe(200);

      // 6. The program's transparency figures count the report, its SSVC decision and the advisory.
      await publicPage.goto(`${stack.baseUrl}/advisories/programs/${programId}/statistics`);
      await publicPage
        .getByRole('heading', { name: 'Acme Routers vulnerability disclosure', level: 1 })
        .waitFor();
      await publicPage.getByRole('heading', { name: 'Transparency figures', level: 2 }).waitFor();
      const outcomes = publicPage.getByRole('table', { name: 'SSVC triage decisions' });
      expect(await outcomes.getByRole('row', { name: /Coordinate/ }).textContent()).toContain('1');
      const published = publicPage.locator('.cg-stats-tile', { hasText: 'Advisories published' });
      expect(await published.locator('dd').textContent()).toBe('1');
      await expectNoSeriousA11yViolations(publicPage, 'statistics page');
      await shot(publicPage, '06-statistics-en');

      // 7. The same pages in Arabic, right to left.
      const arabic = await (await newContext('ar')).newPage();
      await arabic.goto(`${stack.baseUrl}/advisories/${advisoryId}`);
      await arabic.getByRole('heading', { name: CASE_TITLE, level: 1 }).waitFor();
      expect(await arabic.evaluate(() => document.documentElement.dir)).toBe('rtl');
      await arabic.getByText('لا رد حتى الآن').first().waitFor();
      await expectNoSeriousA11yViolations(arabic, 'public advisory page in Arabic');
      await shot(arabic, '07-public-advisory-ar');
      await arabic.goto(`${stack.baseUrl}/advisories`);
      await arabic.getByRole('link', { name: trackingId }).waitFor();
      await shot(arabic, '08-list-ar');
      await arabic.goto(`${stack.baseUrl}/advisories/programs/${programId}/statistics`);
      await arabic.getByRole('table', { name: 'قرارات الفرز وفق SSVC' }).waitFor();
      await shot(arabic, '09-statistics-ar');
    }, 180_000);

    it("records a State program's equities counts, numbers only, and shows them publicly", async () => {
      const db = stack.app.ctx.db;
      const state = await createOrganization(db, { name: 'National CERT of Kenya', kind: 'state' });
      const admin = await createMember(db, state.id, 'org_admin');
      const adminApi = await signIn(stack.app, admin.email);
      const created = await adminApi.request({
        method: 'POST',
        url: '/api/v1/disclosure-programs',
        payload: programBody(state.id, { name: 'Government systems vulnerability disclosure' }),
      });
      await expectOk(created, 201);
      const programId = (created.json() as { id: string }).id;

      const page = await signInInBrowser(stack.baseUrl, await newContext(), admin.email, false);
      await page.goto(`${stack.baseUrl}/advisories/programs/${programId}/statistics`);
      await page.getByRole('heading', { name: 'Vulnerabilities equities' }).waitFor();
      await page.getByText(/Only the two numbers are recorded/).waitFor();
      await page.getByLabel(/^Period/).fill('2026-q5');
      await page.getByLabel('Vulnerabilities disclosed').fill('7');
      await page.getByLabel('Vulnerabilities retained').fill('-2');
      await page.getByRole('button', { name: 'Record the figures' }).click();
      await page.getByText('Enter a year (2026), a half-year (2026-H1) or a quarter (2026-Q1).').waitFor();
      await page.getByText('Enter a whole number, 0 or more.').waitFor();
      await page.getByLabel(/^Period/).fill('2026-h1');
      await page.getByLabel('Vulnerabilities retained').fill('2');
      await page.getByRole('button', { name: 'Record the figures' }).click();
      await page.getByText('The figures for 2026-H1 are recorded.').waitFor();
      await expectNoSeriousA11yViolations(page, 'statistics page with the equities form');
      await shot(page, '10-equities-en');

      const anonymous = await (await newContext()).newPage();
      await anonymous.goto(`${stack.baseUrl}/advisories/programs/${programId}/statistics`);
      const row = anonymous.getByRole('row', { name: /2026-H1/ });
      await row.waitFor();
      expect((await row.locator('td').allTextContents()).slice(0, 2)).toEqual(['7', '2']);
      expect(await anonymous.getByRole('button', { name: 'Record the figures' }).count()).toBe(0);
    }, 90_000);
  },
);

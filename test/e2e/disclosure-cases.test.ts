import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createProgram, reportContent } from '../../src/modules/disclosure/test-support.ts';
import { createOrganization } from '../factories.ts';
import { signIn } from '../harness/app.ts';
import { createMember, signInInBrowser } from './accounts.ts';
import { dayAhead, invitationLink as invitationLinkIn, offsetHours } from './disclosure-support.ts';
import {
  describeInBrowser,
  expectNoSeriousA11yViolations,
  launchBrowser,
  type Stack,
  startStack,
} from './harness.ts';

const SHOTS = '/tmp/e2e-disclosure-cases';

// Words that appear only in the first vendor's answers, so finding them on the second vendor's page is a leak.
const REMEDIATION = 'Install firmware 2.4.2 kestrelquill';
const PRIVATE_MESSAGE = 'Our fix ships on Monday; we can keep to the embargo. kestrelquill';
const STATEMENT = 'Router Maker has released firmware 2.4.2, which removes the bypass.';
const VENDOR_A = { name: 'Router Maker Inc', email: 'psirt@router-maker.example' };
const VENDOR_B = { name: 'Camera Corp', email: 'security@camera-corp.example' };

type CaseJson = {
  id: string;
  embargo: { state: string; endsAt: string; exitReason: string | null } | null;
  participants: {
    id: string;
    name: string;
    products: { status: string; remediation: string | null }[] | null;
    statements: { status: string }[] | null;
  }[];
};

describeInBrowser('coordinated disclosure case, in Chromium', () => {
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
  const newContext = async (timezoneId: string, language: 'en' | 'ar' = 'en'): Promise<BrowserContext> => {
    const context = await browser.newContext({
      locale: language === 'ar' ? 'ar' : 'en-GB',
      timezoneId,
    });
    context.setDefaultTimeout(15_000);
    await context.addInitScript(
      (code) => window.localStorage.setItem('commonground.language', code),
      language,
    );
    return context;
  };
  const invitationLink = (to: string) => invitationLinkIn(stack.smtp, to);
  /** Opens a participant's link in a fresh browser without an account; the mail's subject gives the case id if the link does not. */
  const openAsLinkHolder = async (context: BrowserContext, invitation: { link: string; caseId: string }) => {
    const page = await context.newPage();
    await page.goto(invitation.link);
    const title = page.getByRole('heading', { name: 'Authentication bypass in RT-1000', level: 1 });
    const caseIdField = page.getByLabel('Case id');
    await title.or(caseIdField).waitFor();
    if (await caseIdField.isVisible()) {
      await caseIdField.fill(`[${invitation.caseId}] You are invited to a disclosure case`);
      await page.getByRole('button', { name: 'Open the case' }).click();
    }
    await title.waitFor();
    // The secret left the address bar at once.
    expect(page.url()).not.toContain('token=');
    return page;
  };
  /** The whole text a participant can reach on the case page, tab by tab. */
  const everythingOnCase = async (page: Page) => {
    const texts: string[] = [];
    for (const tab of ['Overview', 'Your response', 'Participants', 'Messages']) {
      await page.getByRole('tab', { name: tab, exact: true }).click();
      await page.getByRole('tab', { name: tab, exact: true, selected: true }).waitFor();
      texts.push(await page.locator('main').innerText());
      if (tab === 'Messages') {
        await page.getByRole('tab', { name: 'Private, with the coordinators' }).click();
        await page.getByText('Only you and the coordinators read this thread.').waitFor();
        texts.push(await page.locator('main').innerText());
      }
    }
    return texts.join('\n');
  };

  it('invites vendors, holds an embargo set in local time, keeps vendors apart, and ends with publicity', async () => {
    const db = stack.app.ctx.db;
    const cert = await createOrganization(db, { name: 'National CERT of Exampleland', kind: 'cert' });
    const coordinator = await createMember(db, cert.id, 'org_admin');
    const api = await signIn(stack.app, coordinator.email);
    const program = await createProgram(api, cert.id, { name: 'National CVD programme' });
    const report = (
      await stack.app.inject({
        method: 'POST',
        url: '/api/v1/vulnerability-reports',
        payload: {
          programId: program.id,
          content: reportContent({ title: 'Authentication bypass in RT-1000 routers' }),
          credit: 'none',
          reporterEmail: 'researcher@example.org',
        },
        remoteAddress: '198.51.100.20',
      })
    ).json();
    const opened = await api.request({
      method: 'POST',
      url: `/api/v1/vulnerability-reports/${report.id}/case`,
      payload: {
        title: 'Authentication bypass in RT-1000 routers',
        summary: 'A crafted cookie skips the check.',
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const caseId: string = opened.json().id;
    const readCase = async (): Promise<CaseJson> =>
      (await api.request({ method: 'GET', url: `/api/v1/disclosure-cases/${caseId}` })).json();
    const participantIdOf = async (name: string) =>
      (await readCase()).participants.find((participant) => participant.name === name)?.id ?? '';

    // 1. The coordinator, in Paris, invites the first vendor by e-mail with its product, and sees the link once.
    const coordinatorContext = await newContext('Europe/Paris');
    const coordinatorPage = await signInInBrowser(
      stack.baseUrl,
      coordinatorContext,
      coordinator.email,
      false,
    );
    await coordinatorPage.goto(`${stack.baseUrl}/disclosure/cases/${caseId}?tab=participants`);
    await coordinatorPage.getByRole('button', { name: 'Invite a participant' }).click();
    const dialog = coordinatorPage.getByRole('dialog', { name: 'Invite a participant' });
    await dialog.getByLabel('E-mail address').fill(VENDOR_A.email);
    await dialog.getByLabel('Name shown in the case').fill(VENDOR_A.name);
    await dialog.getByLabel('Products').fill('RT-1000 | 2.4.1');
    await dialog.getByRole('button', { name: 'Send the invitation' }).click();
    await dialog.getByText(`${VENDOR_A.name} is invited`).waitFor();
    const shownLink = (await dialog.locator('code').textContent()) ?? '';
    await shot(coordinatorPage, '01-invited');
    const invitationA = await invitationLink(VENDOR_A.email);
    expect(shownLink).toBe(invitationA.link);
    await dialog.getByRole('button', { name: 'Done' }).click();
    const rowA = coordinatorPage.getByRole('row', { name: new RegExp(VENDOR_A.name) });
    const rowB = coordinatorPage.getByRole('row', { name: new RegExp(VENDOR_B.name) });
    await rowA.waitFor();

    // The second vendor is invited through the API; its link comes by mail too.
    const second = await api.request({
      method: 'POST',
      url: `/api/v1/disclosure-cases/${caseId}/participants`,
      payload: {
        role: 'vendor',
        email: VENDOR_B.email,
        name: VENDOR_B.name,
        products: [{ product: 'CAM-20', version: '1.8' }],
      },
    });
    expect(second.statusCode, second.body).toBe(201);
    const invitationB = await invitationLink(VENDOR_B.email);

    // 2. It proposes an embargo ending at 18:00 Paris time in about two months, and puts it in force.
    const day = dayAhead(60);
    const expectedEnd = new Date(
      Date.parse(`${day}T18:00:00Z`) - offsetHours(day, 'Europe/Paris') * 3_600_000,
    ).toISOString();
    await coordinatorPage.getByRole('tab', { name: 'Overview' }).click();
    await coordinatorPage.getByLabel('Embargo ends').fill(`${day}T18:00`);
    const utcTime = expectedEnd.slice(11, 16);
    await expect
      .poll(() => coordinatorPage.locator('.cg-case-utc-preview').textContent())
      .toContain(`${utcTime} UTC`);
    await coordinatorPage.getByText('Read in your time zone: Europe/Paris').waitFor();
    await coordinatorPage.getByLabel('Reason', { exact: true }).fill('Time for the vendors to ship fixes.');
    await coordinatorPage.getByRole('button', { name: 'Propose the embargo' }).click();
    await coordinatorPage.getByRole('button', { name: 'Put the embargo in force' }).click();
    await coordinatorPage.getByText('Under embargo', { exact: true }).waitFor();
    const embargo = (await readCase()).embargo;
    expect(embargo).toMatchObject({ state: 'active', endsAt: expectedEnd });
    // The banner names both zones: Paris's 18:00 and the same instant in UTC.
    const banner = (await coordinatorPage.locator('.cg-case-banner').first().textContent()) ?? '';
    expect(banner).toContain('18:00 CE');
    expect(banner).toContain(`(${utcTime} UTC)`);
    await shot(coordinatorPage, '02-embargo');
    await expectNoSeriousA11yViolations(coordinatorPage, 'coordinator, overview');

    // 3. The first vendor opens its link without an account, in New York, and answers.
    const vendorAContext = await newContext('America/New_York');
    const vendorA = await openAsLinkHolder(vendorAContext, invitationA);
    await vendorA.getByText('You are using a personal link').waitFor();
    await vendorA.getByRole('tab', { name: 'Your response' }).click();
    await vendorA.getByRole('button', { name: /Give the status.*RT-1000 2\.4\.1/ }).click();
    await vendorA.getByRole('group', { name: 'Status of RT-1000 2.4.1' }).getByLabel('Fixed').check();
    await vendorA.getByLabel('Fix', { exact: true }).fill(REMEDIATION);
    await vendorA.getByRole('button', { name: 'Save the status' }).click();
    await vendorA.locator('.cg-case-product .cg-case-status-fixed').waitFor();
    await vendorA.getByLabel('New statement').fill(STATEMENT);
    await vendorA.getByRole('button', { name: 'Submit for review' }).click();
    await vendorA.getByText('Awaiting review').waitFor();
    await expectNoSeriousA11yViolations(vendorA, 'vendor, response');
    await shot(vendorA, '03-vendor-response');
    await vendorA.getByRole('tab', { name: 'Messages' }).click();
    await vendorA.getByRole('tab', { name: 'Private, with the coordinators' }).click();
    await vendorA.getByLabel('Private message').fill(PRIVATE_MESSAGE);
    await vendorA.getByRole('button', { name: 'Send' }).click();
    await vendorA.locator('.cg-case-message', { hasText: PRIVATE_MESSAGE }).waitFor();
    // A reload keeps the link for this tab, so the page still works.
    await vendorA.reload();
    await vendorA.locator('.cg-case-message', { hasText: PRIVATE_MESSAGE }).waitFor();
    await expectNoSeriousA11yViolations(vendorA, 'vendor, private thread');
    await shot(vendorA, '04-vendor-thread');

    // 4. The second vendor, with its own link, sees neither the first's status nor its private message.
    const vendorBContext = await newContext('Asia/Tokyo');
    const vendorB = await openAsLinkHolder(vendorBContext, invitationB);
    const seenByB = await everythingOnCase(vendorB);
    expect(seenByB).toContain('CAM-20 1.8');
    expect(seenByB).toContain(VENDOR_A.name);
    expect(seenByB).not.toContain('kestrelquill');
    expect(seenByB).not.toContain('RT-1000 2.4.1');
    expect(seenByB).not.toContain('Fixed');
    expect(seenByB).not.toContain(STATEMENT);
    await shot(vendorB, '05-second-vendor');

    // 5. The coordinator sees both vendors' answers, approves the statement, reads the private thread.
    await coordinatorPage.goto(`${stack.baseUrl}/disclosure/cases/${caseId}?tab=participants`);
    await rowA.locator('.cg-case-status-fixed').waitFor();
    await rowB.locator('.cg-case-status-no_response').waitFor();
    await expectNoSeriousA11yViolations(coordinatorPage, 'coordinator, participants');
    await shot(coordinatorPage, '06-participants');
    await coordinatorPage.getByRole('tab', { name: 'Overview' }).click();
    const queue = coordinatorPage.getByRole('region', { name: 'Statements awaiting review' });
    await queue.getByText(STATEMENT).waitFor();
    await queue.getByRole('button', { name: 'Approve' }).click();
    await queue.waitFor({ state: 'detached' });
    const afterReview = await readCase();
    const answersA = afterReview.participants.find((p) => p.name === VENDOR_A.name);
    expect(answersA?.statements?.map((s) => s.status)).toEqual(['approved']);
    expect(answersA?.products).toEqual([
      expect.objectContaining({ status: 'fixed', remediation: REMEDIATION }),
    ]);
    const threadA = await participantIdOf(VENDOR_A.name);
    await coordinatorPage.goto(`${stack.baseUrl}/disclosure/cases/${caseId}?tab=messages&thread=${threadA}`);
    await coordinatorPage.locator('.cg-case-message', { hasText: PRIVATE_MESSAGE }).waitFor();

    // 6. The details become public: the coordinator records it, which ends the embargo for everyone.
    await coordinatorPage.getByRole('tab', { name: 'Settings' }).click();
    await coordinatorPage.getByRole('button', { name: 'Record that it is public' }).click();
    const confirm = coordinatorPage.getByRole('dialog', { name: 'Record that the details are public?' });
    await confirm.getByText('This ends the embargo now').waitFor();
    await confirm.getByLabel('What happened').fill('The researcher presented it at a conference.');
    await confirm.getByRole('button', { name: 'Record that it is public' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await coordinatorPage.getByRole('tab', { name: 'Overview' }).click();
    await coordinatorPage.getByText('The embargo has ended: the details became public').waitFor();
    expect((await readCase()).embargo).toMatchObject({ state: 'exited', exitReason: 'public' });
    await expectNoSeriousA11yViolations(coordinatorPage, 'coordinator, embargo ended');
    await shot(coordinatorPage, '07-public');

    // The same pages in Arabic, right to left.
    await coordinatorPage.locator('header select').first().selectOption('ar');
    await coordinatorPage.waitForFunction(() => document.documentElement.dir === 'rtl');
    await coordinatorPage.getByRole('tab', { name: /المشاركون/ }).click();
    await rowA.locator('.cg-case-status-fixed').waitFor();
    await shot(coordinatorPage, '08-participants-ar');
    const arabicContext = await newContext('Asia/Riyadh', 'ar');
    const vendorArabic = await arabicContext.newPage();
    await vendorArabic.goto(invitationA.link);
    const arabicTitle = vendorArabic.getByRole('heading', {
      name: 'Authentication bypass in RT-1000',
      level: 1,
    });
    const arabicCaseId = vendorArabic.locator('input[type=text]');
    await arabicTitle.or(arabicCaseId).waitFor();
    if (await arabicCaseId.isVisible()) {
      await arabicCaseId.fill(invitationA.caseId);
      await vendorArabic.locator('form button[type=submit]').click();
    }
    await arabicTitle.waitFor();
    expect(await vendorArabic.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await vendorArabic.getByRole('tab', { name: 'ردّك' }).click();
    await vendorArabic.locator('.cg-case-product .cg-case-status-fixed').waitFor();
    await shot(vendorArabic, '09-vendor-ar');
  }, 180_000);

  it('opens a case from its report, invites an organization, renews and withdraws links, edits and closes the case', async () => {
    const db = stack.app.ctx.db;
    const cert = await createOrganization(db, { name: 'National CERT', kind: 'cert' });
    await createOrganization(db, { name: 'Zebra Routers Ltd', kind: 'private_sector' });
    const coordinator = await createMember(db, cert.id, 'org_admin');
    const api = await signIn(stack.app, coordinator.email);
    const program = await createProgram(api, cert.id, { name: 'CVD' });
    const report = (
      await stack.app.inject({
        method: 'POST',
        url: '/api/v1/vulnerability-reports',
        payload: {
          programId: program.id,
          content: reportContent(),
          credit: 'none',
          reporterEmail: 'r@x.example',
        },
        remoteAddress: '198.51.100.30',
      })
    ).json();
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris' });
    context.setDefaultTimeout(15_000);
    const page = await signInInBrowser(stack.baseUrl, context, coordinator.email, false);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`${stack.baseUrl}/disclosure/cases/new?report=${report.id}`);
    await expect
      .poll(() => page.getByLabel('Title').inputValue())
      .toBe('Authentication bypass in the admin interface');
    await page.getByLabel('Summary for participants').fill('Bypass.');
    await page.getByLabel('90 days').check();
    await page.screenshot({ path: `${SHOTS}/10-new-case.png`, fullPage: true });
    await page.getByRole('button', { name: 'Open the case' }).click();
    await page.waitForURL(/\/disclosure\/cases\/case_/);
    const caseId = page.url().split('/').pop()!.split('?')[0]!;
    await page.getByText('90 days after the case was opened').waitFor();
    // A report has one case: a second attempt says so.
    await page.goto(`${stack.baseUrl}/disclosure/cases/new?report=${report.id}`);
    await page.getByRole('button', { name: 'Open the case' }).click();
    await page.getByText('This report already has a case.').waitFor();

    // An organization of the platform, found by name: its members act for it, so no link is made.
    await page.goto(`${stack.baseUrl}/disclosure/cases/${caseId}?tab=participants`);
    await page.getByRole('button', { name: 'Invite a participant' }).click();
    const dialog = page.getByRole('dialog', { name: 'Invite a participant' });
    await dialog.getByLabel('Organization on the platform').fill('Zebra');
    await dialog.getByLabel('Organization on the platform').press('Enter');
    await dialog.getByRole('button', { name: 'Zebra Routers Ltd' }).click();
    await dialog.getByText('Zebra Routers Ltd', { exact: true }).waitFor();
    await dialog.getByLabel('Products').fill('ZR-1 | 1.0\nZR-2');
    await page.screenshot({ path: `${SHOTS}/11-invite-organization.png`, fullPage: true });
    await dialog.getByRole('button', { name: 'Send the invitation' }).click();
    await dialog.getByText('Zebra Routers Ltd is invited').waitFor();
    await dialog.getByText("The organization's members see the case").waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    // An observer by address; a new link replaces the first, which then explains itself.
    await page.getByRole('button', { name: 'Invite a participant' }).click();
    await dialog.getByLabel('Observer').check();
    await dialog.getByLabel('E-mail address').fill('obs@cert.example');
    await dialog.getByRole('button', { name: 'Send the invitation' }).click();
    await dialog.getByText('is invited').waitFor();
    const first = (await dialog.locator('code').textContent())!;
    await dialog.getByRole('button', { name: 'Done' }).click();
    const row = page.getByRole('row', { name: /obs@cert\.example/ });
    await row.getByRole('button', { name: /New link/ }).click();
    await page
      .getByRole('dialog', { name: /Send .* a new link/ })
      .getByRole('button', { name: 'New link' })
      .click();
    await page.getByText('New link for').waitFor();
    const second = (await page.locator('.cg-case-link').textContent())!;
    expect(second).not.toBe(first);
    await page.screenshot({ path: `${SHOTS}/12-new-link.png`, fullPage: true });
    const observerContext = await browser.newContext({ locale: 'en-GB' });
    const observerPage = await observerContext.newPage();
    await observerPage.goto(`${first.replace('#token=', `#case=${caseId}&token=`)}`);
    await observerPage.getByText('This link no longer works').waitFor();
    await observerPage.getByText('Ask the coordinators of the case for a new link.').waitFor();
    await observerPage.screenshot({ path: `${SHOTS}/13-withdrawn-link.png`, fullPage: true });
    // A link that carries the case id opens the case at once; an observer answers for no products.
    await observerPage.goto(`${second.replace('#token=', `#case=${caseId}&token=`)}`);
    await observerPage
      .getByRole('heading', { level: 1, name: 'Authentication bypass in the admin interface' })
      .waitFor();
    expect(await observerPage.getByRole('tab', { name: 'Your response' }).count()).toBe(0);
    // Removed, the observer's link stops working on the next request.
    await row.getByRole('button', { name: /Remove/ }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await page.getByText('Showing 2 of 2').waitFor();
    await observerPage.reload();
    await observerPage.getByText('This link no longer works').waitFor();

    // The CVE id and a target date typed in Paris time, stored in UTC.
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByLabel('CVE id').fill('cve-2026-12345');
    await page.getByLabel('Another date').check();
    const targetDay = dayAhead(100);
    await page.getByLabel('Target date and time').fill(`${targetDay}T12:00`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    const saved = (await api.request({ method: 'GET', url: `/api/v1/disclosure-cases/${caseId}` })).json();
    expect(saved.cveId).toBe('CVE-2026-12345');
    expect(saved.targetDate).toBe(
      new Date(
        Date.parse(`${targetDay}T12:00:00Z`) - offsetHours(targetDay, 'Europe/Paris') * 3_600_000,
      ).toISOString(),
    );
    // The coordinators may set a vendor's status; "not affected" needs its VEX justification.
    await page.getByRole('tab', { name: /Participants/ }).click();
    await page
      .getByRole('row', { name: /Zebra/ })
      .getByRole('button', { name: /Products and statements/ })
      .click();
    const manage = page.getByRole('dialog', { name: /Zebra Routers Ltd/ });
    await manage.getByRole('button', { name: /Give the status.*ZR-2/ }).click();
    await manage.getByLabel('Not affected').check();
    await manage.getByRole('button', { name: 'Save the status' }).click();
    await manage.getByText('Say why the product is not affected.').first().waitFor();
    await manage.getByLabel('Why it is not affected').selectOption('component_not_present');
    await manage.getByText('The product does not include the library').waitFor();
    await page.screenshot({ path: `${SHOTS}/14-coordinator-sets-status.png`, fullPage: true });
    await manage.getByRole('button', { name: 'Save the status' }).click();
    await manage.locator('.cg-case-status-not_affected').waitFor();
    await manage.getByRole('button', { name: 'Close' }).last().click();
    await page.getByRole('tab', { name: 'Settings' }).click();
    await page.getByRole('button', { name: 'Close the case' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Close the case' }).click();
    await page.getByText('This case is closed.').waitFor();
    await page.goto(`${stack.baseUrl}/disclosure/cases?status=closed`);
    await page.getByRole('link', { name: 'Authentication bypass in the admin interface' }).waitFor();
    await page.screenshot({ path: `${SHOTS}/15-closed-list.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);
});

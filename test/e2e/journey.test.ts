import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createSetupLink } from '../../src/core/identity/auth.service.ts';
import {
  describeInBrowser,
  findSeriousA11yViolations,
  launchBrowser,
  type Stack,
  startStack,
  waitForMail,
} from './harness.ts';

const ADMIN = {
  email: 'chair@secretariat.example',
  name: 'Amina Diallo',
  password: 'correct horse battery staple',
};
const MEMBER = {
  email: 'analyst@cert.example',
  name: 'Moussa Ndiaye',
  password: 'a long enough passphrase here',
};

describeInBrowser('first journey, in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  const a11y: Record<string, string[]> = {};
  const cspViolations: string[] = [];

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  function watch(page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy/i.test(message.text()))
        cspViolations.push(message.text());
    });
  }

  async function checkA11y(page: Page, name: string) {
    const violations = await findSeriousA11yViolations(page);
    a11y[name] = violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }

  async function secretOnPage(page: Page): Promise<string> {
    await page.waitForSelector('.cg-secret code');
    return ((await page.textContent('.cg-secret code')) ?? '').replace(/\s+/g, '');
  }

  it('takes an instance from first setup to a member signing in with TOTP', async () => {
    // 1. First-admin setup from the one-time link the server prints.
    const admin = await browser.newContext({ locale: 'en-GB', timezoneId: 'Africa/Nairobi' });
    const page = await admin.newPage();
    watch(page);
    await page.goto(stack.baseUrl);
    await page.waitForSelector('h1');
    await checkA11y(page, 'home, signed out');
    await page.goto(await createSetupLink(stack.app.ctx));
    const adminSecret = await secretOnPage(page);
    expect(page.url()).not.toContain('token='); // the secret leaves the address bar
    await checkA11y(page, 'setup');
    await page.getByLabel('E-mail address').fill(ADMIN.email);
    await page.getByLabel('Display name').fill(ADMIN.name);
    await page.getByLabel('New password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Confirm the new password').fill(ADMIN.password);
    await page.getByLabel('Authentication code').fill(await generate({ secret: adminSecret }));
    await page.getByRole('button', { name: 'Create the administrator account' }).click();
    await page.waitForSelector('.cg-code-list li');
    expect(await page.locator('.cg-code-list li').count()).toBe(10);
    await checkA11y(page, 'recovery codes');
    await page.getByLabel('I have stored these recovery codes in a safe place').check();
    await page.getByRole('button', { name: 'Continue to Common Ground' }).click();
    await page.waitForSelector(`h1:has-text("${ADMIN.name}")`);
    await checkA11y(page, 'home, signed in');

    // 2. Create an organization.
    await page.goto(`${stack.baseUrl}/organizations/new`);
    await page.getByLabel('Name', { exact: true }).fill('National CERT of Kenya');
    await page.getByLabel('Type of stakeholder').selectOption('cert');
    await page.getByLabel(/Country or territory/).selectOption('KE');
    await checkA11y(page, 'new organization');
    await page.getByRole('button', { name: 'Register an organization' }).click();
    await page.waitForSelector('h1:has-text("National CERT of Kenya")');
    await checkA11y(page, 'organization overview');

    // 3. Invite a member.
    await page.getByRole('tab', { name: 'Invitations' }).click();
    await page.getByLabel('E-mail address').fill(MEMBER.email);
    await page.getByRole('button', { name: 'Send invitation' }).click();
    await page.waitForSelector(`text=${MEMBER.email}`);
    await checkA11y(page, 'organization invitations');

    // 4. The member accepts from the mail, caught by a real SMTP server.
    const mail = await waitForMail(stack.smtp, MEMBER.email, /invitations\/accept#token=/);
    const link = /(http:\/\/127\.0\.0\.1:\d+\/invitations\/accept#token=[\w-]+)/.exec(mail)![1]!;
    const memberContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Paris' });
    const member = await memberContext.newPage();
    watch(member);
    await member.goto(link);
    await member.waitForSelector('h1:has-text("National CERT of Kenya")');
    await checkA11y(member, 'accept invitation');
    await member.locator('input[autocomplete="name"]').fill(MEMBER.name);
    await member.locator('input[autocomplete="new-password"]').nth(0).fill(MEMBER.password);
    await member.locator('input[autocomplete="new-password"]').nth(1).fill(MEMBER.password);
    await member.getByRole('button', { name: 'Create the account and accept' }).click();
    await member.waitForSelector('text=You have joined National CERT of Kenya');

    // 5. The member turns on TOTP, signs out, and signs in again with a code.
    await member.goto(`${stack.baseUrl}/profile`);
    await member.getByRole('button', { name: 'Set up two-factor authentication' }).click();
    const memberSecret = await secretOnPage(member);
    await checkA11y(member, 'profile, TOTP enrolment');
    const enrolmentStep = Math.floor(Date.now() / 30_000);
    await member.getByLabel('Authentication code').fill(await generate({ secret: memberSecret }));
    await member.getByRole('button', { name: 'Verify and turn on' }).click();
    await member.waitForSelector('.cg-code-list li');
    await member.getByLabel('I have stored these recovery codes in a safe place').check();
    await member.getByRole('button', { name: 'Done' }).click();
    await checkA11y(member, 'profile');
    await member.getByRole('button', { name: /Account menu/ }).click();
    await member.getByRole('button', { name: 'Sign out' }).click();
    await member.goto(`${stack.baseUrl}/sign-in`);
    await member.getByLabel('E-mail address').fill(MEMBER.email);
    await member.getByLabel('Password').fill(MEMBER.password);
    await member.getByRole('button', { name: 'Sign in' }).last().click();
    // A code is accepted once: wait for the authenticator's next code, as a person would.
    while (Math.floor(Date.now() / 30_000) <= enrolmentStep) {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await member.getByLabel('Authentication code').fill(await generate({ secret: memberSecret }));
    await checkA11y(member, 'sign in, TOTP step');
    await member.getByRole('button', { name: 'Sign in' }).last().click();
    await member.waitForSelector(`text=${MEMBER.name}`);
    const session = await member.evaluate(async () => (await fetch('/api/v1/auth/session')).json());
    expect(session.user).toMatchObject({ email: MEMBER.email, hasTotp: true });
    expect(session.user.memberships[0].organizationName).toBe('National CERT of Kenya');

    // The same pages read right to left in Arabic.
    await member.locator('header select').selectOption('ar');
    await member.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await member.evaluate(() => document.documentElement.lang)).toBe('ar');
    await checkA11y(member, 'home, Arabic');
    await member.goto(`${stack.baseUrl}/profile`);
    await member.waitForSelector('h1');
    await checkA11y(member, 'profile, Arabic');

    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((name) => [name, []])));
    expect(Object.keys(a11y).length).toBeGreaterThanOrEqual(12);
    expect(cspViolations).toEqual([]);
  }, 180_000);
});

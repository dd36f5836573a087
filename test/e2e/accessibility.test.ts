import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, createOrganization, createUser, currentTotp } from '../factories.ts';
import {
  describeInBrowser,
  findSeriousA11yViolations,
  launchBrowser,
  type Stack,
  startStack,
} from './harness.ts';

describeInBrowser('accessibility of every page, in English and Arabic', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function settle(page: Page) {
    await page.waitForSelector('main h1');
    await page.waitForLoadState('networkidle');
  }

  it('finds no serious or critical axe-core violation', async () => {
    const db = stack.app.ctx.db;
    const admin = await createUser(db, {
      email: 'admin@a11y.example',
      displayName: 'Platform Admin',
      isPlatformAdmin: true,
    });
    const org = await createOrganization(db, { name: 'Accessible CERT', verificationStatus: 'verified' });
    await createOrganization(db, {
      name: 'Waiting Institute',
      kind: 'academia',
      verificationStatus: 'unverified',
    });
    await addMember(db, org.id, admin.id, 'org_admin');

    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const found: Record<string, string[]> = {};
    const check = async (name: string) => {
      await settle(page);
      const violations = await findSeriousA11yViolations(page);
      found[name] = violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
    };

    for (const path of ['/', '/sign-in', '/password-reset']) {
      await page.goto(`${stack.baseUrl}${path}`);
      await check(`signed out ${path}`);
    }
    await page.goto(`${stack.baseUrl}/sign-in`);
    await page.getByLabel('E-mail address').fill(admin.email);
    await page.getByLabel('Password').fill(admin.password);
    await page.getByRole('button', { name: 'Sign in' }).last().click();
    await page.getByLabel('Authentication code').fill(await currentTotp());
    await page.getByRole('button', { name: 'Sign in' }).last().click();
    await page.waitForSelector('text=Platform Admin');

    const pages = [
      '/',
      '/organizations',
      '/organizations/new',
      `/organizations/${org.id}`,
      '/notifications',
      '/profile',
      '/admin/organizations',
      '/admin/users',
      '/admin/audit',
    ];
    for (const language of ['en', 'ar']) {
      await page.goto(`${stack.baseUrl}/`);
      await settle(page);
      await page.locator('header select').selectOption(language);
      await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
      for (const path of pages) {
        await page.goto(`${stack.baseUrl}${path}`);
        await check(`${language} ${path}`);
        if (path === `/organizations/${org.id}`) {
          const tabs = page.getByRole('tab');
          const count = await tabs.count();
          expect(count).toBeGreaterThanOrEqual(5);
          for (let i = 1; i < count; i++) {
            await tabs.nth(i).click();
            await check(`${language} ${path} tab ${i}`);
          }
        }
      }
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(language === 'ar' ? 'rtl' : 'ltr');
    }
    expect(Object.keys(found)).toHaveLength(3 + 2 * (9 + 4));
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])));
  }, 240_000);
});

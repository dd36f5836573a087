import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, seedDemo } from '../../src/cli/demo.ts';
import {
  describeInBrowser,
  findSeriousA11yViolations,
  launchBrowser,
  type Stack,
  startStack,
} from './harness.ts';

describeInBrowser('accessibility of the participation pages, in English and Arabic', () => {
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

  it('finds no serious or critical axe-core violation on any participation page', async () => {
    const { db, dialect, config } = stack.app.ctx;
    await seedDemo(db, dialect, config);
    const id = async (
      table: 'processes' | 'working_groups' | 'drafts' | 'consultations' | 'meetings' | 'statements',
    ) => (await db.selectFrom(table).select('id').executeTakeFirstOrThrow()).id;
    const processId = await id('processes');
    const draftId = await id('drafts');
    const measure = await db
      .selectFrom('measures')
      .select('id')
      .where('key', '=', 'osce-16')
      .executeTakeFirstOrThrow();
    const institute = await db
      .selectFrom('organizations')
      .select('id')
      .where('name', '=', 'Demo Institute for Cyber Policy')
      .executeTakeFirstOrThrow();
    const application = await db
      .selectFrom('accreditation_applications')
      .select('id')
      .executeTakeFirstOrThrow();
    const publicPages = [
      '/participation',
      `/participation/processes/${processId}`,
      `/participation/applications/${application.id}`,
      `/participation/groups/${await id('working_groups')}`,
      `/participation/processes/${processId}/drafts`,
      `/participation/drafts/${draftId}`,
      `/participation/consultations/${await id('consultations')}/dispositions`,
      `/participation/processes/${processId}/meetings`,
      `/participation/meetings/${await id('meetings')}`,
      '/participation/statements',
      `/participation/statements/${await id('statements')}`,
      `/participation/contributors/${institute.id}`,
      '/participation/search?q=critical',
      '/participation/measures',
      `/participation/measures/${measure.id}`,
      '/participation/transparency',
    ];
    const signedInPages = [
      `/participation/processes/${processId}/statements/new`,
      '/participation/measures/propose',
      '/participation/measures/proposals',
      '/participation/following',
      `/participation/drafts/${draftId}/edit`,
    ];

    const found: Record<string, string[]> = {};
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const check = async (name: string) => {
      await settle(page);
      const violations = await findSeriousA11yViolations(page);
      found[name] = violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
    };
    const visit = async (pages: string[]) => {
      for (const language of ['en', 'ar']) {
        await page.goto(`${stack.baseUrl}/`);
        await settle(page);
        await page.locator('header select').selectOption(language);
        await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
        for (const path of pages) {
          await page.goto(`${stack.baseUrl}${path}`);
          await check(`${language} ${path}`);
        }
      }
    };
    await visit(publicPages);

    // The group's chair sees the editor; an organization's admin sees the forms.
    await page.evaluate(() => localStorage.setItem('commonground.language', 'en'));
    await page.goto(`${stack.baseUrl}/sign-in`);
    await page.getByLabel('E-mail address').fill('admin@regional-cyber-forum.demo.invalid');
    await page.getByLabel('Password').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).last().click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await visit(signedInPages);

    expect(Object.keys(found)).toHaveLength(2 * (publicPages.length + signedInPages.length));
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])));
  }, 300_000);
});

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMember, createOrganization, createUser, currentTotp } from '../factories.ts';
import { signIn } from '../harness/app.ts';
import {
  describeInBrowser,
  findSeriousA11yViolations,
  launchBrowser,
  type Stack,
  startStack,
} from './harness.ts';

// A draft of 50 numbered paragraphs in two sections, so that paragraph 42 exists.
const PARAGRAPH_42 = 'States should protect critical infrastructure from ICT threats.';
const DRAFT = [
  '# Introduction',
  ...Array.from({ length: 25 }, (_, i) => `Introductory paragraph number ${i + 1} on the framework.`),
  '# Norms',
  ...Array.from({ length: 25 }, (_, i) =>
    i + 26 === 42 ? PARAGRAPH_42 : `Norms paragraph number ${i + 26} on responsible behaviour.`,
  ),
].join('\n\n');
const AMENDED =
  'States should protect critical infrastructure, including health-care facilities, from ICT threats.';

describeInBrowser('participation journey, in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  const a11y: Record<string, string[]> = {};

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  async function checkA11y(page: Page, name: string) {
    await page.waitForLoadState('networkidle');
    const violations = await findSeriousA11yViolations(page);
    a11y[name] = violations.map(
      (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  }

  async function signInAs(context: BrowserContext, email: string, withTotp = false): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${stack.baseUrl}/sign-in`);
    await page.getByLabel('E-mail address').fill(email);
    await page.getByLabel('Password').fill('correct horse battery staple');
    await page.getByRole('button', { name: 'Sign in' }).click();
    if (withTotp) {
      await page.getByLabel('Authentication code').fill(await currentTotp());
      await page.getByRole('button', { name: /verify|sign in/i }).click();
    }
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    return page;
  }

  async function statistics(processId: string) {
    const response = await stack.app.inject({
      url: `/api/v1/participation/statistics?processId=${processId}`,
    });
    return response.json() as {
      totals: { contributions: number; participants: number };
      byStakeholderKind: { key: string; incorporated: number; incorporatedShare: number | null }[];
    };
  }

  it('takes a civil-society organization from applying to seeing its amendment incorporated', async () => {
    const db = stack.app.ctx.db;
    // The cast: the secretariat, two States, a group chair and a civil-society organization.
    const secretariat = await createUser(db, { email: 'secretariat@un.example', isPlatformAdmin: true });
    for (const [name, countryCode] of [
      ['Republic of Kenya', 'KE'],
      ['Republic of Chile', 'CL'],
    ] as const) {
      const state = await createOrganization(db, { name, kind: 'state', countryCode });
      const delegate = await createUser(db);
      await addMember(db, state.id, delegate.id, 'org_admin');
    }
    const chairUser = await createUser(db, { email: 'chair@group.example', displayName: 'Ambassador Chair' });
    const civil = await createOrganization(db, {
      name: 'Digital Peace Institute',
      kind: 'civil_society',
      countryCode: 'CH',
    });
    const civilAdmin = await createUser(db, {
      email: 'policy@digitalpeace.example',
      displayName: 'Léa Policy',
    });
    await addMember(db, civil.id, civilAdmin.id, 'org_admin');

    // The secretariat sets up a process and a group through the API; the chair prepares the draft.
    const admin = await signIn(stack.app, secretariat.email, { withTotp: true });
    const process = (
      await admin.request({
        method: 'POST',
        url: '/api/v1/participation/processes',
        payload: {
          title: 'Global Mechanism 2026–2030',
          modalities:
            'Organizations with ECOSOC status take part on confirmation; others on a non-objection basis.',
          objectionPeriodDays: 10,
        },
      })
    ).json();
    const group = (
      await admin.request({
        method: 'POST',
        url: `/api/v1/participation/processes/${process.id}/groups`,
        payload: { name: 'General issues', mandate: 'Prepare the annual progress report.' },
      })
    ).json();
    await admin.request({
      method: 'POST',
      url: `/api/v1/participation/groups/${group.id}/chairs`,
      payload: { email: chairUser.email },
    });
    const chairApi = await signIn(stack.app, chairUser.email);
    const draft = (
      await chairApi.request({
        method: 'POST',
        url: `/api/v1/participation/processes/${process.id}/drafts`,
        payload: { groupId: group.id, title: 'Draft annual progress report', markdown: DRAFT },
      })
    ).json();
    await chairApi.request({
      method: 'POST',
      url: `/api/v1/participation/drafts/${draft.id}/revisions`,
      payload: { note: 'First draft' },
    });
    const consultation = (
      await chairApi.request({
        method: 'POST',
        url: `/api/v1/participation/drafts/${draft.id}/consultations`,
        payload: {
          title: 'Consultation on the first draft',
          opensAt: new Date(Date.now() - 60_000).toISOString(),
          closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        },
      })
    ).json();
    const before = await statistics(process.id);

    // 1. The civil-society organization applies, in the browser.
    const civilContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Zurich' });
    const civilPage = await signInAs(civilContext, civilAdmin.email);
    await civilPage.goto(`${stack.baseUrl}/participation/processes/${process.id}`);
    await civilPage.getByRole('heading', { name: 'Global Mechanism 2026–2030' }).waitFor();
    await checkA11y(civilPage, 'process page');
    await civilPage.getByRole('link', { name: 'Apply for accreditation' }).first().click();
    await civilPage.getByLabel('We do not hold ECOSOC consultative status').check();
    await civilPage
      .getByLabel('Statement')
      .fill('An independent organization that helps people harmed by cyberattacks.');
    await checkA11y(civilPage, 'apply page');
    await civilPage.getByRole('button', { name: 'Submit the application' }).click();
    await civilPage.waitForURL(/\/participation\/applications\//);
    await civilPage.getByText('Open to objection').first().waitFor();
    const applicationId = civilPage.url().split('/').pop()!;

    // 2. No State objects within the period: when it ends, the organization is accredited.
    await db
      .updateTable('accreditation_applications')
      .set({ circulation_ends_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', applicationId)
      .execute();
    await civilPage.reload();
    await civilPage.getByText('Accredited', { exact: true }).first().waitFor();
    await checkA11y(civilPage, 'application page');

    // 3. It comments on paragraph 42 and proposes an amendment to it.
    await civilPage.goto(`${stack.baseUrl}/participation/drafts/${draft.id}`);
    const paragraph42 = civilPage.getByRole('button', { name: /Paragraph 42\b/ }).first();
    await paragraph42.click();
    await civilPage.getByLabel('Comment', { exact: true }).fill('Health care deserves an explicit mention.');
    await civilPage.getByRole('button', { name: 'Submit comment' }).click();
    await civilPage.getByText('Health care deserves an explicit mention.').first().waitFor();
    await civilPage.getByLabel('An amendment: new wording for this paragraph').check();
    await civilPage.getByLabel('Proposed text').fill(AMENDED);
    await civilPage.getByLabel('Reason').fill('Hospitals are critical infrastructure.');
    await civilPage.getByRole('button', { name: 'Submit amendment' }).click();
    await civilPage.getByText('Hospitals are critical infrastructure.').first().waitFor();
    await checkA11y(civilPage, 'draft page with a paragraph open');
    const view = (
      await stack.app.inject({ url: `/api/v1/participation/drafts/${draft.id}/revisions/1` })
    ).json();
    expect(view.blocks.find((b: { number: number | null }) => b.number === 42)).toMatchObject({
      commentCount: 1,
      amendmentCount: 1,
    });

    // 4. The chair publishes revision 2 with the amendment, closes the consultation and marks the disposition.
    const chairContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'America/New_York' });
    const chairPage = await signInAs(chairContext, chairUser.email);
    await chairPage.goto(`${stack.baseUrl}/participation/drafts/${draft.id}`);
    await chairPage
      .getByRole('button', { name: /Paragraph 42\b/ })
      .first()
      .click();
    await chairPage.getByRole('button', { name: 'Apply to working copy' }).click();
    await chairPage.getByRole('link', { name: 'Open the editor' }).click();
    await chairPage.waitForURL(/\/edit$/);
    await checkA11y(chairPage, 'draft editor');
    await chairPage.getByRole('button', { name: /Publish as revision 2/ }).click();
    await chairPage.getByLabel(/What changed|Note/).fill('Takes in the amendment on health care');
    await chairPage
      .getByRole('button', { name: /^Publish/ })
      .last()
      .click();
    await chairPage.waitForURL(new RegExp(`/participation/drafts/${draft.id}`));
    await expect
      .poll(
        async () =>
          (await stack.app.inject({ url: `/api/v1/participation/drafts/${draft.id}` })).json()
            .currentRevision,
      )
      .toBe(2);
    await chairPage.goto(`${stack.baseUrl}/participation/drafts/${draft.id}`);
    await chairPage.getByRole('button', { name: 'Close now' }).click();
    await chairPage.getByRole('dialog').getByRole('button', { name: /Close/ }).click();
    await expect
      .poll(
        async () =>
          (await stack.app.inject({ url: `/api/v1/participation/consultations/${consultation.id}` })).json()
            .status,
      )
      .toBe('closed');
    await chairPage.goto(`${stack.baseUrl}/participation/consultations/${consultation.id}/dispositions`);
    const amendmentRow = chairPage.getByRole('row').filter({ hasText: 'health-care facilities' });
    await amendmentRow.getByLabel(/Disposition/).selectOption('incorporated');
    await amendmentRow.getByLabel(/Reason/).fill('Taken into revision 2.');
    await amendmentRow.getByRole('button', { name: /Save/ }).click();
    await expect
      .poll(async () => {
        const items = (
          await stack.app.inject({
            url: `/api/v1/participation/consultations/${consultation.id}/dispositions`,
          })
        ).json().items;
        return items.find((c: { kind: string }) => c.kind === 'amendment')?.disposition?.outcome;
      })
      .toBe('incorporated');
    await checkA11y(chairPage, 'disposition table (chair)');

    // 5. The diff shows the change, and 6. the public sees the record and the statistics move.
    const publicContext = await browser.newContext({ locale: 'en-GB' });
    const publicPage = await publicContext.newPage();
    await publicPage.goto(`${stack.baseUrl}/participation/drafts/${draft.id}/diff?from=1&to=2`);
    await publicPage.locator('ins', { hasText: 'health-care' }).first().waitFor();
    await checkA11y(publicPage, 'diff');
    await publicPage.goto(`${stack.baseUrl}/participation/consultations/${consultation.id}/dispositions`);
    await publicPage
      .getByRole('cell', { name: /Incorporated/ })
      .first()
      .waitFor();
    await publicPage.getByText('Taken into revision 2.').waitFor();
    await publicPage.goto(`${stack.baseUrl}/participation/transparency?processId=${process.id}`);
    await publicPage.getByRole('heading', { level: 1 }).waitFor();
    await checkA11y(publicPage, 'transparency');
    const after = await statistics(process.id);
    expect(before.totals).toMatchObject({ contributions: 0, participants: 0 });
    expect(after.totals).toMatchObject({ contributions: 2, participants: 1 });
    expect(after.byStakeholderKind).toEqual([
      expect.objectContaining({ key: 'civil_society', incorporated: 1, incorporatedShare: 1 }),
    ]);
    await publicPage.getByText('100%').first().waitFor();

    // The same draft reads right to left in Arabic.
    await publicPage.goto(`${stack.baseUrl}/participation/drafts/${draft.id}`);
    await publicPage
      .getByRole('button', { name: /Paragraph 42\b/ })
      .first()
      .waitFor();
    await publicPage.evaluate(() => localStorage.setItem('commonground.language', 'ar'));
    await publicPage.reload();
    await publicPage.waitForFunction(() => document.documentElement.dir === 'rtl');
    await checkA11y(publicPage, 'draft page in Arabic');

    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((name) => [name, []])));
  }, 180_000);
});

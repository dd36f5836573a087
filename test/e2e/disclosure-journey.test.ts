import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { validateCsaf } from '../../src/modules/disclosure/csaf/validate.ts';
import { programBody } from '../../src/modules/disclosure/test-support.ts';
import { createOrganization } from '../factories.ts';
import { generateRecipientKey } from '../fixtures/openpgp.ts';
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

const SHOTS = '/tmp/e2e-disclosure-journey';
const ZONE = 'Europe/Paris';

// Words that appear only inside the report, so finding them in the database before triage is a leak.
const TITLE = 'Remote code execution in the pelicanvolt substation gateway';
const PRODUCT = 'Gridline SG-7 gateway';
const DESCRIPTION = 'A crafted Modbus frame overflows the pelicanvolt parser and runs code as root.';
const CASE_SUMMARY = 'A crafted Modbus frame lets an attacker on the network run code on the gateway.';
const CVSS_V3 = 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H';
const CREDIT_NAME = 'Nadia Researcher';
const REMEDIATION = 'Install firmware 7.2.1, which bounds the frame length.';
const VENDOR_A = {
  name: 'Gridline Systems',
  email: 'psirt@gridline.example',
  product: 'SG-7',
  version: '7.2.0',
};
const VENDOR_B = {
  name: 'Volta Meters',
  email: 'security@volta-meters.example',
  product: 'VM-3',
  version: '1.4',
};

describeInBrowser('coordinated vulnerability disclosure from report to advisory, in Chromium', () => {
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
  const newContext = async (language: 'en' | 'ar' = 'en'): Promise<BrowserContext> => {
    const context = await browser.newContext({
      locale: language === 'ar' ? 'ar' : 'en-GB',
      timezoneId: ZONE,
    });
    context.setDefaultTimeout(15_000);
    await context.addInitScript(
      (code) => window.localStorage.setItem('commonground.language', code),
      language,
    );
    return context;
  };
  const invitationLink = (to: string) => invitationLinkIn(stack.smtp, to);

  it('takes an encrypted report through triage, a case with two vendors and an embargo to a public advisory the researcher sees', async () => {
    const db = stack.app.ctx.db;
    const year = new Date().getUTCFullYear();

    // 1. Setup: a verified CERT with an admin and two analysts, and a published program with an OpenPGP key.
    const cert = await createOrganization(db, { name: 'National CERT of Exampleland', kind: 'cert' });
    const admin = await createMember(db, cert.id, 'org_admin');
    const coordinator1 = await createMember(db, cert.id, 'member');
    const coordinator2 = await createMember(db, cert.id, 'member');
    const key = await generateRecipientKey('cvd@cert.example');
    const adminApi = await signIn(stack.app, admin.email);
    const created = await adminApi.request({
      method: 'POST',
      url: '/api/v1/disclosure-programs',
      payload: programBody(cert.id, {
        name: 'National coordinated vulnerability disclosure',
        openpgpKey: key.publicArmored,
      }),
    });
    expect(created.statusCode, created.body).toBe(201);
    const programId = (created.json() as { id: string }).id;

    // 2. An anonymous researcher reports through the program's page, encrypted in the browser.
    const researcher = await newContext();
    const form = await researcher.newPage();
    await form.goto(`${stack.baseUrl}/disclose/${programId}`);
    await form
      .getByRole('heading', { name: 'National coordinated vulnerability disclosure', level: 1 })
      .waitFor();
    await form.getByRole('link', { name: 'Report a vulnerability' }).click();
    await form.getByRole('heading', { name: 'Report a vulnerability', level: 1 }).waitFor();
    expect(await form.getByLabel('Encrypt in my browser before sending').isChecked()).toBe(true);
    await form.getByLabel('Title', { exact: true }).fill(TITLE);
    await form.getByLabel('Affected product or system').fill(PRODUCT);
    await form.getByLabel('Description', { exact: true }).fill(DESCRIPTION);
    await form.getByLabel('Credit me by name').check();
    await form.getByLabel('Name or pseudonym to credit').fill(CREDIT_NAME);
    await expectNoSeriousA11yViolations(form, 'report form');
    await shot(form, '01-report-form');
    await form.getByRole('button', { name: 'Encrypt and send the report' }).click();
    await form.getByRole('heading', { name: 'Save this link now' }).waitFor();
    await shot(form, '02-report-sent');
    const secretLink = (await form.locator('.cg-vdp-secret code').textContent()) ?? '';
    const linkMatch = /\/reports\/track#token=(vr_[0-9a-z]{26})\.[A-Za-z0-9_-]{43}$/.exec(secretLink);
    expect(linkMatch, secretLink).not.toBeNull();
    const reportId = linkMatch?.[1] ?? '';

    // The server holds ciphertext only.
    const row = await db
      .selectFrom('vulnerability_reports')
      .selectAll()
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    expect(row.program_id).toBe(programId);
    expect(row.is_encrypted).toBe(1);
    expect(row.title).toBeNull();
    expect(row.product).toBeNull();
    expect(row.content).toBeNull();
    expect(row.ciphertext).toMatch(/^-----BEGIN PGP MESSAGE-----/);
    expect(JSON.stringify(row)).not.toContain('pelicanvolt');

    // 3. Coordinator 1 finds it in the queue, decrypts it in the browser and triages it.
    const coordinator1Context = await newContext();
    const c1 = await signInInBrowser(stack.baseUrl, coordinator1Context, coordinator1.email, false);
    await c1.goto(`${stack.baseUrl}/disclosure/reports`);
    await c1.getByRole('heading', { name: 'Vulnerability reports', level: 1 }).waitFor();
    const queueRow = c1.getByRole('row', { name: new RegExp(reportId) });
    await queueRow.getByRole('link', { name: 'Encrypted report' }).click();
    await c1.waitForURL(new RegExp(`/disclosure/reports/${reportId}$`));
    await c1.getByLabel('Private key file').setInputFiles({
      name: 'cvd-private.asc',
      mimeType: 'application/pgp-keys',
      buffer: Buffer.from(key.privateArmored),
    });
    await c1.getByRole('button', { name: 'Decrypt in this browser' }).click();
    await c1.getByText('The report was decrypted in this browser.').waitFor();
    await c1.getByText(DESCRIPTION).waitFor();
    await c1.getByRole('button', { name: 'Copy title and product into triage' }).click();
    await expect.poll(() => c1.getByLabel('Title', { exact: true }).inputValue()).toBe(TITLE);
    expect(await c1.getByLabel('Product', { exact: true }).inputValue()).toBe(PRODUCT);
    await c1.getByLabel('CVSS 3.1 vector').fill(CVSS_V3);
    await c1.locator('.cg-triage-cvss-result').first().getByText('Base score 9.8').waitFor();
    await c1.getByLabel('CWE ids').fill('CWE-787');
    await c1.getByRole('button', { name: 'Save triage' }).click();
    await c1.getByText('Out-of-bounds Write').waitFor();
    await c1.getByRole('heading', { name: TITLE, level: 1 }).waitFor();

    const point = (name: RegExp) => c1.getByRole('group', { name });
    await point(/^Report Public/)
      .getByLabel('No', { exact: true })
      .check();
    await point(/^Supplier Contacted/)
      .getByLabel('No', { exact: true })
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
    await point(/^Utility/)
      .getByLabel('Work this out from Automatable and Value Density')
      .check();
    await point(/^Automatable/)
      .getByLabel('Yes', { exact: true })
      .check();
    await point(/^Value Density/)
      .getByLabel('Concentrated', { exact: true })
      .check();
    await point(/^Public Safety Impact/)
      .getByLabel('Significant', { exact: true })
      .check();
    await c1.locator('.cg-triage-outcome').getByText('Coordinate', { exact: true }).waitFor();
    await c1.getByLabel('Rationale').fill('Grid operators in several countries run these gateways.');
    await c1.getByRole('button', { name: 'Record decision' }).click();
    await c1
      .getByRole('table', { name: 'Recorded decisions' })
      .getByText('Coordinate', { exact: true })
      .waitFor();
    await c1.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    const acknowledge = c1.getByRole('dialog');
    await acknowledge.getByLabel('Note to the reporter').fill('Thank you: we are bringing in the vendors.');
    await acknowledge.getByRole('button', { name: 'Acknowledge', exact: true }).click();
    await acknowledge.waitFor({ state: 'hidden' });
    await expectNoSeriousA11yViolations(c1, 'report page');
    await shot(c1, '03-report-triaged');
    const triaged = await db
      .selectFrom('vulnerability_reports')
      .select(['status', 'title', 'product', 'cvss_v3_score', 'cwe_ids', 'content'])
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    expect(triaged).toEqual({
      status: 'acknowledged',
      title: TITLE,
      product: PRODUCT,
      cvss_v3_score: 9.8,
      cwe_ids: '["CWE-787"]',
      content: null,
    });
    const decision = await db
      .selectFrom('disclosure_ssvc_decisions')
      .select(['kind', 'outcome'])
      .where('report_id', '=', reportId)
      .executeTakeFirstOrThrow();
    expect(decision).toEqual({ kind: 'triage', outcome: 'C' });

    // 4. From the report page, a case with the default 45-day target; two vendors invited by e-mail.
    await c1.getByRole('link', { name: 'Open a coordination case' }).click();
    await c1.getByRole('heading', { name: 'Open a disclosure case', level: 1 }).waitFor();
    await expect.poll(() => c1.getByLabel('Title', { exact: true }).inputValue()).toBe(TITLE);
    expect(await c1.getByLabel('45 days').isChecked()).toBe(true);
    await c1.getByLabel('Summary for participants').fill(CASE_SUMMARY);
    await c1.getByRole('button', { name: 'Open the case' }).click();
    await c1.waitForURL(/\/disclosure\/cases\/case_[0-9a-z]+/);
    const caseId = new URL(c1.url()).pathname.split('/').pop() ?? '';
    await c1.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await c1.getByText('45 days after the case was opened').waitFor();
    const caseRow = await db
      .selectFrom('disclosure_cases')
      .selectAll()
      .where('id', '=', caseId)
      .executeTakeFirstOrThrow();
    const target = Date.parse(String(caseRow.target_date)) - Date.parse(String(caseRow.created_at));
    expect(Math.round(target / 86_400_000)).toBe(45);

    await c1.getByRole('tab', { name: /Participants/ }).click();
    for (const vendor of [VENDOR_A, VENDOR_B]) {
      await c1.getByRole('button', { name: 'Invite a participant' }).click();
      const dialog = c1.getByRole('dialog', { name: 'Invite a participant' });
      await dialog.getByLabel('E-mail address').fill(vendor.email);
      await dialog.getByLabel('Name shown in the case').fill(vendor.name);
      await dialog.getByLabel('Products').fill(`${vendor.product} | ${vendor.version}`);
      await dialog.getByRole('button', { name: 'Send the invitation' }).click();
      await dialog.getByText(`${vendor.name} is invited`).waitFor();
      await dialog.getByRole('button', { name: 'Done' }).click();
      await c1.getByRole('row', { name: new RegExp(vendor.name) }).waitFor();
    }
    const invitationA = await invitationLink(VENDOR_A.email);
    const invitationB = await invitationLink(VENDOR_B.email);
    expect(invitationB.link).not.toBe(invitationA.link);

    // 5. Vendor A, without an account, opens its link and marks its product fixed; vendor B stays silent.
    const vendorAContext = await newContext();
    const vendorA = await vendorAContext.newPage();
    await vendorA.goto(invitationA.link);
    const caseTitle = vendorA.getByRole('heading', { name: TITLE, level: 1 });
    const caseIdField = vendorA.getByLabel('Case id');
    await caseTitle.or(caseIdField).waitFor();
    if (await caseIdField.isVisible()) {
      await caseIdField.fill(invitationA.caseId);
      await vendorA.getByRole('button', { name: 'Open the case' }).click();
    }
    await caseTitle.waitFor();
    expect(vendorA.url()).not.toContain('token=');
    await vendorA.getByRole('tab', { name: 'Your response' }).click();
    const productLabel = `${VENDOR_A.product} ${VENDOR_A.version}`.replace(/\./g, '\\.');
    await vendorA.getByRole('button', { name: new RegExp(`Give the status.*${productLabel}`) }).click();
    await vendorA
      .getByRole('group', { name: `Status of ${VENDOR_A.product} ${VENDOR_A.version}` })
      .getByLabel('Fixed')
      .check();
    await vendorA.getByLabel('Fix', { exact: true }).fill(REMEDIATION);
    await vendorA.getByRole('button', { name: 'Save the status' }).click();
    await vendorA.locator('.cg-case-product .cg-case-status-fixed').waitFor();
    await shot(vendorA, '04-vendor-fixed');

    await c1.goto(`${stack.baseUrl}/disclosure/cases/${caseId}?tab=participants`);
    await c1
      .getByRole('row', { name: new RegExp(VENDOR_A.name) })
      .locator('.cg-case-status-fixed')
      .waitFor();
    await c1
      .getByRole('row', { name: new RegExp(VENDOR_B.name) })
      .locator('.cg-case-status-no_response')
      .waitFor();

    // 6. An embargo ending at 18:00 Paris time in a month: proposed, put in force, then ended.
    const day = dayAhead(30);
    const expectedEnd = new Date(
      Date.parse(`${day}T18:00:00Z`) - offsetHours(day, ZONE) * 3_600_000,
    ).toISOString();
    await c1.getByRole('tab', { name: 'Overview' }).click();
    await c1.getByLabel('Embargo ends').fill(`${day}T18:00`);
    await expect
      .poll(() => c1.locator('.cg-case-utc-preview').textContent())
      .toContain(`${expectedEnd.slice(11, 16)} UTC`);
    await c1.getByLabel('Reason', { exact: true }).fill('Time for the vendors to ship fixes.');
    await c1.getByRole('button', { name: 'Propose the embargo' }).click();
    await c1.getByRole('button', { name: 'Put the embargo in force' }).click();
    await c1.getByText('Under embargo', { exact: true }).waitFor();
    const activeEmbargo = await db
      .selectFrom('disclosure_embargoes')
      .select(['state', 'ends_at'])
      .where('case_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(activeEmbargo).toEqual({ state: 'active', ends_at: expectedEnd });
    await expectNoSeriousA11yViolations(c1, 'case page under embargo');
    await shot(c1, '05-case-embargo');
    await c1.getByRole('button', { name: 'End the embargo now' }).click();
    const endDialog = c1.getByRole('dialog', { name: 'End the embargo now?' });
    await endDialog.getByLabel('Note to participants').fill('Both fixes are out.');
    await endDialog.getByRole('button', { name: 'End the embargo now' }).click();
    await endDialog.waitFor({ state: 'hidden' });
    await expect
      .poll(
        async () =>
          (
            await db
              .selectFrom('disclosure_embargoes')
              .select('state')
              .where('case_id', '=', caseId)
              .executeTakeFirstOrThrow()
          ).state,
      )
      .toBe('exited');

    // 7. Coordinator 1 drafts the advisory from the case; coordinator 2 approves it; coordinator 1 publishes.
    await c1.getByRole('link', { name: 'Draft the advisory' }).click();
    await c1.getByRole('heading', { name: 'Draft the advisory', level: 1 }).waitFor();
    expect(await c1.getByLabel('Title', { exact: true }).inputValue()).toBe(TITLE);
    expect(await c1.getByLabel('Summary', { exact: true }).inputValue()).toBe(CASE_SUMMARY);
    await c1.getByLabel(/^Remediation/).fill(REMEDIATION);
    await c1.getByRole('button', { name: 'Save the draft' }).click();
    await c1.waitForURL(/\/advisories\/adv_[0-9a-z]+$/);
    const advisoryId = new URL(c1.url()).pathname.split('/').pop() ?? '';
    const trackingId = (
      await db
        .selectFrom('disclosure_advisories')
        .select('tracking_id')
        .where('id', '=', advisoryId)
        .executeTakeFirstOrThrow()
    ).tracking_id;
    expect(trackingId).toMatch(new RegExp(`^CG-${year}-\\d{4}$`));
    await c1.getByRole('button', { name: 'Ask for review' }).click();
    await c1.getByText(/^Revision 1 is waiting for another coordinator.s review\./).waitFor();

    const coordinator2Context = await newContext();
    const c2 = await signInInBrowser(stack.baseUrl, coordinator2Context, coordinator2.email, false);
    await c2.goto(`${stack.baseUrl}/advisories/${advisoryId}`);
    await c2.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await c2.getByRole('group', { name: 'Your review' }).getByLabel('Approve').check();
    await c2.getByRole('button', { name: 'Record my review' }).click();
    await c2.getByText('This revision is approved and can be published.').waitFor();

    await c1.reload();
    await c1.getByText('This revision is approved and can be published.').waitFor();
    await c1.getByText('No embargo holds on the case', { exact: false }).waitFor();
    await c1.getByRole('button', { name: 'Publish', exact: true }).click();
    const publish = c1.getByRole('dialog', { name: 'Publish this advisory now?' });
    await publish.getByRole('button', { name: 'Publish now' }).click();
    await publish.waitFor({ state: 'hidden' });
    await c1.getByText(/^Version 1 is published\./).waitFor();
    const advisory = await db
      .selectFrom('disclosure_advisories')
      .select(['status', 'tlp', 'published_at'])
      .where('id', '=', advisoryId)
      .executeTakeFirstOrThrow();
    expect(advisory.status).toBe('published');
    expect(advisory.tlp).toBe('CLEAR');
    expect(advisory.published_at).not.toBeNull();

    // 8. Anyone reads it: the silent vendor shows as such, the CSAF document is valid and listed.
    const anonymous = await newContext();
    const publicPage = await anonymous.newPage();
    await publicPage.goto(`${stack.baseUrl}/advisories/${advisoryId}`);
    await publicPage.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await publicPage.getByText('Published', { exact: true }).first().waitFor();
    expect(await publicPage.getByText('Working area', { exact: false }).count()).toBe(0);
    const facts = publicPage.getByRole('region', { name: 'At a glance' });
    await facts.getByText(CREDIT_NAME).waitFor();
    await facts.getByRole('link', { name: 'CWE-787' }).waitFor();
    const products = publicPage.getByRole('table', { name: 'Products by vendor, with their status' });
    const silentRow = products.getByRole('row', { name: new RegExp(VENDOR_B.product) });
    expect(await silentRow.textContent()).toContain('No response yet');
    expect(await silentRow.textContent()).not.toContain('Not affected');
    expect(await products.getByRole('row', { name: new RegExp(VENDOR_A.product) }).textContent()).toContain(
      'Fixed',
    );
    await expectNoSeriousA11yViolations(publicPage, 'public advisory page');
    await shot(publicPage, '06-public-advisory');

    const csafHref = await publicPage
      .getByRole('link', { name: 'CSAF security advisory (JSON)' })
      .getAttribute('href');
    const csafResponse = await publicPage.request.get(new URL(csafHref ?? '', stack.baseUrl).toString());
    expect(csafResponse.status()).toBe(200);
    const csaf = await csafResponse.json();
    expect(csaf.document.tracking).toMatchObject({ id: trackingId, status: 'final', version: '1' });
    expect(csaf.document.acknowledgments[0].names).toEqual([CREDIT_NAME]);
    expect(JSON.stringify(csaf)).toContain(VENDOR_B.name);
    expect((await validateCsaf(csaf)).errors).toEqual([]);
    const index = await publicPage.request.get(`${stack.baseUrl}/.well-known/csaf/white/index.txt`);
    expect(index.status()).toBe(200);
    expect((await index.text()).split('\n')).toContain(`${year}/${trackingId.toLowerCase()}.json`);

    // 9. The researcher's secret link now shows the outcome: the advisory, one click away.
    const track = await researcher.newPage();
    await track.goto(secretLink);
    await track.getByRole('heading', { name: 'Your vulnerability report', level: 1 }).waitFor();
    await track.getByText(`Advisory ${trackingId} was published on`, { exact: false }).waitFor();
    await shot(track, '07-researcher-outcome');
    await track.getByRole('link', { name: 'Read the advisory' }).click();
    await track.waitForURL(new RegExp(`/advisories/${advisoryId}$`));
    await track.getByRole('heading', { name: TITLE, level: 1 }).waitFor();

    // 10. Through the same link the researcher follows the case itself and writes to the coordinators.
    const follow = await researcher.newPage();
    await follow.goto(secretLink);
    await follow.getByRole('link', { name: 'Follow the case' }).click();
    await follow.waitForURL(/\/reports\/track\/case\?case=case_/);
    await follow.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    expect(follow.url()).not.toContain('token');
    await follow.getByRole('tab', { name: 'Messages' }).click();
    await follow.getByRole('tab', { name: 'Private, with the coordinators' }).click();
    const question = 'Thank you. May I publish my write-up now that the advisory is out?';
    await follow.getByLabel('Private message').fill(question);
    await follow.getByRole('button', { name: 'Send' }).click();
    await follow.locator('.cg-case-message', { hasText: question }).waitFor();
    await expectNoSeriousA11yViolations(follow, 'reporter, case');
    const stored = await db
      .selectFrom('disclosure_case_messages as m')
      .innerJoin('disclosure_case_participants as p', 'p.id', 'm.author_participant_id')
      .select(['p.role', 'm.channel_participant_id'])
      .where('m.body', '=', question)
      .executeTakeFirstOrThrow();
    expect(stored.role).toBe('reporter');
    expect(stored.channel_participant_id).not.toBeNull();

    // The same tracking page in Arabic, right to left.
    const arabic = await (await newContext('ar')).newPage();
    await arabic.goto(secretLink);
    await arabic.waitForFunction(() => document.documentElement.dir === 'rtl');
    await arabic.getByText(trackingId).first().waitFor();
    await shot(arabic, '08-researcher-outcome-ar');
  }, 120_000);
});

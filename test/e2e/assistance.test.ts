import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrganization } from '../factories.ts';
import { waitUntil } from '../fixtures/delivery-support.ts';
import { decryptReceivedMail, generateRecipientKey } from '../fixtures/openpgp.ts';
import { signIn } from '../harness/app.ts';
import { createMember, signInInBrowser } from './accounts.ts';
import { describeInBrowser, launchBrowser, type Stack, startStack } from './harness.ts';

const SHOTS = '/tmp/e2e-assistance';

// A word that appears nowhere but in the request's description, so that finding it anywhere is a leak.
const MARKER = 'zebrafinchquartz';
const TITLE = 'Wiper malware on the national electricity grid';
const DESCRIPTION =
  `Disk wiper activity began on grid control servers at dawn. The dropper is tracked as ${MARKER}; ` +
  'lateral movement used stolen service accounts.';
const RESPONSE = 'Our malware team will analyse the dropper sample and share indicators by tomorrow.';
const ATTACHMENT = { name: 'dropper-hashes.txt', text: `${MARKER} hashes\n` };

/** The unfolded header fields of a raw message, names in lower case. */
function headersOf(raw: string): Record<string, string> {
  const head = raw.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const headers: Record<string, string> = {};
  for (const field of head.split(/\r?\n(?![ \t])/)) {
    const colon = field.indexOf(':');
    if (colon > 0)
      headers[field.slice(0, colon).trim().toLowerCase()] = field
        .slice(colon + 1)
        .replace(/\s+/g, ' ')
        .trim();
  }
  return headers;
}

describeInBrowser('request for assistance between two States, in Chromium', () => {
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

  const signInAs = (context: BrowserContext, email: string, withTotp: boolean) =>
    signInInBrowser(stack.baseUrl, context, email, withTotp);
  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

  it('takes a request from composing through encrypted mail to a response, and hides it from outsiders', async () => {
    const db = stack.app.ctx.db;

    // Two States with a technical point of contact each (two-factor), and a member of a third organization.
    const kenya = await createOrganization(db, {
      name: 'Republic of Kenya',
      kind: 'state',
      countryCode: 'KE',
    });
    const chile = await createOrganization(db, {
      name: 'Republic of Chile',
      kind: 'state',
      countryCode: 'CL',
    });
    const bystander = await createOrganization(db, {
      name: 'Bystander CERT',
      kind: 'cert',
      countryCode: 'FR',
    });
    const kenyaAdmin = await createMember(db, kenya.id, 'org_admin');
    const kenyaPoc = await createMember(db, kenya.id, 'member', true);
    const chileAdmin = await createMember(db, chile.id, 'org_admin');
    const chilePoc = await createMember(db, chile.id, 'member', true);
    const outsider = await createMember(db, bystander.id, 'member');

    // Each State's admin nominates its point of contact through the API; Chile's entry carries an OpenPGP key.
    const chileEntryEmail = 'duty@csirt.cl.example';
    const chileKey = await generateRecipientKey(chileEntryEmail);
    const nominate = async (
      adminEmail: string,
      body: Record<string, unknown>,
    ): Promise<{ id: string; openpgp: { fingerprint: string } | null }> => {
      const admin = await signIn(stack.app, adminEmail);
      const response = await admin.request({ method: 'POST', url: '/api/v1/contacts', payload: body });
      expect(response.statusCode, response.body).toBe(201);
      return response.json();
    };
    const common = {
      role: 'technical',
      languages: ['en'],
      services: ['incident_coordination', 'malware_analysis'],
    };
    await nominate(kenyaAdmin.email, {
      ...common,
      orgId: kenya.id,
      userId: kenyaPoc.id,
      name: 'KE-CIRT duty desk',
      email: 'duty@ke-cirt.ke.example',
      timeZone: 'Africa/Nairobi',
    });
    const chileEntry = await nominate(chileAdmin.email, {
      ...common,
      orgId: chile.id,
      userId: chilePoc.id,
      name: 'CSIRT Chile duty desk',
      email: chileEntryEmail,
      timeZone: 'America/Santiago',
      openpgpKey: chileKey.publicArmored,
    });
    expect(chileEntry.openpgp?.fingerprint).toBe(chileKey.fingerprint);

    // 1. Kenya's POC signs in with a second factor and finds Chile's entry, with its key's fingerprint.
    const kenyaContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Africa/Nairobi' });
    const kenyaPage = await signInAs(kenyaContext, kenyaPoc.email, true);
    await kenyaPage.goto(`${stack.baseUrl}/contacts`);
    const chileCard = kenyaPage.getByRole('article', { name: 'CSIRT Chile duty desk' });
    await chileCard.waitFor();
    const groupedFingerprint = chileKey.fingerprint.match(/.{4}/g)!.join(' ');
    await expect.poll(() => chileCard.locator('.cg-poc-fingerprint').textContent()).toBe(groupedFingerprint);
    await expect.poll(() => chileCard.textContent()).toContain('Republic of Chile');
    await shot(kenyaPage, '01-directory');

    // 2. It writes a request for assistance to Chile on the standard template, TLP:AMBER.
    await kenyaPage.goto(`${stack.baseUrl}/requests/new`);
    await kenyaPage.getByRole('heading', { name: 'New request', level: 1 }).waitFor();
    const sender = kenyaPage.getByLabel('Sending organization');
    await expect.poll(() => sender.inputValue()).toBe(kenya.id);
    await kenyaPage.getByLabel('Type of message').selectOption('request_for_assistance');
    await kenyaPage.getByLabel('Republic of Chile').check();
    const amberOption = kenyaPage.locator('.cg-tlp-option', {
      has: kenyaPage.locator('input[value="TLP:AMBER"]'),
    });
    await amberOption.locator('label').click();
    expect(await amberOption.locator('input').isChecked()).toBe(true);
    expect(await kenyaPage.locator('input[value="TLP:AMBER+STRICT"]').isChecked()).toBe(false);
    await kenyaPage.getByLabel('Title', { exact: true }).fill(TITLE);
    await kenyaPage.getByLabel('Incident status').selectOption('ongoing');
    await kenyaPage.getByLabel('Sector affected').selectOption('energy');
    await kenyaPage.getByLabel('High', { exact: true }).check();
    await kenyaPage.getByLabel('Cross-border incident').check();
    await kenyaPage.getByLabel('Malware analysis', { exact: true }).check();
    await kenyaPage.getByLabel('Digital forensics', { exact: true }).check();
    await kenyaPage
      .getByLabel('Details of the assistance requested')
      .fill('Reverse engineering of the dropper and its persistence mechanism.');
    await kenyaPage
      .getByLabel('Actions taken so far')
      .fill('Control network segmented; affected servers taken offline.');
    await kenyaPage.getByLabel('Priority', { exact: true }).check();
    await expect.poll(() => kenyaPage.getByLabel('Acknowledge by').inputValue()).not.toBe('');
    await kenyaPage.getByLabel('Description', { exact: true }).fill(DESCRIPTION);
    await kenyaPage.locator('#rfa-section-description input[type=file]').setInputFiles({
      name: ATTACHMENT.name,
      mimeType: 'text/plain',
      buffer: Buffer.from(ATTACHMENT.text),
    });
    await kenyaPage.locator('.cg-rfa-files code.cg-rfa-hash', { hasText: /^[0-9a-f]{64}$/ }).waitFor();
    await shot(kenyaPage, '02-composer');
    await kenyaPage.getByRole('button', { name: 'Review before sending' }).click();
    await kenyaPage.getByRole('heading', { name: 'Review the request' }).waitFor();
    await shot(kenyaPage, '03-review');
    await kenyaPage.getByRole('button', { name: 'Send request' }).click();
    await kenyaPage.waitForURL(/\/requests\/rfa_[^/]+$/);
    const requestId = new URL(kenyaPage.url()).pathname.split('/').pop()!;
    expect(requestId).not.toBe('new');
    await kenyaPage.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    await shot(kenyaPage, '04-sent');

    // 3. Chile's POC gets it by mail, PGP/MIME encrypted to its key and signed by the instance.
    let raw = '';
    await waitUntil(() => {
      raw =
        stack.smtp.mails.find((mail) => {
          const headers = headersOf(mail.raw);
          return headers.to?.includes(chileEntryEmail) && headers.subject?.includes(requestId);
        })?.raw ?? '';
      return raw !== '';
    }, `the mail about ${requestId} to ${chileEntryEmail}`);
    const headers = headersOf(raw);
    expect(headers['content-type']).toMatch(/^multipart\/encrypted;/i);
    expect(headers.subject).toContain('[TLP:AMBER]');
    expect(raw).not.toContain(MARKER);
    expect(raw).not.toContain(TITLE);
    const instanceKey = await fetch(`${stack.baseUrl}/.well-known/commonground/openpgp.asc`).then((r) =>
      r.text(),
    );
    const mail = await decryptReceivedMail(raw, chileKey.privateArmored, instanceKey);
    expect(mail.isSignatureValid).toBe(true);
    expect(mail.text).toContain(DESCRIPTION);
    expect(mail.text).toContain('TLP:AMBER');
    // The mail links to the request's page in the web app.
    const link = `${stack.baseUrl}/requests/${requestId}`;
    expect(mail.text).toContain(link);

    // 4. Chile's POC opens it from the inbox, acknowledges, accepts and responds.
    const chileContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'America/Santiago' });
    const chilePage = await signInAs(chileContext, chilePoc.email, true);
    await chilePage.goto(`${stack.baseUrl}/requests`);
    await chilePage.getByRole('link', { name: TITLE }).waitFor();
    // Opened as the POC would, from the link in the mail.
    await chilePage.goto(link);
    await chilePage.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
    const chileStatus = chilePage.getByRole('row', { name: /Republic of Chile/ });
    await shot(chilePage, '05-received');
    await chilePage.getByRole('button', { name: 'Acknowledge receipt' }).click();
    await chileStatus.getByText('Acknowledged', { exact: true }).waitFor();
    await chilePage.getByRole('button', { name: 'Decide' }).click();
    const dialog = chilePage.getByRole('dialog');
    await dialog.getByLabel('Accept', { exact: true }).check();
    await dialog.getByRole('button', { name: 'Send decision' }).click();
    await dialog.waitFor({ state: 'detached' });
    await chileStatus.getByText('Accepted', { exact: true }).first().waitFor();
    await chilePage.getByLabel('Message', { exact: true }).fill(RESPONSE);
    await chilePage.getByRole('button', { name: 'Send as response' }).click();
    await chileStatus.getByText('Responded', { exact: true }).waitFor();
    await chilePage.getByText(RESPONSE).waitFor();
    await shot(chilePage, '06-responded');

    // 5. Kenya sees the response and the new status, and prints the request with the label on every page.
    await kenyaPage.reload();
    await kenyaPage.getByText(RESPONSE).waitFor();
    await kenyaPage
      .getByRole('row', { name: /Republic of Chile/ })
      .getByText('Responded', { exact: true })
      .waitFor();
    await shot(kenyaPage, '07-response-seen');
    await kenyaPage.getByRole('link', { name: 'Printable view' }).click();
    await kenyaPage.waitForURL(new RegExp(`/requests/${requestId}/print$`));
    await kenyaPage.locator('.cg-rfa-print-document h1', { hasText: TITLE }).waitFor();
    await kenyaPage.emulateMedia({ media: 'print' });
    for (const band of ['.cg-rfa-print-band-top', '.cg-rfa-print-band-bottom']) {
      const element = kenyaPage.locator(band);
      expect(await element.isVisible(), band).toBe(true);
      expect(await element.textContent(), band).toContain('TLP:AMBER');
      expect(await element.textContent(), band).not.toContain('TLP:AMBER+STRICT');
    }
    expect(await kenyaPage.locator('.cg-rfa-print-header').textContent()).toContain('TLP:AMBER');
    await shot(kenyaPage, '08-print');
    await kenyaPage.pdf({ path: `${SHOTS}/08-print.pdf` });
    await kenyaPage.emulateMedia({ media: 'screen' });

    // 6. A member of a third organization learns nothing of it: not by id, list, search or attachment.
    const attachment = await db
      .selectFrom('assistance_attachments')
      .select('id')
      .where('request_id', '=', requestId)
      .executeTakeFirstOrThrow();
    const outsiderApi = await signIn(stack.app, outsider.email);
    const get = (url: string) => outsiderApi.request({ method: 'GET', url });
    expect((await get(`/api/v1/assistance-requests/${requestId}`)).statusCode).toBe(404);
    expect(
      (await get(`/api/v1/assistance-requests/${requestId}/attachments/${attachment.id}`)).statusCode,
    ).toBe(404);
    for (const box of ['inbox', 'outbox']) {
      const list = await get(`/api/v1/assistance-requests?box=${box}`);
      expect(list.statusCode).toBe(200);
      expect(list.body).not.toContain(requestId);
      expect(list.json().items).toEqual([]);
    }
    const search = await get(`/api/v1/search?q=${MARKER}`);
    expect(search.statusCode).toBe(200);
    expect(search.json().items).toEqual([]);
    // The same requests answer the parties, so the denials above are about who asks.
    const chileApi = await signIn(stack.app, chileAdmin.email);
    const asChile = (url: string) => chileApi.request({ method: 'GET', url });
    expect((await asChile(`/api/v1/assistance-requests/${requestId}`)).statusCode).toBe(200);
    const file = await asChile(`/api/v1/assistance-requests/${requestId}/attachments/${attachment.id}`);
    expect(file.statusCode).toBe(200);
    expect(file.body).toBe(ATTACHMENT.text);

    const outsiderContext = await browser.newContext({ locale: 'en-GB' });
    const outsiderPage = await signInAs(outsiderContext, outsider.email, false);
    await outsiderPage.goto(`${stack.baseUrl}/requests/${requestId}`);
    await outsiderPage.getByText('This item was not found. It may have been removed.').waitFor();
    expect(await outsiderPage.getByText(TITLE).count()).toBe(0);
    expect(await outsiderPage.getByText(MARKER).count()).toBe(0);
    await shot(outsiderPage, '09-outsider');
  }, 90_000);
});

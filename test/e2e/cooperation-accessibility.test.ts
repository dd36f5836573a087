import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createOrganization, createUser } from '../factories.ts';
import { generateRecipientKey } from '../fixtures/openpgp.ts';
import { type Client, signIn } from '../harness/app.ts';
import { createMember, signInInBrowser } from './accounts.ts';
import {
  describeInBrowser,
  findSeriousA11yViolations,
  launchBrowser,
  type Stack,
  startStack,
} from './harness.ts';

const SHOTS = '/tmp/e2e-cooperation-a11y';
/** A page, and a selector for the state it is checked in. */
interface PageToCheck {
  path: string;
  ready: string;
}

const INVALID_TOKEN = 'this-token-was-never-issued-0123456789';

describeInBrowser(
  'accessibility of the directory, requests and communication checks, in English and Arabic',
  () => {
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

    // Everyone who signs in to the browser here does so with TOTP.
    const signInAs = (context: BrowserContext, email: string) =>
      signInInBrowser(stack.baseUrl, context, email, true);

    async function expectCreated(response: Awaited<ReturnType<Client['request']>>) {
      expect(response.statusCode, response.body).toBe(201);
      return response.json() as { id: string };
    }

    it('finds no serious or critical axe-core violation on the new pages', async () => {
      const db = stack.app.ctx.db;

      // Two States, each with points of contact; Kenya's browser user is also an admin of its State.
      // Users who act through the API are not the ones who sign in to the browser: a TOTP code is good once.
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
      const kenyaAdmin = await createMember(db, kenya.id, 'org_admin');
      const kenyaUser = await createMember(db, kenya.id, 'org_admin', true);
      const kenyaDiplomat = await createMember(db, kenya.id, 'member', true);
      const chileAdmin = await createMember(db, chile.id, 'org_admin');
      const chilePoc = await createMember(db, chile.id, 'member', true);
      const secretariat = await createUser(db, { isPlatformAdmin: true });
      const secretariatApi = await createUser(db, { isPlatformAdmin: true });

      const entry = (orgId: string, userId: string, role: string, name: string, email: string) => ({
        orgId,
        userId,
        role,
        name,
        email,
        phone: '+254 20 000 0000',
        languages: ['en', 'ar'],
        timeZone: 'Africa/Nairobi',
        workingHours: { days: [1, 2, 3, 4, 5], start: '08:00', end: '17:00' },
        services: ['incident_coordination', 'malware_analysis'],
      });
      const kenyaAdminApi = await signIn(stack.app, kenyaAdmin.email);
      const nominate = (client: Client, body: Record<string, unknown>) =>
        client.request({ method: 'POST', url: '/api/v1/contacts', payload: body }).then(expectCreated);
      await nominate(
        kenyaAdminApi,
        entry(kenya.id, kenyaUser.id, 'technical', 'KE-CIRT duty desk', 'duty@ke-cirt.ke.example'),
      );
      await nominate(
        kenyaAdminApi,
        entry(kenya.id, kenyaDiplomat.id, 'diplomatic', 'Kenya cyber diplomacy desk', 'cyber@mfa.ke.example'),
      );
      const chileKey = await generateRecipientKey('duty@csirt.cl.example');
      const chileEntry = await nominate(await signIn(stack.app, chileAdmin.email), {
        ...entry(chile.id, chilePoc.id, 'technical', 'CSIRT Chile duty desk', 'duty@csirt.cl.example'),
        timeZone: 'America/Santiago',
        openpgpKey: chileKey.publicArmored,
      });

      // A request in Kenya's inbox (acknowledged, so the thread has an entry) and one in its outbox.
      const request = (senderOrgId: string, recipientOrgId: string, title: string) => ({
        senderOrgId,
        recipientOrgIds: [recipientOrgId],
        type: 'request_for_assistance',
        tlp: 'TLP:AMBER',
        title,
        incidentStatus: 'ongoing',
        sector: 'energy',
        impactLevel: 'high',
        isCrossBorder: true,
        assistanceRequested: ['malware_analysis'],
        assistanceDetails: 'Analysis of a wiper sample.',
        actionsTaken: 'Affected segments isolated.',
        urgency: 'priority',
        responseLanguage: 'en',
        description: 'Disk wiper activity on control servers; the dropper persists as a scheduled task.',
      });
      const chileApi = await signIn(stack.app, chilePoc.email, { withTotp: true });
      const kenyaDiplomatApi = await signIn(stack.app, kenyaDiplomat.email, { withTotp: true });
      const send = (client: Client, body: Record<string, unknown>) =>
        client
          .request({ method: 'POST', url: '/api/v1/assistance-requests', payload: body })
          .then(expectCreated);
      const received = await send(chileApi, request(chile.id, kenya.id, 'Wiper on the Chilean grid'));
      await send(kenyaDiplomatApi, request(kenya.id, chile.id, 'Phishing wave against ministries'));
      const ack = await kenyaDiplomatApi.request({
        method: 'POST',
        url: `/api/v1/assistance-requests/${received.id}/acknowledgement`,
        payload: {},
      });
      expect(ack.statusCode, ack.body).toBe(200);

      // A communication check, sent by another member of the secretariat.
      const check = await (await signIn(stack.app, secretariatApi.email, { withTotp: true }))
        .request({
          method: 'POST',
          url: '/api/v1/communication-checks',
          payload: { note: 'Quarterly check of the directory.', respondWithinHours: 48 },
        })
        .then(expectCreated);

      const found: Record<string, string[]> = {};
      const notRtl: string[] = [];
      const visit = async (page: Page, who: string, pages: PageToCheck[]) => {
        for (const language of ['en', 'ar']) {
          await page.goto(`${stack.baseUrl}/`);
          await page.waitForSelector('main h1');
          await page.locator('header select').selectOption(language);
          await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
          for (const { path, ready } of pages) {
            const name = `${who} ${language} ${path}`;
            await page.goto(`${stack.baseUrl}${path}`);
            try {
              await page.waitForSelector('main h1');
              // The state the page is meant to be checked in, not a spinner or an error.
              await page.locator(ready).first().waitFor();
              await page.waitForLoadState('networkidle');
            } catch (error) {
              const file = `${SHOTS}/${name.replace(/[^a-z0-9]+/gi, '-')}.png`;
              await page.screenshot({ path: file, fullPage: true });
              throw new Error(`${name} did not settle (screenshot ${file}): ${String(error)}`);
            }
            const violations = await findSeriousA11yViolations(page);
            found[name] = violations.map(
              (v) =>
                `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            );
            if (language === 'ar') {
              const dir = await page.evaluate(() => document.documentElement.dir);
              if (dir !== 'rtl') notRtl.push(`${name}: dir="${dir}"`);
            }
          }
        }
      };

      // Without signing in: the public coverage, and the pages a link in a mail opens.
      const anonymous = await browser.newContext({ locale: 'en-GB' });
      anonymous.setDefaultTimeout(15_000);
      const anonymousPages: PageToCheck[] = [
        { path: '/contacts', ready: 'main table' },
        { path: '/contacts/coverage', ready: 'main table' },
        {
          path: `/contacts/reconfirm#id=${chileEntry.id}&token=${INVALID_TOKEN}`,
          ready: 'main .cg-alert-danger',
        },
        { path: `/checks/acknowledge#token=${INVALID_TOKEN}`, ready: 'main .cg-alert-danger' },
      ];
      await visit(await anonymous.newPage(), 'anonymous', anonymousPages);

      // A point of contact who is also its State's admin: the directory, the editor and the requests.
      const kenyaPages: PageToCheck[] = [
        { path: '/contacts', ready: 'main article.cg-poc-card >> text=CSIRT Chile duty desk' },
        { path: '/contacts/coverage', ready: 'main table' },
        { path: `/contacts/new?orgId=${kenya.id}`, ready: 'main form input' },
        { path: `/contacts/${chileEntry.id}`, ready: 'main .cg-poc-fingerprint' },
        { path: '/requests', ready: 'main a >> text=Wiper on the Chilean grid' },
        { path: '/requests?box=outbox', ready: 'main a >> text=Phishing wave against ministries' },
        { path: '/requests/new', ready: 'main .cg-tlp-option' },
        { path: `/requests/${received.id}`, ready: 'main .cg-rfa-actions button' },
        { path: `/requests/${received.id}/print`, ready: 'main .cg-rfa-print-document h1' },
      ];
      const kenyaContext = await browser.newContext({ locale: 'en-GB', timezoneId: 'Africa/Nairobi' });
      await visit(await signInAs(kenyaContext, kenyaUser.email), 'POC', kenyaPages);

      // The secretariat: communication checks.
      const checkPages: PageToCheck[] = [
        { path: '/checks', ready: 'main >> text=Quarterly check of the directory.' },
        { path: '/checks/new', ready: 'main form' },
        { path: `/checks/${check.id}`, ready: 'main >> text=Quarterly check of the directory.' },
      ];
      const secretariatContext = await browser.newContext({ locale: 'en-GB' });
      await visit(await signInAs(secretariatContext, secretariat.email), 'secretariat', checkPages);

      expect(Object.keys(found)).toHaveLength(
        2 * (anonymousPages.length + kenyaPages.length + checkPages.length),
      );
      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((name) => [name, []])));
      expect(notRtl).toEqual([]);
    }, 120_000);
  },
);

import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import type { Browser, BrowserContext, Download, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { incidentBody } from '../../src/modules/incidents/test-support.ts';
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
import { ATTRIBUTION, arabic, fillAttributionForm, fillIncidentEditor, RECORD } from './incidents-support.ts';

const SHOTS = '/tmp/e2e-incidents';
const ZONE = 'Africa/Nairobi';
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Another published incident, elsewhere and of another type, so the dashboard's filters have something to leave out. */
const OTHER_TITLE = 'Denial of service against the Accra electricity distributor';
/** A draft that stays inside its organization. */
const DRAFT_TITLE = 'Suspected espionage against a water utility (unconfirmed)';
const CORRECTION_NOTE = 'The ministry revised the number of patients redirected to other hospitals.';
const ATTRIBUTION_NOTE = `Attribution added: ${ATTRIBUTION.attributorName} attributes it to ${ATTRIBUTION.actorName} (technical, ${ATTRIBUTION.attributedOn}).`;

async function expectStatus(response: { statusCode: number; body: string }, status: number) {
  expect(response.statusCode, response.body).toBe(status);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The public corrections log of an incident page (the card; its table's region has the same name). */
const logOf = (page: Page) => page.getByRole('region', { name: 'Corrections log' }).first();

/** The text of the first row of `table` whose header cell is `name`, cells separated by " | ". */
async function rowText(table: Locator, name: string | RegExp): Promise<string> {
  const row = table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name }) });
  await row.waitFor();
  return (await row.getByRole('cell').allTextContents()).join(' | ');
}

describeInBrowser('incidents: recorded, published, attributed, charted and corrected in Chromium', () => {
  let stack: Stack;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let analyst: { email: string };
  let admin: { email: string };
  let outsider: { email: string };
  let draftId = '';
  // Filled in by the first test and used by the ones after it, in order.
  let incidentId = '';
  let analystPage: Page;

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  async function newContext(): Promise<BrowserContext> {
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: ZONE });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    return context;
  }
  async function anonymousPage(): Promise<Page> {
    return (await newContext()).newPage();
  }
  const signedIn = async (email: string) => signInInBrowser(stack.baseUrl, await newContext(), email, false);
  const incidentUrl = (id: string) => `${stack.baseUrl}/incidents/${id}`;

  /** Waits for the download a click starts, and returns it with its bytes. */
  async function download(page: Page, button: Locator): Promise<{ file: Download; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const path = await file.path();
    return { file, bytes: readFileSync(path) };
  }

  /**
   * A civil-society tracker with an analyst who writes and an admin who reviews; a CERT whose member is an
   * outsider to the tracker's drafts. Through the API the tracker has published another incident (Ghana,
   * DDoS) and keeps a draft.
   */
  beforeAll(async () => {
    rmSync(SHOTS, { recursive: true, force: true });
    mkdirSync(SHOTS, { recursive: true });
    stack = await startStack();
    browser = await launchBrowser();
    const db = stack.app.ctx.db;
    const tracker = await createOrganization(db, { name: 'Health Incident Watch', kind: 'civil_society' });
    const cert = await createOrganization(db, { name: 'CERT of Exampleland', kind: 'cert' });
    analyst = await createMember(db, tracker.id, 'member');
    admin = await createMember(db, tracker.id, 'org_admin');
    outsider = await createMember(db, cert.id, 'member');

    const analystApi: Client = await signIn(stack.app, analyst.email);
    const adminApi: Client = await signIn(stack.app, admin.email);
    const other = await analystApi.request({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: incidentBody(tracker.id, {
        title: OTHER_TITLE,
        types: ['ddos'],
        countries: ['GH'],
        sectors: [{ sector: 'energy', subSector: 'electricity' }],
        victims: [{ isAnonymised: true, kind: 'company', country: 'GH' }],
        norms: [],
      }),
    });
    await expectStatus(other, 201);
    const otherId = (other.json() as { id: string }).id;
    await expectStatus(
      await analystApi.request({
        method: 'POST',
        url: `/api/v1/incidents/${otherId}/editorial`,
        payload: { action: 'submit' },
      }),
      200,
    );
    await expectStatus(
      await adminApi.request({
        method: 'POST',
        url: `/api/v1/incidents/${otherId}/editorial`,
        payload: { action: 'publish' },
      }),
      200,
    );
    const draft = await analystApi.request({
      method: 'POST',
      url: '/api/v1/incidents',
      payload: incidentBody(tracker.id, { title: DRAFT_TITLE, types: ['espionage'] }),
    });
    await expectStatus(draft, 201);
    draftId = (draft.json() as { id: string }).id;
  }, 60_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await stack?.close();
  });

  it('an analyst records an incident in the editor, saves the draft and submits it for review', async () => {
    analystPage = await signedIn(analyst.email);
    const page = analystPage;
    await page.goto(`${stack.baseUrl}/incidents`);
    await page.getByRole('heading', { name: 'Incidents', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Record an incident' }).click();
    await page.getByRole('heading', { name: 'Record an incident', level: 1 }).waitFor();

    // Saving an empty form is refused in the page, with the parts of the form to look at.
    await page.getByRole('button', { name: 'Save the draft' }).click();
    const problems = page.getByRole('alert').filter({ hasText: 'Some fields need your attention' });
    await problems.getByRole('link', { name: 'The incident' }).waitFor();
    await page.getByText('Choose at least one type.').waitFor();

    await fillIncidentEditor(page);
    await shot(page, '01-editor-filled-en');
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await page.waitForURL(/\/incidents\/inc_[0-9a-z]+$/);
    incidentId = new URL(page.url()).pathname.split('/').pop() as string;
    await page.getByRole('heading', { name: RECORD.title, level: 1 }).waitFor();

    // A draft, only for its organization; its author submits it and cannot publish it.
    const workflow = page.getByRole('region', { name: 'Editorial workflow' });
    await workflow.getByText('Draft', { exact: true }).waitFor();
    await page.getByText('This record is not published', { exact: false }).waitFor();
    await workflow.getByRole('button', { name: 'Submit for review' }).click();
    await workflow.getByText('In review', { exact: true }).waitFor();
    await workflow.getByText(/^Waiting for review by another member of your organization/).waitFor();
    expect(await workflow.getByRole('button', { name: 'Publish' }).count()).toBe(0);

    // What was typed is what the record holds.
    const targets = page.getByRole('region', { name: 'Types and targets' });
    for (const type of RECORD.types) await targets.getByText(type, { exact: true }).waitFor();
    await targets.getByText(RECORD.country.name, { exact: true }).first().waitFor();
    await targets.getByText(`${RECORD.sector} · ${RECORD.subSector}`).waitFor();
    await targets.getByText(RECORD.namedVictim).waitFor();
    await targets.getByText('Anonymised company').waitFor();
    const impacts = page.getByRole('region', { name: 'Impacts and harm' });
    await impacts.getByText(`${RECORD.availabilityHours} hours`).waitFor();
    await impacts.getByText('3 hospital services').waitFor();
    await impacts.getByText('120 patients').waitFor();

    // The intensity and its arithmetic: 3 for availability over 7 days, 1 for harm to people.
    const intensity = page.getByRole('region', { name: 'Intensity', exact: true });
    await intensity.getByText('Intensity 4/10').waitFor();
    const breakdown = intensity.getByRole('table', { name: 'Points of each term of the intensity score' });
    expect(await rowText(breakdown, 'Availability')).toMatch(/^3 of 3 \|/);
    expect(await rowText(breakdown, 'Confidentiality')).toMatch(/^0 of 3 \|/);
    expect(await rowText(breakdown, 'Harm to people')).toMatch(/^1 of 3 \|/);
    expect(await rowText(breakdown, 'Score')).toMatch(/^4 of 10 \| The sum of the terms\.$/);
    await shot(page, '02-in-review-en');
  }, 120_000);

  it('another member of the organization publishes it; anonymous readers find it and read its sources, norms and timeline', async () => {
    const page = await signedIn(admin.email);
    await page.goto(incidentUrl(incidentId));
    await page.getByRole('heading', { name: RECORD.title, level: 1 }).waitFor();
    const workflow = page.getByRole('region', { name: 'Editorial workflow' });
    await workflow.getByText(/^Waiting for review\. Publish it/).waitFor();
    await workflow.getByRole('button', { name: 'Publish' }).click();
    await workflow.getByText('Published', { exact: true }).waitFor();
    await workflow.getByRole('link', { name: 'Correct the record' }).waitFor();

    // Signed out: the search box finds it by a word of its title, and only it.
    const reader = await anonymousPage();
    await reader.goto(`${stack.baseUrl}/incidents`);
    await reader.getByRole('link', { name: OTHER_TITLE }).waitFor();
    await reader.getByRole('link', { name: RECORD.title }).waitFor();
    expect(await reader.getByRole('link', { name: DRAFT_TITLE }).count()).toBe(0);
    expect(await reader.getByRole('link', { name: 'Record an incident' }).count()).toBe(0);
    await reader.getByRole('searchbox', { name: 'Words in the title or description' }).fill(RECORD.titleWord);
    await reader.getByRole('button', { name: 'Search', exact: true }).click();
    await reader.waitForURL(new RegExp(`[?&]q=${RECORD.titleWord}`));
    await reader.getByText('Incidents shown: 1').waitFor();
    expect(await reader.getByRole('link', { name: OTHER_TITLE }).count()).toBe(0);
    await shot(reader, '03-search-en');
    await reader.getByRole('link', { name: RECORD.title }).click();
    await reader.getByRole('heading', { name: RECORD.title, level: 1 }).waitFor();
    expect(await reader.getByRole('region', { name: 'Editorial workflow' }).count()).toBe(0);

    const sources = reader.getByRole('region', { name: 'Sources', exact: true });
    const sourceLink = sources.getByRole('link', { name: new RegExp(`^${RECORD.source.title}`) });
    expect(await sourceLink.getAttribute('href')).toBe(RECORD.source.url);
    await sources.getByText(RECORD.source.publisher).waitFor();
    expect(await sources.getByRole('link', { name: /^archived copy/ }).getAttribute('href')).toBe(
      RECORD.source.archiveUrl,
    );
    // Figures the editor left empty stay unknown on the public page, never zero.
    const leaked = reader
      .locator('dt', { hasText: /^People whose data leaked$/ })
      .locator('xpath=following-sibling::dd[1]');
    expect((await leaked.textContent())?.trim()).toBe('not known');
    const norms = reader.getByRole('region', { name: 'UN norms possibly breached' });
    await norms.getByRole('heading', { name: RECORD.norm }).waitFor();
    await norms.getByText('A/70/174, para. 13(f)', { exact: true }).waitFor();
    await norms.getByText(RECORD.normRationale).waitFor();
    const timeline = reader.getByRole('region', { name: 'Timeline' }).getByRole('listitem');
    const events = (await timeline.allTextContents()).join('\n');
    expect(events).toMatch(/The incident began/);
    expect(events).toMatch(/The incident ended/);
    expect(events).toMatch(/The record was published/);
    await shot(reader, '04-public-incident-en');
  }, 90_000);

  it('an attribution added to the published record shows with its entry in the public corrections log', async () => {
    const page = analystPage;
    await page.reload();
    await page.getByRole('heading', { name: RECORD.title, level: 1 }).waitFor();
    const attributions = page.getByRole('region', { name: 'Attributions', exact: true });
    await attributions.getByRole('button', { name: 'Add an attribution' }).click();
    const form = page.getByRole('form', { name: 'New attribution' });
    await form
      .getByText('This record is published: the new attribution is listed', { exact: false })
      .waitFor();
    await fillAttributionForm(page);
    await form.getByRole('button', { name: 'Add an attribution' }).click();
    await form.waitFor({ state: 'detached' });
    await attributions
      .getByRole('heading', { name: new RegExp(`${ATTRIBUTION.attributorName}.*${ATTRIBUTION.actorName}`) })
      .waitFor();
    await logOf(page).getByRole('cell', { name: ATTRIBUTION_NOTE }).waitFor();

    // A reader sees the same entry, and the attribution in the timeline with the days it took.
    const reader = await anonymousPage();
    await reader.goto(incidentUrl(incidentId));
    const entry = logOf(reader).getByRole('row').filter({ hasText: ATTRIBUTION_NOTE });
    await entry.waitFor();
    expect(await entry.getByRole('cell').allTextContents()).toEqual([
      expect.any(String),
      'Correction',
      ATTRIBUTION_NOTE,
      'attributions',
    ]);
    const timeline = reader.getByRole('region', { name: 'Timeline' });
    await timeline
      .getByRole('link', { name: new RegExp(`${ATTRIBUTION.attributorName}.*attributed it to.*Technical`) })
      .waitFor();
    await timeline.getByText('19 days after it began').waitFor();
    await shot(reader, '05-attribution-logged-en');
  }, 60_000);

  it('the dashboard counts it under its country, types, norm and actor, and gives the figures as CSV and the chart as PNG', async () => {
    const page = await anonymousPage();
    await page.goto(`${stack.baseUrl}/incidents/dashboard`);
    await page.getByRole('heading', { name: 'Incident statistics', level: 1 }).waitFor();
    const total = page.getByRole('status').filter({ hasText: 'Published incidents matching these filters' });
    await total.getByText('Published incidents matching these filters: 2').waitFor();

    await page.getByLabel('Targeted country', { exact: true }).selectOption({ label: RECORD.country.name });
    await total.getByText('Published incidents matching these filters: 1').waitFor();
    await page.waitForURL(new RegExp(`[?&]country=${RECORD.country.code}`));

    // The charts' figures, read from their tables and from the pictures' accessible names.
    // The card, not the region of its table, which has the same name.
    const card = (title: string) => page.getByRole('region', { name: title, exact: true }).first();
    const table = async (title: string) => {
      // The chart's name follows the button's words in a visually hidden part, read after a pause.
      await card(title)
        .getByRole('button', { name: new RegExp(`^Show as table\\s*: ${escapeRegExp(title)}$`) })
        .click();
      return card(title).getByRole('table', { name: title });
    };
    const byType = await table('Incidents by type');
    expect(await rowText(byType, 'Ransomware')).toBe('1');
    expect(await rowText(byType, 'Data theft')).toBe('1');
    expect(await byType.getByRole('row').count()).toBe(3);
    const byCountryTitle = 'Incidents by targeted country (top 20)';
    const byCountry = await table(byCountryTitle);
    expect(await rowText(byCountry, RECORD.country.name)).toBe('1');
    expect(await byCountry.getByRole('row').count()).toBe(2);
    await card(byCountryTitle)
      .getByRole('img', { name: `${byCountryTitle} ${RECORD.country.name}: 1` })
      .waitFor();
    const byNorm = await table('Incidents by norm they may have breached');
    // The dashboard isolates the paragraph "13(f)" so it keeps its order in right-to-left pages.
    expect(await rowText(byNorm, /^\W*13\(f\)\W*Do not damage critical infrastructure$/)).toBe('1');
    expect(await rowText(byNorm, /13\(a\)/)).toBe('0');
    const byActor = await table('Incidents by attributed actor (top 20)');
    expect(await rowText(byActor, ATTRIBUTION.actorName)).toBe('1');
    const harm = card('Harm totals');
    const harmFigure = (label: string) =>
      harm.getByRole('term').filter({ hasText: label }).locator('xpath=following-sibling::dd').textContent();
    expect(await harmFigure('Patients redirected')).toBe(RECORD.patientsRedirected);
    expect(await harmFigure('Hospital services disrupted')).toBe(RECORD.hospitalServicesDisrupted);
    await shot(page, '06-dashboard-kenya-en');

    // The chart's figures as CSV, and its picture as a PNG file.
    const csv = await download(
      page,
      card('Incidents by type').getByRole('button', { name: /^Download CSV/ }),
    );
    expect(csv.file.suggestedFilename()).toMatch(/^incident-statistics-by-type-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(csv.bytes.toString('utf8')).toBe(
      '\uFEFFCode,Label,Incidents\r\ndata_theft,Data theft,1\r\nransomware,Ransomware,1\r\n',
    );
    const png = await download(page, card(byCountryTitle).getByRole('button', { name: /^Download PNG/ }));
    expect(png.file.suggestedFilename()).toMatch(/^incident-statistics-by-country-\d{4}-\d{2}-\d{2}\.png$/);
    expect([...png.bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(png.bytes.length).toBeGreaterThan(1000);

    // Filtering by the other incident's type leaves this one out.
    await page
      .getByLabel('Incident type', { exact: true })
      .selectOption({ label: 'Denial of service (DDoS)' });
    await total.getByText('Published incidents matching these filters: 0').waitFor();
    await page.getByText('No published incident you may read matches these filters.').waitFor();
    await page.getByLabel('Targeted country', { exact: true }).selectOption({ label: 'Any' });
    await total.getByText('Published incidents matching these filters: 1').waitFor();
    const ddosCountries = await table(byCountryTitle);
    expect(await ddosCountries.getByRole('rowheader', { name: RECORD.country.name }).count()).toBe(0);
    expect(await rowText(ddosCountries, 'Ghana')).toBe('1');
  }, 90_000);

  it('a correction of a harm figure through the editor goes to the public log with its note', async () => {
    const page = analystPage;
    await page.goto(incidentUrl(incidentId));
    await page
      .getByRole('region', { name: 'Editorial workflow' })
      .getByRole('link', { name: 'Correct the record' })
      .click();
    await page.getByRole('heading', { name: new RegExp(`^Edit: .${RECORD.title}.$`), level: 1 }).waitFor();
    await page.getByText('This record is published', { exact: true }).waitFor();
    const harm = page.getByRole('region', { name: 'Harm to people' });
    expect(await harm.getByLabel(/^Patients redirected/).inputValue()).toBe(RECORD.patientsRedirected);
    await harm.getByLabel(/^Patients redirected/).fill('185');

    // A correction without its public note is refused beside the note.
    await page.getByRole('button', { name: 'Publish the correction' }).click();
    const note = page.getByLabel('What you correct, and why (public note)');
    await expect.poll(() => note.getAttribute('aria-invalid')).toBe('true');
    await note.fill(CORRECTION_NOTE);
    await page.getByRole('button', { name: 'Publish the correction' }).click();
    await page.waitForURL(incidentUrl(incidentId));
    await page.getByRole('region', { name: 'Impacts and harm' }).getByText('185 patients').waitFor();

    const reader = await anonymousPage();
    await reader.goto(incidentUrl(incidentId));
    await reader.getByRole('heading', { name: RECORD.title, level: 1 }).waitFor();
    const entry = logOf(reader).getByRole('row').filter({ hasText: CORRECTION_NOTE });
    await entry.waitFor();
    expect((await entry.getByRole('cell').allTextContents()).slice(1)).toEqual([
      'Correction',
      CORRECTION_NOTE,
      'harm to people',
    ]);
    await reader.getByRole('region', { name: 'Impacts and harm' }).getByText('185 patients').waitFor();
    const timeline = reader.getByRole('region', { name: 'Timeline' });
    await timeline.getByText(CORRECTION_NOTE).waitFor();
    await shot(reader, '07-corrected-en');
  }, 60_000);

  it("a member of another organization can neither edit the record nor open the organization's draft", async () => {
    const page = await signedIn(outsider.email);
    await page.goto(incidentUrl(incidentId));
    await page.getByRole('heading', { name: RECORD.title, level: 1 }).waitFor();
    // The page is there in full, without the editors' controls.
    await logOf(page).waitFor();
    expect(await page.getByRole('region', { name: 'Editorial workflow' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Edit', exact: true }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Correct the record' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Add an attribution' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0);

    await page.goto(`${incidentUrl(incidentId)}/edit`);
    await page.getByText('You cannot edit this record').waitFor();
    expect(await page.getByRole('button', { name: 'Publish the correction' }).count()).toBe(0);

    for (const url of [incidentUrl(draftId), `${incidentUrl(draftId)}/edit`]) {
      await page.goto(url);
      await page.getByText('This incident does not exist, or you may not read it.').waitFor();
      expect(await page.getByText(DRAFT_TITLE).count()).toBe(0);
    }
    await shot(page, '08-outsider-draft-en');
    await page.goto(`${stack.baseUrl}/incidents`);
    await page.getByRole('link', { name: RECORD.title }).waitFor();
    expect(await page.getByRole('link', { name: DRAFT_TITLE }).count()).toBe(0);
  }, 60_000);

  it('the list, the incident page, the editor and the dashboard have no serious axe violations, in English and in Arabic', async () => {
    const page = await signedIn(analyst.email);
    /** A text of the page in the language of the check: English here, the Arabic catalog's otherwise. */
    let language: 'en' | 'ar' = 'en';
    const text = (english: string, key: string) => (language === 'ar' ? arabic(key) : english);
    // Each page is checked once what the reader came for is on it.
    const pages: { name: string; path: string; ready: () => Locator }[] = [
      {
        name: 'list',
        path: '/incidents',
        ready: () => page.getByRole('heading', { name: text('Incidents', 'incidents.list.title'), level: 1 }),
      },
      {
        name: 'incident',
        path: `/incidents/${incidentId}`,
        ready: () => page.getByRole('heading', { name: RECORD.title, level: 1 }),
      },
      {
        name: 'correction-editor',
        path: `/incidents/${incidentId}/edit`,
        ready: () =>
          page.getByRole('button', {
            name: text('Publish the correction', 'incidentEditor.saveCorrection'),
          }),
      },
      {
        name: 'new-editor',
        path: '/incidents/new',
        ready: () => page.getByRole('button', { name: text('Save the draft', 'incidentEditor.create') }),
      },
      {
        name: 'dashboard',
        path: `/incidents/dashboard?country=${RECORD.country.code}`,
        ready: () => page.locator('svg[data-chart][role="img"]').first(),
      },
    ];
    for (const choice of ['en', 'ar'] as const) {
      language = choice;
      await page.goto(`${stack.baseUrl}/incidents`);
      await page.locator('header select').first().selectOption(language);
      await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(language === 'ar' ? 'rtl' : 'ltr');
      for (const { name, path, ready } of pages) {
        await page.goto(`${stack.baseUrl}${path}`);
        await ready().waitFor();
        if (name === 'list') await page.getByRole('link', { name: RECORD.title }).waitFor();
        if (name === 'dashboard') {
          // The tables are part of the page too: open them all before the check.
          const show = text('Show as table', 'incidentDashboard.chart.showTable');
          // Each button is renamed once its table shows, so the first left is always the next one.
          const buttons = page.getByRole('button', { name: new RegExp(`^${show}`) });
          while ((await buttons.count()) > 0) await buttons.first().click();
        }
        if (name === 'incident') {
          // The attribution form, open, is checked with the page.
          await page
            .getByRole('button', { name: text('Add an attribution', 'incidents.attributions.add') })
            .click();
          await page.getByRole('form').first().waitFor();
        }
        await expectNoSeriousA11yViolations(page, `${language} ${path}`);
        await shot(page, `09-${language}-${name}`);
      }
    }
  }, 180_000);
});

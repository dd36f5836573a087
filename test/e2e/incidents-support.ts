import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** What the incident journey in Chromium shares: the record it types in, and the catalogs' Arabic texts. */

/** The incident the analyst records through the editor: every part of the form has something in it. */
export const RECORD = {
  title: 'Ransomware attack on the Lakeshore teaching hospitals',
  titleWord: 'Lakeshore',
  description: 'Encryption of clinical systems closed the emergency department to ambulances for nine days.',
  startedOn: '2026-03-01',
  endedOn: '2026-03-10',
  status: 'Ended',
  types: ['Ransomware', 'Data theft'],
  country: { code: 'KE', name: 'Kenya' },
  sector: 'Health',
  subSector: 'Hospitals',
  namedVictim: 'Lakeshore Teaching Hospitals Trust',
  availabilityHours: '216',
  hospitalServicesDisrupted: '3',
  patientsRedirected: '120',
  norm: '13(f) Do not damage critical infrastructure',
  normRationale: 'The operation impaired hospital services that the public depends on.',
  source: {
    url: 'https://news.example.org/2026/03/lakeshore-ransomware',
    title: 'Teaching hospitals hit by ransomware',
    publisher: 'Example News',
    archiveUrl: 'https://archive.example.net/2026/03/lakeshore-ransomware',
    archivedOn: '2026-03-05',
  },
} as const;

/** The attribution the analyst adds once the record is published. */
export const ATTRIBUTION = {
  attributorKind: 'Company',
  attributorName: 'Example Threat Intel',
  attributedOn: '2026-03-20',
  basis: 'Technical',
  confidence: 'Medium',
  actorName: 'Vice Lynx',
  source: { url: 'https://intel.example.com/reports/vice-lynx', title: 'Vice Lynx returns' },
} as const;

const arabicCatalog = JSON.parse(
  readFileSync(new URL('../../web/src/i18n/ar.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** A text of the Arabic catalog by its key ("incidents.list.title"), so the test follows the translations. */
export function arabic(key: string): string {
  const text = key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], arabicCatalog);
  if (typeof text !== 'string') throw new Error(`no Arabic text for ${key}`);
  return text;
}

/**
 * Fills the incident editor the way a person would: by the labels of its fields, one part of the form after
 * the other. Every choice comes from a list the page loads, so the selects wait for their options.
 */
export async function fillIncidentEditor(page: Page): Promise<void> {
  const basics = page.getByRole('region', { name: 'The incident' });
  await basics.getByLabel('Title', { exact: true }).fill(RECORD.title);
  await basics.getByLabel('Description', { exact: true }).fill(RECORD.description);
  await basics.getByLabel(/^Began/).fill(RECORD.startedOn);
  await basics.getByLabel(/^Ended/).fill(RECORD.endedOn);
  await basics.getByLabel('Status of the incident').selectOption({ label: RECORD.status });
  const types = basics.getByRole('group', { name: 'Types' });
  for (const type of RECORD.types) await types.getByRole('checkbox', { name: type, exact: true }).check();

  const targets = page.getByRole('region', { name: 'Targets and victims' });
  await targets.getByLabel('Add a country').selectOption({ label: RECORD.country.name });
  await targets.getByRole('button', { name: `Remove ${RECORD.country.name}` }).waitFor();
  await targets.getByRole('button', { name: 'Add a sector' }).click();
  const sector = targets.getByRole('group', { name: 'Sector 1', exact: true });
  await sector.getByLabel('Sector', { exact: true }).selectOption({ label: RECORD.sector });
  await sector.getByLabel(/^Sub-sector/).selectOption({ label: RECORD.subSector });

  await targets.getByRole('button', { name: 'Add a victim' }).click();
  const named = targets.getByRole('group', { name: 'Victim 1', exact: true });
  await named.getByLabel('Kind of victim').selectOption({ label: 'hospital' });
  await named.getByLabel(/^Country/).selectOption({ label: RECORD.country.name });
  await named.getByLabel(/^Sector/).selectOption({ label: RECORD.sector });
  await named.getByLabel('Name', { exact: true }).fill(RECORD.namedVictim);
  await targets.getByRole('button', { name: 'Add a victim' }).click();
  const anonymous = targets.getByRole('group', { name: 'Victim 2', exact: true });
  await anonymous.getByLabel('Kind of victim').selectOption({ label: 'company' });
  await anonymous.getByRole('checkbox', { name: 'Anonymised' }).check();
  // An anonymised victim has no name to give: the field goes away.
  await anonymous.getByLabel('Name', { exact: true }).waitFor({ state: 'detached' });

  const impacts = page.getByRole('region', { name: 'Impacts' });
  await impacts.getByRole('checkbox', { name: 'Availability' }).check();
  await impacts.getByLabel(/^Duration in hours/).fill(RECORD.availabilityHours);

  const harm = page.getByRole('region', { name: 'Harm to people' });
  await harm.getByLabel(/^Hospital services disrupted/).fill(RECORD.hospitalServicesDisrupted);
  await harm.getByLabel(/^Patients redirected/).fill(RECORD.patientsRedirected);

  const norms = page.getByRole('region', { name: 'UN norms and international law' });
  await norms.getByRole('button', { name: 'Add a norm' }).click();
  const norm = norms.getByRole('group', { name: 'Norm 1', exact: true });
  await norm.getByLabel('Norm', { exact: true }).selectOption({ label: RECORD.norm });
  await norm.getByLabel('Rationale', { exact: true }).fill(RECORD.normRationale);

  const sources = page.getByRole('region', { name: 'Sources' });
  await sources.getByRole('button', { name: 'Add a source' }).click();
  const source = sources.getByRole('group', { name: 'Source 1', exact: true });
  await source.getByLabel('Web address', { exact: true }).fill(RECORD.source.url);
  await source.getByLabel('Title', { exact: true }).fill(RECORD.source.title);
  await source.getByLabel(/^Publisher/).fill(RECORD.source.publisher);
  await source.getByLabel(/^Archived copy/).fill(RECORD.source.archiveUrl);
  await source.getByLabel(/^Archived on/).fill(RECORD.source.archivedOn);
}

/** Fills the attribution form that opens on the incident page. */
export async function fillAttributionForm(page: Page): Promise<void> {
  const form = page.getByRole('form', { name: 'New attribution' });
  await form.getByLabel('Kind of attributor').selectOption({ label: ATTRIBUTION.attributorKind });
  await form.getByLabel('Name of the attributor').fill(ATTRIBUTION.attributorName);
  await form.getByLabel('Date of attribution').fill(ATTRIBUTION.attributedOn);
  await form.getByLabel('Basis', { exact: true }).selectOption({ label: ATTRIBUTION.basis });
  await form.getByLabel('Confidence', { exact: true }).selectOption({ label: ATTRIBUTION.confidence });
  await form.getByLabel('Name of the actor').fill(ATTRIBUTION.actorName);
  // An attribution stands on at least one source: the form starts with its row.
  const source = form.getByRole('group', { name: 'Source 1', exact: true });
  await source.getByLabel('Web address', { exact: true }).fill(ATTRIBUTION.source.url);
  await source.getByLabel('Title', { exact: true }).fill(ATTRIBUTION.source.title);
}

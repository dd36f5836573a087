import * as openpgp from 'openpgp';
import type { Static } from 'typebox';
import type { Config } from '../../config.ts';
import type { Db, Dialect } from '../../core/db/database.ts';
import { demoActor, demoContext, demoOrgId } from '../demo-support.ts';
import type { Nominate } from './entries/entries.schemas.ts';
import { nominate } from './entries/entries.service.ts';
import { addCalendarMonths, addDays, VALIDITY_MONTHS, validUntilFrom } from './freshness/validity.ts';

type Seeded = Omit<Static<typeof Nominate>, 'orgId' | 'userId'> & {
  org: string;
  /** The member who holds the entry (and signs in with TOTP to act on requests). */
  holder: string;
  /** Who nominates it: the organization's admin. */
  by: string;
  /** Backdated after nominating, to show how the directory reads an old confirmation. */
  age?: 'stale' | 'expiring';
  /** Generate an OpenPGP key for the entry at seed time. */
  withKey?: boolean;
};

const KENYA = 'Demo Ministry of Foreign Affairs (Kenya desk)';
const CHILE = 'Demo National Cyber Agency (Chile desk)';
const CSIRT = 'Demo National CSIRT';
const VENDOR = 'Demo Software Vendor Ltd.';
const INSTITUTE = 'Demo Institute for Cyber Policy';

const kenya = (who: 'admin' | 'analyst') => `${who}@ministry-of-foreign-affairs-kenya-desk.demo.invalid`;
const chile = (who: 'admin' | 'analyst') => `${who}@national-cyber-agency-chile-desk.demo.invalid`;
const csirt = (who: 'admin' | 'analyst') => `${who}@national-csirt.demo.invalid`;
const vendor = (who: 'admin' | 'analyst') => `${who}@software-vendor-ltd.demo.invalid`;
const institute = (who: 'admin' | 'analyst') => `${who}@institute-for-cyber-policy.demo.invalid`;

const WEEKDAYS = [1, 2, 3, 4, 5];

/**
 * The demo directory: every address under the reserved .invalid domain, every number in the unassigned
 * +000 range with a 555 line, and every name a desk rather than a person.
 */
const ENTRIES: Seeded[] = [
  {
    org: KENYA,
    holder: kenya('admin'),
    by: kenya('admin'),
    role: 'technical',
    name: 'Kenya desk technical contact (demo)',
    email: 'technical-poc@ministry-of-foreign-affairs-kenya-desk.demo.invalid',
    phone: '+000 20 555 0101',
    messenger: 'Signal: +000 20 555 0102',
    languages: ['en', 'sw'],
    timeZone: 'Africa/Nairobi',
    workingHours: { days: WEEKDAYS, start: '08:00', end: '17:00' },
    services: ['incident_coordination', 'mitigation_advice'],
  },
  {
    org: KENYA,
    holder: kenya('analyst'),
    by: kenya('admin'),
    role: 'diplomatic',
    name: 'Kenya desk diplomatic contact (demo)',
    email: 'diplomatic-poc@ministry-of-foreign-affairs-kenya-desk.demo.invalid',
    phone: '+000 20 555 0110',
    languages: ['en', 'sw'],
    timeZone: 'Africa/Nairobi',
    workingHours: { days: WEEKDAYS, start: '08:30', end: '16:30' },
    services: ['crisis_communication'],
  },
  {
    org: CHILE,
    holder: chile('admin'),
    by: chile('admin'),
    role: 'technical',
    name: 'Chile desk technical contact (demo)',
    email: 'technical-poc@national-cyber-agency-chile-desk.demo.invalid',
    phone: '+000 2 555 0120',
    hotline: '+000 2 555 0129 (24/7)',
    languages: ['es', 'en'],
    timeZone: 'America/Santiago',
    workingHours: { days: WEEKDAYS, start: '09:00', end: '18:00' },
    services: ['incident_coordination', 'incident_response'],
  },
  {
    org: CHILE,
    holder: chile('analyst'),
    by: chile('admin'),
    role: 'diplomatic',
    name: 'Chile desk diplomatic contact (demo)',
    email: 'diplomatic-poc@national-cyber-agency-chile-desk.demo.invalid',
    phone: '+000 2 555 0130',
    languages: ['es', 'en'],
    timeZone: 'America/Santiago',
    workingHours: { days: WEEKDAYS, start: '09:00', end: '17:00' },
    services: ['crisis_communication', 'legal_cooperation'],
    age: 'stale',
  },
  {
    org: CSIRT,
    holder: csirt('admin'),
    by: csirt('admin'),
    role: 'technical',
    name: 'Demo National CSIRT duty desk',
    email: 'duty-desk@national-csirt.demo.invalid',
    phone: '+000 1 555 0140',
    hotline: '+000 1 555 0199 (24/7)',
    languages: ['fr', 'en'],
    timeZone: 'Europe/Paris',
    workingHours: { days: WEEKDAYS, start: '09:00', end: '18:00' },
    services: ['incident_coordination', 'forensics', 'malware_analysis'],
    withKey: true,
  },
  {
    org: VENDOR,
    holder: vendor('admin'),
    by: vendor('admin'),
    role: 'technical',
    name: 'Demo Software Vendor PSIRT',
    email: 'psirt@software-vendor-ltd.demo.invalid',
    phone: '+000 3 555 0150',
    languages: ['ja', 'en'],
    timeZone: 'Asia/Tokyo',
    workingHours: { days: WEEKDAYS, start: '09:30', end: '18:30' },
    services: ['vulnerability_coordination'],
    age: 'expiring',
  },
  {
    org: INSTITUTE,
    holder: institute('admin'),
    by: institute('admin'),
    role: 'policy',
    name: 'Demo Institute policy desk',
    email: 'policy-desk@institute-for-cyber-policy.demo.invalid',
    phone: '+000 2 555 0160',
    languages: ['ar', 'en'],
    timeZone: 'Africa/Cairo',
    // Sunday to Thursday.
    workingHours: { days: [7, 1, 2, 3, 4], start: '09:00', end: '16:00' },
    services: ['capacity_building'],
  },
];

/** The accounts that hold a demo POC entry: the demo gives them TOTP, since POCs act with a second factor. */
export const DEMO_POC_HOLDERS: readonly string[] = [...new Set(ENTRIES.map((entry) => entry.holder))];

async function demoKey(email: string): Promise<string> {
  const { publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name: 'Demo National CSIRT duty desk', email }],
    format: 'armored',
    config: { v6Keys: false },
  });
  return publicKey;
}

/**
 * The contacts part of the demo dataset, made through the entries service so each nomination is
 * validated, audited and announced to its holder like real use: POCs for the verified demo
 * organizations, one of them with an OpenPGP key, one stale and one about to expire.
 */
export async function seedContactsDemo(db: Db, dialect: Dialect, config: Config): Promise<void> {
  const ctx = await demoContext(db, dialect, config);
  const now = new Date();
  for (const { org, holder, by, age, withKey, ...fields } of ENTRIES) {
    const holderActor = await demoActor(db, holder, true);
    const entry = await nominate(ctx, await demoActor(db, by, DEMO_POC_HOLDERS.includes(by)), {
      ...fields,
      orgId: await demoOrgId(db, org),
      userId: holderActor.userId,
      ...(withKey ? { openpgpKey: await demoKey(fields.email) } : {}),
    });
    if (age) {
      // Demo only: a nomination is always confirmed now, so the entry's confirmation is moved back here,
      // directly, to show a stale entry (confirmed five months ago) and one expiring in 20 days.
      const confirmedAt =
        age === 'stale'
          ? addCalendarMonths(now, -(VALIDITY_MONTHS + 1))
          : addCalendarMonths(addDays(now, 20), -VALIDITY_MONTHS);
      await db
        .updateTable('poc_entries')
        .set({
          confirmed_at: confirmedAt.toISOString(),
          valid_until: validUntilFrom(confirmedAt).toISOString(),
        })
        .where('id', '=', entry.id)
        .execute();
    }
  }
}

import { generateSecret } from 'otplib';
import type { Config } from '../config.ts';
import { recordAudit } from '../core/audit/audit.ts';
import type { Db, Dialect } from '../core/db/database.ts';
import { newId, nowIso } from '../core/db/ids.ts';
import { hashPassword } from '../core/identity/passwords.ts';
import type { OrgKind, OrgRole } from '../core/orgs/kinds.ts';
import { seedAssistanceDemo } from '../modules/assistance/demo.ts';
import { DEMO_POC_HOLDERS, seedContactsDemo } from '../modules/contacts/demo.ts';
import { seedDisclosureDemo } from '../modules/disclosure/demo.ts';
import { seedIncidentsDemo } from '../modules/incidents/demo.ts';
import { seedParticipationDemo } from '../modules/participation/demo.ts';

/**
 * A clearly fictional dataset for trying the platform: every organization name starts with "Demo",
 * every address is under the reserved .invalid domain, and the countries are only for the map.
 */
const DEMO_ORGS: { name: string; kind: OrgKind; countryCode: string | null; isVerified: boolean }[] = [
  {
    name: 'Demo Ministry of Foreign Affairs (Kenya desk)',
    kind: 'state',
    countryCode: 'KE',
    isVerified: true,
  },
  { name: 'Demo National Cyber Agency (Chile desk)', kind: 'state', countryCode: 'CL', isVerified: true },
  { name: 'Demo Regional Cyber Forum', kind: 'intergovernmental', countryCode: null, isVerified: true },
  { name: 'Demo National CSIRT', kind: 'cert', countryCode: 'FR', isVerified: true },
  { name: 'Demo Software Vendor Ltd.', kind: 'private_sector', countryCode: 'JP', isVerified: true },
  { name: 'Demo Digital Rights Watch', kind: 'civil_society', countryCode: 'BR', isVerified: false },
  { name: 'Demo Institute for Cyber Policy', kind: 'academia', countryCode: 'EG', isVerified: true },
  {
    name: 'Demo Internet Operators Group',
    kind: 'technical_community',
    countryCode: null,
    isVerified: false,
  },
];

export const DEMO_PASSWORD = 'demo-password-not-for-production';

export interface DemoCredentials {
  password: string;
  admin: { email: string; totpSecret: string };
  members: { email: string; organization: string; role: OrgRole }[];
  /** The accounts holding a POC entry; they sign in with the admin's TOTP secret. */
  pocs: readonly string[];
  isNew: boolean;
}

function slug(name: string): string {
  return name
    .toLowerCase()
    .replace(/^demo /, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export async function seedDemo(db: Db, dialect: Dialect, config: Config): Promise<DemoCredentials> {
  const adminEmail = 'secretariat@demo.commonground.invalid';
  const existingAdmin = await db
    .selectFrom('users')
    .select(['totp_secret'])
    .where('email', '=', adminEmail)
    .executeTakeFirst();
  const members: DemoCredentials['members'] = DEMO_ORGS.flatMap((org) => [
    { email: `admin@${slug(org.name)}.demo.invalid`, organization: org.name, role: 'org_admin' as const },
    { email: `analyst@${slug(org.name)}.demo.invalid`, organization: org.name, role: 'member' as const },
  ]);
  if (existingAdmin) {
    return {
      password: DEMO_PASSWORD,
      admin: { email: adminEmail, totpSecret: existingAdmin.totp_secret ?? '' },
      members,
      pocs: DEMO_POC_HOLDERS,
      isNew: false,
    };
  }
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const totpSecret = generateSecret();
  await db.transaction().execute(async (trx) => {
    const now = nowIso();
    // POCs act on requests only with a second factor: in this fictional dataset they share the admin's secret.
    const user = (email: string, displayName: string, isAdmin: boolean) => {
      const hasTotp = isAdmin || DEMO_POC_HOLDERS.includes(email);
      return {
        id: newId('usr'),
        email,
        display_name: displayName,
        password_hash: passwordHash,
        totp_secret: hasTotp ? totpSecret : null,
        totp_pending_secret: null,
        totp_enabled_at: hasTotp ? now : null,
        is_platform_admin: isAdmin ? 1 : 0,
        locale: 'en',
        created_at: now,
        updated_at: now,
        disabled_at: null,
      };
    };
    const admin = user(adminEmail, 'Demo Secretariat', true);
    await trx.insertInto('users').values(admin).execute();
    for (const org of DEMO_ORGS) {
      const orgId = newId('org');
      await trx
        .insertInto('organizations')
        .values({
          id: orgId,
          name: org.name,
          kind: org.kind,
          country_code: org.countryCode,
          website: null,
          description: 'A fictional organization of the demo dataset.',
          verification_status: org.isVerified ? 'verified' : 'unverified',
          verification_note: null,
          verified_at: org.isVerified ? now : null,
          verified_by: org.isVerified ? admin.id : null,
          created_by: admin.id,
          created_at: now,
          updated_at: now,
        })
        .execute();
      for (const member of members.filter((m) => m.organization === org.name)) {
        const person = user(
          member.email,
          `${member.role === 'org_admin' ? 'Admin' : 'Analyst'}, ${org.name}`,
          false,
        );
        await trx.insertInto('users').values(person).execute();
        await trx
          .insertInto('memberships')
          .values({ org_id: orgId, user_id: person.id, role: member.role, created_at: now })
          .execute();
      }
    }
    await recordAudit(trx, {
      actor: { type: 'system', label: 'demo' },
      action: 'demo.seeded',
      subjectType: 'instance',
      summary: `Demo dataset loaded: ${DEMO_ORGS.length} organizations, ${members.length + 1} accounts`,
    });
  });
  await seedParticipationDemo(db, dialect, config);
  await seedContactsDemo(db, dialect, config);
  await seedAssistanceDemo(db, dialect, config);
  await seedDisclosureDemo(db, dialect, config);
  await seedIncidentsDemo(db, dialect, config);
  return {
    password: DEMO_PASSWORD,
    admin: { email: adminEmail, totpSecret },
    members,
    pocs: DEMO_POC_HOLDERS,
    isNew: true,
  };
}

export function printDemoCredentials(credentials: DemoCredentials): void {
  const lines = [
    '',
    '  DEMO DATASET (fictional; never use these accounts on a real instance)',
    `  Password for every demo account: ${credentials.password}`,
    '',
    `  Platform admin: ${credentials.admin.email}`,
    `    TOTP secret (add it to an authenticator app): ${credentials.admin.totpSecret}`,
    '',
    '  Organization accounts:',
    ...credentials.members.map(
      (m) =>
        `    ${m.email.padEnd(58)} ${m.role.padEnd(9)} ${m.organization}${credentials.pocs.includes(m.email) ? '  [POC]' : ''}`,
    ),
    '',
    '  POC accounts ([POC]) sign in with TOTP too, using the same TOTP secret as the platform admin',
    '  (fictional dataset only: real accounts each have their own).',
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

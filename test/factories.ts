import { generate } from 'otplib';
import type { Db } from '../src/core/db/database.ts';
import { newId, nowIso } from '../src/core/db/ids.ts';
import { hashPassword } from '../src/core/identity/passwords.ts';
import type { OrgKind, OrgRole, VerificationStatus } from '../src/core/orgs/kinds.ts';

/** Test data straight into the database. Each factory creates what it needs and returns its ids. */

export const DEFAULT_PASSWORD = 'correct horse battery staple';
// A fixed, valid Base32 secret (20 bytes) so tests can compute codes.
export const TEST_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

let passwordHashCache: Promise<string> | undefined;

export async function createUser(
  db: Db,
  fields: {
    email?: string;
    displayName?: string;
    isPlatformAdmin?: boolean;
    hasTotp?: boolean;
    password?: string;
  } = {},
) {
  const id = newId('usr');
  const email = fields.email ?? `${id}@example.test`;
  const now = nowIso();
  if (passwordHashCache === undefined) passwordHashCache = hashPassword(DEFAULT_PASSWORD);
  const passwordHash =
    fields.password === undefined ? await passwordHashCache : await hashPassword(fields.password);
  const hasTotp = fields.hasTotp ?? fields.isPlatformAdmin ?? false;
  await db
    .insertInto('users')
    .values({
      id,
      email,
      display_name: fields.displayName ?? `User ${id.slice(-6)}`,
      password_hash: passwordHash,
      totp_secret: hasTotp ? TEST_TOTP_SECRET : null,
      totp_pending_secret: null,
      totp_enabled_at: hasTotp ? now : null,
      is_platform_admin: fields.isPlatformAdmin ? 1 : 0,
      locale: 'en',
      created_at: now,
      updated_at: now,
      disabled_at: null,
    })
    .execute();
  return { id, email, password: fields.password ?? DEFAULT_PASSWORD };
}

export async function createOrganization(
  db: Db,
  fields: {
    name?: string;
    kind?: OrgKind;
    countryCode?: string | null;
    verificationStatus?: VerificationStatus;
  } = {},
) {
  const id = newId('org');
  const now = nowIso();
  const kind = fields.kind ?? 'cert';
  await db
    .insertInto('organizations')
    .values({
      id,
      name: fields.name ?? `Organization ${id.slice(-6)}`,
      kind,
      country_code: fields.countryCode === undefined ? (kind === 'state' ? 'KE' : null) : fields.countryCode,
      website: null,
      description: null,
      verification_status: fields.verificationStatus ?? 'verified',
      verification_note: null,
      verified_at: (fields.verificationStatus ?? 'verified') === 'verified' ? now : null,
      verified_by: null,
      created_by: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id };
}

export async function addMember(db: Db, orgId: string, userId: string, role: OrgRole = 'member') {
  await db
    .insertInto('memberships')
    .values({ org_id: orgId, user_id: userId, role, created_at: nowIso() })
    .execute();
}

export function currentTotp(secret = TEST_TOTP_SECRET): Promise<string> {
  return generate({ secret });
}

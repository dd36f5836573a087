import pino from 'pino';
import type { Config } from '../config.ts';
import type { UserActor } from '../core/access/index.ts';
import type { AppContext } from '../core/context.ts';
import type { Db, Dialect } from '../core/db/database.ts';
import { getSigningKey } from '../core/db/settings.ts';
import { findMemberships } from '../core/identity/users.repository.ts';

// What the modules' demo seeds (src/modules/*/demo.ts, run by `commonground demo`) share. They act
// through the modules' services, so each needs a context and the demo accounts as actors.

/** A context for seeding outside the server: a quiet log, and no worker to wake (the outbox keeps the messages). */
export async function demoContext(db: Db, dialect: Dialect, config: Config): Promise<AppContext> {
  return {
    config,
    db,
    dialect,
    signingKey: await getSigningKey(db, config.secretKey),
    log: pino({ level: 'silent' }),
    delivery: { wake() {} },
  };
}

/** A demo account as a signed-in user; `hasMfa` says whether it signed in with its second factor. */
export async function demoActor(db: Db, email: string, hasMfa: boolean): Promise<UserActor> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'email', 'display_name'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow();
  return {
    type: 'user',
    userId: row.id,
    email: row.email,
    displayName: row.display_name,
    isPlatformAdmin: false,
    hasMfa,
    memberships: await findMemberships(db, row.id),
    via: 'session',
  };
}

/** The id of a demo organization, by its name. */
export async function demoOrgId(db: Db, name: string): Promise<string> {
  const row = await db
    .selectFrom('organizations')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

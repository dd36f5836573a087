import { randomBytes } from 'node:crypto';
import type { Db } from './database.ts';

/**
 * The key that signs CSRF tokens and links. SECRET_KEY wins; otherwise one is generated on first start
 * and kept in the database, so every app process of the instance shares it.
 */
export async function getSigningKey(db: Db, configured: string): Promise<Buffer> {
  if (configured) return Buffer.from(configured, 'utf8');
  const existing = await db
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', 'signing_key')
    .executeTakeFirst();
  if (existing) return Buffer.from(existing.value, 'base64');
  const generated = randomBytes(32).toString('base64');
  await db
    .insertInto('instance_settings')
    .values({ key: 'signing_key', value: generated })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  // Another process may have won the race: read back what was stored.
  const stored = await db
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', 'signing_key')
    .executeTakeFirstOrThrow();
  return Buffer.from(stored.value, 'base64');
}

import * as openpgp from 'openpgp';
import type { Db } from '../db/database.ts';

/**
 * The instance's own OpenPGP key: it signs the encrypted mail the instance sends, and its public half is
 * published at /.well-known/commonground/openpgp.asc so receivers can check those signatures.
 */
export interface InstanceKey {
  publicArmored: string;
  /** Uppercase hex, no spaces. */
  fingerprint: string;
  privateKey: openpgp.PrivateKey;
}

const SETTING = 'openpgp_private_key';
const FALLBACK_HOST = 'commonground.invalid';

/** The host of PUBLIC_URL for the key's user id, or a fixed name when there is none. */
function hostOf(publicUrl: string | undefined): string {
  if (!publicUrl) return FALLBACK_HOST;
  try {
    return new URL(publicUrl).hostname || FALLBACK_HOST;
  } catch {
    return FALLBACK_HOST;
  }
}

async function readStored(db: Db): Promise<string | undefined> {
  const row = await db
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', SETTING)
    .executeTakeFirst();
  return row?.value;
}

async function loadOrCreate(db: Db, publicUrl: string | undefined): Promise<InstanceKey> {
  let armored = await readStored(db);
  if (armored === undefined) {
    // A v4 key (Ed25519 signing, Curve25519 encryption subkey): what deployed GnuPG versions read.
    const generated = await openpgp.generateKey({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs: [{ name: 'Common Ground', email: `noreply@${hostOf(publicUrl)}` }],
      format: 'armored',
      config: { v6Keys: false },
    });
    await db
      .insertInto('instance_settings')
      .values({ key: SETTING, value: generated.privateKey })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
    // Another process may have won the race: what is stored is the key of the instance.
    armored = await readStored(db);
    if (armored === undefined) throw new Error('The instance OpenPGP key was not stored.');
  }
  const privateKey = await openpgp.readPrivateKey({ armoredKey: armored });
  const publicKey = privateKey.toPublic();
  return {
    publicArmored: publicKey.armor(),
    fingerprint: publicKey.getFingerprint().toUpperCase(),
    privateKey,
  };
}

// Per database handle, so tests with several databases in one process each get their own key.
const cache = new WeakMap<Db, Promise<InstanceKey>>();

/**
 * The instance key, generated on first use and kept in `instance_settings`, shared by every app process
 * of the instance; cached per process. `publicUrl` only names the key when this call generates it.
 */
export function getInstanceKey(db: Db, options: { publicUrl?: string } = {}): Promise<InstanceKey> {
  let entry = cache.get(db);
  if (!entry) {
    entry = loadOrCreate(db, options.publicUrl);
    cache.set(db, entry);
    // A failure (database unreachable) is not remembered: the next call tries again.
    entry.catch(() => {
      if (cache.get(db) === entry) cache.delete(db);
    });
  }
  return entry;
}

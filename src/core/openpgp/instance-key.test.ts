import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import * as openpgp from 'openpgp';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeEachDialect, openTestDatabase, type TestDatabase } from '../../../test/harness/databases.ts';
import { buildApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { type DatabaseHandle, openDatabase } from '../db/database.ts';
import { getInstanceKey } from './instance-key.ts';
import { INSTANCE_KEY_PATH } from './openpgp.routes.ts';

async function storedKeyRows(database: DatabaseHandle) {
  return database.db
    .selectFrom('instance_settings')
    .select('value')
    .where('key', '=', 'openpgp_private_key')
    .execute();
}

function appConfig() {
  return loadConfig({
    LOG_LEVEL: 'silent',
    RATE_LIMIT_PER_MINUTE: '0',
    PUBLIC_URL: 'https://cg.example.test',
    SECRET_KEY: 'test-secret-key-that-is-long-enough-0123456789',
  });
}

describeEachDialect('the instance OpenPGP key', (dialect) => {
  let directory: string;
  let database: TestDatabase;
  // A second connection to the same database, as a second app process would have.
  let other: DatabaseHandle;
  const apps: FastifyInstance[] = [];

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'cg-openpgp-'));
    database = await openTestDatabase(dialect, {
      seedReference: false,
      sqliteFile: join(directory, 'instance.sqlite'),
    });
    other =
      dialect === 'postgres'
        ? openDatabase(database.url, { pgSchema: database.pgSchema ?? 'public', pgPoolSize: 2 })
        : openDatabase(database.url);
  });

  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await other.close();
    await database.destroy();
    await rm(directory, { recursive: true, force: true });
  });

  it('is generated on first use as a v4 Ed25519 key with a Curve25519 subkey, stored once, then stable', async () => {
    expect(await storedKeyRows(database)).toHaveLength(0);
    const first = await getInstanceKey(database.db, { publicUrl: 'https://cg.example.test:8443/base' });
    expect(await storedKeyRows(database)).toHaveLength(1);
    const again = await getInstanceKey(database.db);
    expect(again.fingerprint).toBe(first.fingerprint);
    expect(first.fingerprint).toMatch(/^[0-9A-F]{40}$/);

    const key = first.privateKey;
    expect(key.keyPacket.version).toBe(4);
    expect(key.getAlgorithmInfo()).toEqual({ algorithm: 'eddsaLegacy', curve: 'ed25519Legacy' });
    expect(key.subkeys.map((subkey) => subkey.getAlgorithmInfo())).toEqual([
      { algorithm: 'ecdh', curve: 'curve25519Legacy' },
    ]);
    expect(key.getUserIDs()).toEqual(['Common Ground <noreply@cg.example.test>']);
    expect(first.publicArmored).toMatch(/^-----BEGIN PGP PUBLIC KEY BLOCK-----/);
    expect(first.publicArmored).not.toContain('PRIVATE');

    // What is stored is the private key of the published public key.
    const [row] = await storedKeyRows(database);
    const stored = await openpgp.readPrivateKey({ armoredKey: row!.value });
    expect(stored.getFingerprint().toUpperCase()).toBe(first.fingerprint);
    // Another connection (another process) reads the same key, it does not make a new one.
    expect((await getInstanceKey(other.db)).fingerprint).toBe(first.fingerprint);
    expect(await storedKeyRows(database)).toHaveLength(1);
  });

  it('is one key when two processes ask for it at the same time', async () => {
    const [a, b] = await Promise.all([getInstanceKey(database.db), getInstanceKey(other.db)]);
    expect(a.fingerprint).toBe(b.fingerprint);
    expect(a.publicArmored).toBe(b.publicArmored);
    expect(await storedKeyRows(database)).toHaveLength(1);
  });

  it('is published at the well-known address by every app on the database, with an ETag', async () => {
    const one = await buildApp({ config: appConfig(), database });
    const two = await buildApp({ config: appConfig(), database: other });
    apps.push(one, two);
    const [first, second] = await Promise.all([
      one.inject({ method: 'GET', url: INSTANCE_KEY_PATH }),
      two.inject({ method: 'GET', url: INSTANCE_KEY_PATH }),
    ]);
    for (const response of [first, second]) {
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/pgp-keys');
      expect(response.headers['cache-control']).toBe('public, max-age=3600');
    }
    expect(second.body).toBe(first.body);
    expect(first.body).not.toContain('PRIVATE');
    const published = await openpgp.readKey({ armoredKey: first.body });
    expect(published.isPrivate()).toBe(false);
    const fingerprint = published.getFingerprint().toUpperCase();
    expect(first.headers.etag).toBe(`"${fingerprint}"`);
    expect((await getInstanceKey(database.db)).fingerprint).toBe(fingerprint);
    expect(await storedKeyRows(database)).toHaveLength(1);

    const revalidated = await one.inject({
      method: 'GET',
      url: INSTANCE_KEY_PATH,
      headers: { 'if-none-match': `"${fingerprint}"` },
    });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
    const stale = await one.inject({
      method: 'GET',
      url: INSTANCE_KEY_PATH,
      headers: { 'if-none-match': '"0000"' },
    });
    expect(stale.statusCode).toBe(200);

    // Outside the API, like the health routes: not an operation of the OpenAPI document.
    expect(Object.keys((one.swagger() as { paths: Record<string, unknown> }).paths)).not.toContain(
      INSTANCE_KEY_PATH,
    );
  });
});

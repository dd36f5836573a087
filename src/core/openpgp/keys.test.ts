import * as openpgp from 'openpgp';
import { describe, expect, it } from 'vitest';
import { generateRecipientKey } from '../../../test/fixtures/openpgp.ts';
import { InvalidOpenPgpKeyError, inspectPublicKey, invalidKeyProblem } from './keys.ts';

const DAY = 86_400;

async function reasonOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidOpenPgpKeyError);
    return (error as InvalidOpenPgpKeyError).reason;
  }
  throw new Error('the key was accepted');
}

describe('inspectPublicKey', () => {
  it('reads a valid public key: fingerprint, algorithm, user ids, no expiry', async () => {
    const key = await generateRecipientKey('analyst@cert.example.test');
    const info = await inspectPublicKey(key.publicArmored);
    expect(info.fingerprint).toBe(key.fingerprint);
    expect(info.fingerprint).toMatch(/^[0-9A-F]{40}$/);
    expect(info.algorithm).toBe('EdDSA (Ed25519)');
    expect(info.userIds).toEqual(['<analyst@cert.example.test>']);
    expect(Date.parse(info.createdAt)).toBeLessThanOrEqual(Date.now());
    expect(info.expiresAt).toBeNull();
    expect(info.armored).toMatch(/^-----BEGIN PGP PUBLIC KEY BLOCK-----/);
    expect(info.armored).not.toContain('PRIVATE');
    // What is kept is the same key, read back.
    expect((await inspectPublicKey(info.armored)).fingerprint).toBe(key.fingerprint);
  });

  it('gives the expiry of the encryption capability: the subkey when it ends before the primary key', async () => {
    const created = new Date(Math.floor(Date.now() / 1000) * 1000);
    const { publicKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs: [{ name: 'Analyst', email: 'a@cert.example.test' }],
      date: created,
      keyExpirationTime: 365 * DAY,
      subkeys: [{ keyExpirationTime: 30 * DAY }],
      format: 'armored',
    });
    const info = await inspectPublicKey(publicKey);
    expect(info.expiresAt).toBe(new Date(created.getTime() + 30 * DAY * 1000).toISOString());
    expect(info.userIds).toEqual(['Analyst <a@cert.example.test>']);

    const { publicKey: primaryFirst } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs: [{ email: 'b@cert.example.test' }],
      date: created,
      keyExpirationTime: 10 * DAY,
      format: 'armored',
    });
    expect((await inspectPublicKey(primaryFirst)).expiresAt).toBe(
      new Date(created.getTime() + 10 * DAY * 1000).toISOString(),
    );
  });

  it('describes an RSA key by its size', async () => {
    const { publicKey } = await openpgp.generateKey({
      type: 'rsa',
      rsaBits: 2048,
      userIDs: [{ email: 'rsa@cert.example.test' }],
      format: 'armored',
    });
    expect((await inspectPublicKey(publicKey)).algorithm).toBe('RSA 2048');
  });

  it('refuses a private key, protected by a passphrase or not, and says so', async () => {
    const key = await generateRecipientKey('oops@cert.example.test');
    expect(await reasonOf(inspectPublicKey(key.privateArmored))).toBe('private_key');
    const { privateKey } = await openpgp.generateKey({
      userIDs: [{ email: 'oops@cert.example.test' }],
      passphrase: 'correct horse',
      format: 'armored',
    });
    expect(await reasonOf(inspectPublicKey(privateKey))).toBe('private_key');
    // A private key block with its armor header relabelled is still recognised by its packets.
    const relabelled = key.privateArmored.replaceAll('PRIVATE KEY BLOCK', 'PUBLIC KEY BLOCK');
    expect(await reasonOf(inspectPublicKey(relabelled))).toBe('private_key');
  });

  it('refuses text that is not a key', async () => {
    expect(await reasonOf(inspectPublicKey(''))).toBe('not_a_key');
    expect(await reasonOf(inspectPublicKey('ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI user@host'))).toBe(
      'not_a_key',
    );
    expect(
      await reasonOf(
        inspectPublicKey(
          '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nbm90IGEga2V5\n-----END PGP PUBLIC KEY BLOCK-----\n',
        ),
      ),
    ).toBe('not_a_key');
    const key = await generateRecipientKey('cut@cert.example.test');
    expect(await reasonOf(inspectPublicKey(key.publicArmored.slice(0, 200)))).toBe('not_a_key');
  });

  it('refuses an expired key, and a key whose encryption subkey expired', async () => {
    const longAgo = new Date(Date.now() - 400 * DAY * 1000);
    const { publicKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs: [{ email: 'old@cert.example.test' }],
      date: longAgo,
      keyExpirationTime: 365 * DAY,
      format: 'armored',
    });
    expect(await reasonOf(inspectPublicKey(publicKey))).toBe('expired');
    // The same key was fine while it lasted.
    const before = new Date(longAgo.getTime() + DAY * 1000);
    expect((await inspectPublicKey(publicKey, before)).fingerprint).toMatch(/^[0-9A-F]{40}$/);

    const { publicKey: subkeyExpired } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'ed25519Legacy',
      userIDs: [{ email: 'sub@cert.example.test' }],
      date: longAgo,
      subkeys: [{ keyExpirationTime: 30 * DAY }],
      format: 'armored',
    });
    expect(await reasonOf(inspectPublicKey(subkeyExpired))).toBe('expired');
  });

  it('refuses a key that can only sign', async () => {
    const key = await generateRecipientKey('signonly@cert.example.test', { withEncryptionSubkey: false });
    expect(await reasonOf(inspectPublicKey(key.publicArmored))).toBe('no_encryption_key');
  });

  it('refuses a revoked key', async () => {
    const { privateKey } = await openpgp.generateKey({
      userIDs: [{ email: 'gone@cert.example.test' }],
      format: 'object',
    });
    const { publicKey } = await openpgp.revokeKey({ key: privateKey, format: 'armored' });
    expect(await reasonOf(inspectPublicKey(publicKey))).toBe('revoked');
  });

  it('refuses several keys, in separate blocks or in one', async () => {
    const first = await generateRecipientKey('one@cert.example.test');
    const second = await generateRecipientKey('two@cert.example.test');
    expect(await reasonOf(inspectPublicKey(`${first.publicArmored}\n${second.publicArmored}`))).toBe(
      'multiple_keys',
    );
    const both = openpgp.armor(
      openpgp.enums.armor.publicKey,
      Buffer.concat([
        (await openpgp.readKey({ armoredKey: first.publicArmored })).write(),
        (await openpgp.readKey({ armoredKey: second.publicArmored })).write(),
      ]),
    );
    expect(await reasonOf(inspectPublicKey(both))).toBe('multiple_keys');
  });

  it('refuses more than 64 KiB before parsing', async () => {
    const key = await generateRecipientKey('big@cert.example.test');
    expect(await reasonOf(inspectPublicKey(`${key.publicArmored}${' '.repeat(64 * 1024)}`))).toBe(
      'too_large',
    );
  });

  it('maps a refusal to a 422 problem with a stable code and the reason', async () => {
    const error = new InvalidOpenPgpKeyError('expired', 'This key expired.');
    const problem = invalidKeyProblem(error);
    expect(problem).toMatchObject({
      status: 422,
      code: 'invalid_openpgp_key',
      message: 'This key expired.',
      extra: { reason: 'expired' },
    });
  });
});

import * as openpgp from 'openpgp';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { generateRecipientKey, type RecipientKey } from '../../../../../test/fixtures/openpgp.ts';
import { DecryptionError, decryptFile, decryptText, keySourceOf, unlockPrivateKeys } from './openpgp.ts';

// The browser build of the library cannot load under Node; the same library's Node build stands in for it.
vi.mock('../shared/openpgpBrowser.ts', () => ({ loadOpenpgp: () => Promise.resolve(openpgp) }));

async function problemOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DecryptionError) return error.problem;
    throw error;
  }
  return 'none';
}

describe('decrypting in the browser', () => {
  let program: RecipientKey;
  let other: RecipientKey;
  let protectedArmored: string;
  let ciphertext: string;

  beforeAll(async () => {
    program = await generateRecipientKey('psirt@acme.example');
    other = await generateRecipientKey('someone@else.example');
    const key = await openpgp.readPrivateKey({ armoredKey: program.privateArmored });
    protectedArmored = (await openpgp.encryptKey({ privateKey: key, passphrase: 'correct horse' })).armor();
    ciphertext = await openpgp.encrypt({
      message: await openpgp.createMessage({ text: '{"title":"Auth bypass"}' }),
      encryptionKeys: await openpgp.readKey({ armoredKey: program.publicArmored }),
    });
  });

  it('unlocks an armored key with its passphrase and decrypts the report', async () => {
    const keys = await unlockPrivateKeys(protectedArmored, 'correct horse');
    expect(keys.fingerprints).toEqual([program.fingerprint]);
    expect(await decryptText(keys, ciphertext)).toBe('{"title":"Auth bypass"}');
  });

  it('reads a binary key file as well as an armored one', async () => {
    const key = await openpgp.readPrivateKey({ armoredKey: program.privateArmored });
    const source = keySourceOf(key.write());
    expect(source).toBeInstanceOf(Uint8Array);
    const keys = await unlockPrivateKeys(source, '');
    expect(await decryptText(keys, ciphertext)).toContain('Auth bypass');
    expect(typeof keySourceOf(new TextEncoder().encode(program.privateArmored))).toBe('string');
  });

  it('says which mistake was made: a wrong passphrase, a public key, not a key, another key', async () => {
    expect(await problemOf(unlockPrivateKeys(protectedArmored, 'wrong'))).toBe('wrong_passphrase');
    expect(await problemOf(unlockPrivateKeys(program.publicArmored, ''))).toBe('public_key');
    expect(await problemOf(unlockPrivateKeys('hello', ''))).toBe('not_a_key');
    const otherKeys = await unlockPrivateKeys(other.privateArmored, '');
    expect(await problemOf(decryptText(otherKeys, ciphertext))).toBe('wrong_key');
    expect(await problemOf(decryptText(otherKeys, 'not armored'))).toBe('not_a_message');
  });

  it('decrypts a binary file and gives back the name stored inside', async () => {
    const bytes = new TextEncoder().encode('print("poc")');
    const encrypted = await openpgp.encrypt({
      message: await openpgp.createMessage({ binary: bytes, filename: 'poc.py' }),
      encryptionKeys: await openpgp.readKey({ armoredKey: program.publicArmored }),
      format: 'binary',
    });
    const keys = await unlockPrivateKeys(program.privateArmored, '');
    const file = await decryptFile(keys, encrypted);
    expect(new TextDecoder().decode(file.data)).toBe('print("poc")');
    expect(file.fileName).toBe('poc.py');
  });
});
